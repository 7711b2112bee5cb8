//! The `UnkeyError` impl of a validated input.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};
use syn::{DeriveInput, LitStr, Member};

use super::ast::{Field, Input, Item, Style};
use super::template::{self, tuple_binding};
use crate::idents;

pub(crate) fn expand(input: &DeriveInput, parsed: &Input<'_>) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    // A generic type's `Display` (from thiserror) may carry bounds; the impl inherits them.
    let mut where_clause = where_clause.cloned();
    if !input.generics.params.is_empty() {
        where_clause
            .get_or_insert_with(|| syn::parse_quote!(where))
            .predicates
            .push(syn::parse_quote!(Self: ::core::fmt::Display));
    }
    let items: Vec<&Item<'_>> = match parsed {
        Input::Struct(item) => vec![item],
        Input::Enum(variants) => variants.iter().collect(),
    };
    let code_arms = items.iter().map(|item| {
        let pattern = pattern(item, &[]);
        let code = code_path(item);
        quote!(#pattern => #code,)
    });
    let detail_arms = items.iter().map(|item| match &item.attrs.detail {
        Some(detail) => detail_arm(item, detail),
        None => {
            let pattern = pattern(item, &[]);
            quote!(#pattern => ::unkey_errors::public_detail(self),)
        }
    });
    let validation_errors = validation_errors(&items);
    let params = &input.generics.params;
    let predicates = where_clause.as_ref().map(|clause| &clause.predicates);
    quote! {
        ::unkey_errors::__into_response!([#params] #ident #ty_generics, [#predicates]);

        impl #impl_generics ::unkey_errors::UnkeyError for #ident #ty_generics #where_clause {
            type Code = ::unkey_errors::Code;

            fn code(&self) -> Self::Code {
                match self {
                    #(#code_arms)*
                }
            }

            fn detail(&self) -> ::std::borrow::Cow<'_, str> {
                match self {
                    #(#detail_arms)*
                }
            }

            #validation_errors
        }
    }
}

/// `::unkey_errors::codes::<system>::<category>::<SPECIFIC>` for the item's code; validation
/// has already checked that the code exists.
fn code_path(item: &Item<'_>) -> TokenStream {
    let code = item
        .attrs
        .code
        .as_ref()
        .map(LitStr::value)
        .unwrap_or_default();
    match unkey_errors_catalogue::Urn::parse(&code) {
        Ok(urn) => idents::unkey_constant(&urn),
        Err(_) => quote!(::core::unreachable!()),
    }
}

/// `Self::Variant { a, .. }`, `Self::Variant(_, __field1)` or `Self { .. }`, binding `bound`.
fn pattern(item: &Item<'_>, bound: &[Member]) -> TokenStream {
    let path = if item.is_variant {
        let variant = item.ident;
        quote!(Self::#variant)
    } else {
        quote!(Self)
    };
    match item.style {
        Style::Unit => path,
        Style::Named => {
            let names = item
                .fields
                .iter()
                .filter(|f| bound.contains(&f.member))
                .map(|f| &f.original.ident);
            quote!(#path { #(#names,)* .. })
        }
        Style::Unnamed => {
            let slots = item.fields.iter().map(|field| binding(field, bound));
            quote!(#path(#(#slots),*))
        }
    }
}

/// A tuple field's slot in a pattern: its binding when used, `_` otherwise.
fn binding(field: &Field<'_>, bound: &[Member]) -> TokenStream {
    match &field.member {
        Member::Unnamed(index) if bound.contains(&field.member) => {
            let name = Ident::new(&tuple_binding(index.index), Span::call_site());
            quote!(#name)
        }
        _ => quote!(_),
    }
}

fn detail_arm(item: &Item<'_>, detail: &LitStr) -> TokenStream {
    let Ok(parsed) = template::parse(&detail.value()) else {
        return quote!(_ => ::core::unreachable!(),);
    };
    let pattern = pattern(item, &parsed.members);
    let format = LitStr::new(&parsed.format, detail.span());
    quote! {
        #pattern => ::std::borrow::Cow::Owned(::std::format!(#format)),
    }
}

/// `validation_errors`, when some item has an `#[unkey(errors)]` field.
fn validation_errors(items: &[&Item<'_>]) -> TokenStream {
    if !items
        .iter()
        .any(|item| item.fields.iter().any(|f| f.is_errors_list))
    {
        return TokenStream::new();
    }
    let arms = items.iter().map(|item| match item.fields.iter().find(|f| f.is_errors_list) {
        Some(field) => {
            let bound = [field.member.clone()];
            let pattern = pattern(item, &bound);
            let name = match &field.member {
                Member::Named(ident) => quote!(#ident),
                Member::Unnamed(index) => {
                    let name = format_ident!("{}", tuple_binding(index.index));
                    quote!(#name)
                }
            };
            quote! {
                #pattern => ::core::convert::AsRef::<[::unkey_errors::ValidationError]>::as_ref(#name),
            }
        }
        None => {
            let pattern = pattern(item, &[]);
            quote!(#pattern => &[],)
        }
    });
    quote! {
        fn validation_errors(&self) -> &[::unkey_errors::ValidationError] {
            match self {
                #(#arms)*
            }
        }
    }
}
