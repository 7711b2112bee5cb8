//! On error: the errors, plus every impl the derive would emit, with placeholder bodies. Uses of
//! the type elsewhere (`?`, `to_response`, an axum handler returning it) then still compile, so
//! the user sees our errors at their spans and not a cascade of "trait not implemented".

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use super::ast::Paths;

/// `lookups` are the code lookups of every item that names a code: they still run, so an
/// unknown code is reported in the same build as the derive's other errors.
pub(crate) fn expand(
    input: &DeriveInput,
    error: syn::Error,
    paths: &Paths,
    lookups: &[TokenStream],
) -> TokenStream {
    let errors = error.to_compile_error();
    if let syn::Data::Union(_) = input.data {
        // The trait can never apply to a union; a stub would only add errors.
        return errors;
    }
    let Paths {
        catalogue, runtime, ..
    } = paths;
    let surface = super::expand::surface(paths);
    let ident = &input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = super::expand::where_clause(input);
    let params = &input.generics.params;
    let predicates = where_clause.as_ref().map(|clause| &clause.predicates);
    quote! {
        #errors

        #runtime::__into_response!([#params] #ident #ty_generics, [#predicates]);
        #runtime::__into_status!([#params] #ident #ty_generics, [#predicates]);
        // No codes: the lookups already run in `code` below, once.
        #runtime::__into_responses!(
            [#params] #ident #ty_generics, [#predicates], #runtime::Surface::Api, []
        );

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
