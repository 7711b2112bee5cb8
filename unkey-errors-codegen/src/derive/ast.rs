//! A typed view of the derive input: the variants (or the struct) with their attributes read.

use syn::{Data, DeriveInput, Fields, Member};

use super::Errors;
use super::attr::{self, Attrs, ContainerAttrs, Site};

pub(crate) enum Input<'a> {
    Struct(Item<'a>),
    Enum(Vec<Item<'a>>),
}

/// Where the derive's expansion finds the catalogue and the runtime crate.
pub(crate) struct Paths {
    /// The module where `catalogue!` was invoked: `Code` and the lookup macro are there.
    pub(crate) catalogue: syn::Path,
    /// The `unkey-errors` crate.
    pub(crate) runtime: syn::Path,
    /// The `unkey_errors::Surface` variant the type answers on, when not the API.
    pub(crate) surface: Option<syn::Ident>,
}

impl Paths {
    /// Unkey's catalogue and `::unkey_errors`, unless the type's attribute says otherwise.
    pub(crate) fn new(attrs: ContainerAttrs) -> Self {
        let runtime = attrs
            .runtime
            .unwrap_or_else(|| syn::parse_quote!(::unkey_errors));
        Paths {
            catalogue: attrs.catalogue.unwrap_or_else(|| runtime.clone()),
            runtime,
            surface: attrs.surface,
        }
    }
}

/// A struct, or one variant of an enum: something with fields and one code.
pub(crate) struct Item<'a> {
    /// The struct's or variant's name.
    pub(crate) ident: &'a syn::Ident,
    /// A variant of an enum, rather than a struct.
    pub(crate) is_variant: bool,
    pub(crate) attrs: Attrs<'a>,
    pub(crate) fields: Vec<Field<'a>>,
    pub(crate) style: Style,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    Named,
    Unnamed,
    Unit,
}

pub(crate) struct Field<'a> {
    pub(crate) original: &'a syn::Field,
    pub(crate) member: Member,
    /// Marked `#[unkey(errors)]`.
    pub(crate) is_errors_list: bool,
}

impl<'a> Input<'a> {
    /// The typed view of `input`, and the paths its expansion names (read even when the
    /// rest has errors, so the fallback names the right types).
    pub(crate) fn from_syn(input: &'a DeriveInput, errors: &mut Errors) -> (Option<Self>, Paths) {
        match &input.data {
            Data::Struct(data) => {
                let (item, container) = Item::from_syn(
                    &input.ident,
                    Site::Struct,
                    &input.attrs,
                    &data.fields,
                    errors,
                );
                (Some(Input::Struct(item)), Paths::new(container))
            }
            Data::Enum(data) => {
                let (_, container) = attr::read(&input.attrs, Site::Enum, errors);
                let variants = data
                    .variants
                    .iter()
                    .map(|v| Item::from_syn(&v.ident, Site::Variant, &v.attrs, &v.fields, errors).0)
                    .collect();
                (Some(Input::Enum(variants)), Paths::new(container))
            }
            Data::Union(_) => {
                errors.spanned(
                    &input.ident,
                    "UnkeyError can be derived for enums and structs, not unions",
                );
                (None, Paths::new(ContainerAttrs::default()))
            }
        }
    }
}

impl<'a> Item<'a> {
    fn from_syn(
        ident: &'a syn::Ident,
        site: Site,
        attrs: &'a [syn::Attribute],
        fields: &'a Fields,
        errors: &mut Errors,
    ) -> (Self, ContainerAttrs) {
        let style = match fields {
            Fields::Named(_) => Style::Named,
            Fields::Unnamed(_) => Style::Unnamed,
            Fields::Unit => Style::Unit,
        };
        let (attrs, container) = attr::read(attrs, site, errors);
        let item = Item {
            ident,
            is_variant: site == Site::Variant,
            attrs,
            fields: fields
                .iter()
                .enumerate()
                .map(|(index, field)| Field {
                    original: field,
                    member: field
                        .ident
                        .clone()
                        .map_or_else(|| Member::from(index), Member::Named),
                    is_errors_list: attr::field_is_errors_list(&field.attrs, errors),
                })
                .collect(),
            style,
        };
        (item, container)
    }
}
