//! On error: the errors, plus a stub impl so that uses of the trait elsewhere in the crate do
//! not add "the trait `UnkeyError` is not implemented" to the user's screen.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

pub(crate) fn expand(input: &DeriveInput, error: syn::Error) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    // Conditional on `Display`, so a type without one gets no second error from here.
    let mut where_clause = input
        .generics
        .where_clause
        .clone()
        .unwrap_or_else(|| syn::parse_quote!(where));
    where_clause
        .predicates
        .push(syn::parse_quote!(#ident #ty_generics: ::core::fmt::Display));
    let errors = error.to_compile_error();
    quote! {
        #errors

        #[allow(unused_qualifications)]
        impl #impl_generics ::unkey_errors::UnkeyError for #ident #ty_generics #where_clause {
            type Code = ::unkey_errors::Code;

            fn code(&self) -> Self::Code {
                ::core::unreachable!()
            }
        }
    }
}
