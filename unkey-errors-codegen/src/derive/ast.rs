//! A typed view of the derive input: the variants (or the struct) with their attributes read.

use syn::{Data, DeriveInput, Fields, Member};

use super::Errors;
use super::attr::{self, Attrs};

pub(crate) enum Input<'a> {
    Struct(Item<'a>),
    Enum(Vec<Item<'a>>),
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
    pub(crate) fn from_syn(input: &'a DeriveInput, errors: &mut Errors) -> Option<Self> {
        match &input.data {
            Data::Struct(data) => Some(Input::Struct(Item::from_syn(
                &input.ident,
                false,
                &input.attrs,
                &data.fields,
                errors,
            ))),
            Data::Enum(data) => {
                for attribute in input.attrs.iter().filter(|a| a.path().is_ident("unkey")) {
                    errors.spanned(
                        attribute,
                        "`#[unkey(…)]` goes on each variant of an enum, not on the enum itself",
                    );
                }
                Some(Input::Enum(
                    data.variants
                        .iter()
                        .map(|v| Item::from_syn(&v.ident, true, &v.attrs, &v.fields, errors))
                        .collect(),
                ))
            }
            Data::Union(_) => {
                errors.spanned(
                    &input.ident,
                    "UnkeyError can be derived for enums and structs, not unions",
                );
                None
            }
        }
    }
}

impl<'a> Item<'a> {
    fn from_syn(
        ident: &'a syn::Ident,
        is_variant: bool,
        attrs: &'a [syn::Attribute],
        fields: &'a Fields,
        errors: &mut Errors,
    ) -> Self {
        let style = match fields {
            Fields::Named(_) => Style::Named,
            Fields::Unnamed(_) => Style::Unnamed,
            Fields::Unit => Style::Unit,
        };
        Item {
            ident,
            is_variant,
            attrs: attr::item_attrs(attrs, errors),
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
        }
    }
}
