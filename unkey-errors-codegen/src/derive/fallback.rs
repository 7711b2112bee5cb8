//! On error: the errors, plus every impl the derive would emit, with placeholder bodies. Uses of
//! the type elsewhere (`?`, `to_response`, an axum handler returning it) then still compile, so
//! the user sees our errors at their spans and not a cascade of "trait not implemented".

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use super::ast::Container;
use super::expand;

/// `lookups` are the code lookups of every item that names a code: they still run, so a code
/// the catalogue lacks, or rules out for this use, is reported in the same build as the
/// derive's other errors.
pub(crate) fn expand(
    input: &DeriveInput,
    error: syn::Error,
    container: &Container,
    lookups: &[TokenStream],
) -> TokenStream {
    let errors = error.to_compile_error();
    if let syn::Data::Union(_) = input.data {
        // The trait can never apply to a union; a stub would only add errors.
        return errors;
    }
    let Container {
        catalogue, runtime, ..
    } = container;
    let surface = expand::surface(container);
    let ident = &input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = expand::where_clause(input);
    // No codes: the lookups already run in `code` below, once.
    let framework_impls = expand::framework_impls(input, container, Vec::new());
    quote! {
        #errors

        #framework_impls

        impl #impl_generics #runtime::UnkeyError for #ident #ty_generics #where_clause {
            type Code = #catalogue::Code;

            fn code(&self) -> Self::Code {
                #(let _: Self::Code = #lookups;)*
                ::core::unreachable!()
            }

            #surface
        }
    }
}
