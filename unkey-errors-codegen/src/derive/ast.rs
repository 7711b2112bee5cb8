//! A typed view of the derive input: the variants (or the struct) with their attributes read.

use syn::{Data, DeriveInput, Fields, Member};

use super::Errors;
use super::attr::{self, Attrs, ContainerAttrs, Site, Skip};

pub(crate) enum Input<'a> {
    Struct(Item<'a>),
    Enum(Vec<Item<'a>>),
}

/// What the type's own attribute decides for the whole expansion: where it finds the catalogue
/// and the runtime crate, the surface the type answers on, and the impls it leaves out.
pub(crate) struct Container {
    /// The module where `catalogue!` was invoked: `Code` and the lookup macro are there.
    pub(crate) catalogue: syn::Path,
    /// The `unkey-errors` crate.
    pub(crate) runtime: syn::Path,
    /// The `unkey_errors::Surface` variant the type answers on, when not the API.
    pub(crate) surface: Option<syn::Ident>,
    /// The impls the type writes itself.
    pub(crate) skip: Skip,
}

impl Container {
    /// Unkey's catalogue and `::unkey_errors`, unless the type's attribute says otherwise.
    pub(crate) fn new(attrs: ContainerAttrs) -> Self {
        let runtime = attrs
            .runtime
            .unwrap_or_else(|| syn::parse_quote!(::unkey_errors));
        Container {
            catalogue: attrs.catalogue.unwrap_or_else(|| runtime.clone()),
            runtime,
            surface: attrs.surface,
            skip: attrs.skip,
        }
    }

    /// Whether the type answers on the gateway.
    pub(crate) fn is_gateway(&self) -> bool {
        self.surface.as_ref().is_some_and(|s| s == "Gateway")
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

impl Item<'_> {
    /// The field marked `#[unkey(errors)]`, if any.
    pub(crate) fn errors_list(&self) -> Option<&Field<'_>> {
        self.fields.iter().find(|f| f.errors_list.is_some())
    }
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
    /// The field's `#[unkey(errors)]`, when it is marked: it holds the response's `errors`.
    pub(crate) errors_list: Option<&'a syn::Attribute>,
}

impl<'a> Input<'a> {
    /// The typed view of `input`, and what its own attribute decides (read even when the
    /// rest has errors, so the fallback names the right types and impls).
    pub(crate) fn from_syn(
        input: &'a DeriveInput,
        errors: &mut Errors,
    ) -> (Option<Self>, Container) {
        match &input.data {
            Data::Struct(data) => {
                let (item, container) = Item::from_syn(
                    &input.ident,
                    Site::Struct,
                    &input.attrs,
                    &data.fields,
                    errors,
                );
                (Some(Input::Struct(item)), Container::new(container))
            }
            Data::Enum(data) => {
                let (_, container) = attr::read(&input.attrs, Site::Enum, errors);
                let variants = data
                    .variants
                    .iter()
                    .map(|v| Item::from_syn(&v.ident, Site::Variant, &v.attrs, &v.fields, errors).0)
                    .collect();
                (Some(Input::Enum(variants)), Container::new(container))
            }
            Data::Union(_) => {
                errors.spanned(
                    &input.ident,
                    "UnkeyError can be derived for enums and structs, not unions",
                );
                (None, Container::new(ContainerAttrs::default()))
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
                    errors_list: attr::field_is_errors_list(&field.attrs, errors),
                })
                .collect(),
            style,
        };
        (item, container)
    }
}
