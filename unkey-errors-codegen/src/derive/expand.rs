//! The `UnkeyError` impl of a validated input.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};
use syn::{DeriveInput, LitStr, Member};

use super::ast::{Field, Input, Item, Paths, Style};
use super::template::{self, tuple_binding};

pub(crate) fn expand(input: &DeriveInput, parsed: &Input<'_>, paths: &Paths) -> TokenStream {
    let Paths {
        catalogue, runtime, ..
    } = paths;
    let surface = surface(paths);
    let ident = &input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = where_clause(input);
    let items: Vec<&Item<'_>> = match parsed {
        Input::Struct(item) => vec![item],
        Input::Enum(variants) => variants.iter().collect(),
    };
    let code_arms = items.iter().map(|item| {
        let pattern = pattern(item, &[]);
        let code = code_lookup(item, paths).unwrap_or_else(|| quote!(::core::unreachable!()));
        quote!(#pattern => #code,)
    });
    let detail_arms = items.iter().map(|item| match &item.attrs.detail {
        Some(detail) => detail_arm(item, detail),
        None => {
            let pattern = pattern(item, &[]);
            quote!(#pattern => #runtime::public_detail(self),)
        }
    });
    let validation_errors = validation_errors(&items, runtime);
    let params = &input.generics.params;
    let predicates = where_clause.as_ref().map(|clause| &clause.predicates);
    let codes = items.iter().filter_map(|item| code_lookup(item, paths));
    let surface_value = surface_value(paths);
    quote! {
        #runtime::__into_response!([#params] #ident #ty_generics, [#predicates]);
        #runtime::__into_status!([#params] #ident #ty_generics, [#predicates]);
        #runtime::__into_responses!(
            [#params] #ident #ty_generics, [#predicates], #surface_value, [#(#codes),*]
        );

        impl #impl_generics #runtime::UnkeyError for #ident #ty_generics #where_clause {
            type Code = #catalogue::Code;

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

            #surface
        }
    }
}

/// `fn surface`, for a type that answers on another surface than the API (the default).
pub(crate) fn surface(paths: &Paths) -> TokenStream {
    let Some(surface) = &paths.surface else {
        return TokenStream::new();
    };
    let runtime = &paths.runtime;
    quote! {
        fn surface(&self) -> #runtime::Surface {
            #runtime::Surface::#surface
        }
    }
}

/// `<runtime>::Surface::<Variant>`: the surface the type answers on, as a value.
pub(crate) fn surface_value(paths: &Paths) -> TokenStream {
    let runtime = &paths.runtime;
    match &paths.surface {
        Some(surface) => quote!(#runtime::Surface::#surface),
        None => quote!(#runtime::Surface::Api),
    }
}

/// The impls' `where` clause: the type's own, and for a generic type `Self: Display`, since
/// its `Display` (from thiserror) may carry bounds that the impls then inherit.
pub(crate) fn where_clause(input: &DeriveInput) -> Option<syn::WhereClause> {
    let mut where_clause = input.generics.where_clause.clone();
    if !input.generics.params.is_empty() {
        where_clause
            .get_or_insert_with(|| syn::parse_quote!(where))
            .predicates
            .push(syn::parse_quote!(Self: ::core::fmt::Display));
    }
    where_clause
}

/// `<catalogue>::__unkey_code!("err:…" (<catalogue>) (<runtime>))`: the item's code, looked
/// up by the macro the catalogue's expansion generated. It gives the variant, or a compile
/// error on the code string when the catalogue lacks it. Validation has checked the code is
/// present.
pub(crate) fn code_lookup(item: &Item<'_>, paths: &Paths) -> Option<TokenStream> {
    let code = item.attrs.code.as_ref()?;
    // The macro matches its arms' literals token for token: write the code as a plain string
    // (a raw string `r"…"` would match no arm), keeping the user's span for the error.
    let code = LitStr::new(&code.value(), code.span());
    let Paths {
        catalogue, runtime, ..
    } = paths;
    Some(quote!(#catalogue::__unkey_code!(#code (#catalogue) (#runtime))))
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
fn validation_errors(items: &[&Item<'_>], runtime: &syn::Path) -> TokenStream {
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
                #pattern => ::core::convert::AsRef::<[#runtime::ValidationError]>::as_ref(#name),
            }
        }
        None => {
            let pattern = pattern(item, &[]);
            quote!(#pattern => &[],)
        }
    });
    quote! {
        fn validation_errors(&self) -> &[#runtime::ValidationError] {
            match self {
                #(#arms)*
            }
        }
    }
}
