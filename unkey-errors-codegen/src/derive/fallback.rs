//! On error: the errors, plus a stub impl so that uses of the trait elsewhere in the crate do
//! not add "the trait `UnkeyError` is not implemented" to the user's screen.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

pub(crate) fn expand(input: &DeriveInput, error: syn::Error) -> TokenStream {
    let errors = error.to_compile_error();
    if let syn::Data::Union(_) = input.data {
        // The trait can never apply to a union; a stub would only add errors.
        return errors;
    }
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #errors

        impl #impl_generics ::unkey_errors::UnkeyError for #ident #ty_generics #where_clause {
            type Code = ::unkey_errors::Code;

            fn code(&self) -> Self::Code {
                ::core::unreachable!()
            }
        }
    }
}
