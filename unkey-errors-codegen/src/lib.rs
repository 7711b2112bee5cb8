//! The code generation behind unkey-errors' macros, as an ordinary library.
//!
//! `unkey-errors-macros` is a thin proc-macro shim over this crate. Keeping the work here means
//! it can be benchmarked, tested and fuzzed outside a compiler, and its output written to a file
//! (`cargo run -p unkey-errors-codegen --example expand -- errors.yaml`).

#![warn(missing_docs)]

mod catalogue;
mod derive;
mod idents;

use proc_macro2::TokenStream;

pub use catalogue::{Expansion, RUNTIME_ALIAS, generate_source, generate_standalone_source};

/// The expansion of `catalogue!(<input>)`: the generated API as source text, or one compile
/// error per problem in the catalogue. A relative path is resolved from `CARGO_MANIFEST_DIR`.
///
/// The proc macro hands the text to the compiler's lexer in one call.
pub fn catalogue(input: TokenStream) -> Expansion {
    catalogue::expand(input)
}

/// A compile error for generated text that the compiler's lexer refused: a bug to report.
///
/// Not every lexing failure reaches it (rustc may report some itself, or panic), so the
/// guarantee that the text is valid lies in how it is written and in the tests and fuzz target
/// that parse it.
#[doc(hidden)]
pub fn lex_error(message: &str) -> TokenStream {
    syn::Error::new(
        proc_macro2::Span::call_site(),
        format!("unkey-errors generated code that does not lex ({message}); please report this"),
    )
    .to_compile_error()
}

/// The expansion of `unknown_code!(<code> (<catalogue path>) "<file>" [<every code>] { <use> }?)`:
/// the compile error, on the code string, for a code the catalogue lacks (reported by the
/// lookup that says how the code is used; another lookup of it expands to `unreachable!()`).
/// The lookup macro that `catalogue!` generates calls it when no arm matches.
pub fn unknown_code(input: TokenStream) -> TokenStream {
    derive::unknown_code(input)
}

/// The expansion of `checked_code!((<catalogue path>) <Variant> [<facts>] { <use> }?)`: the
/// code's variant, or compile errors on the code string for a use the code's facts rule out
/// (a surface that never sends it, an `errors` field for a body without the array). Each arm of
/// the lookup macro that `catalogue!` generates calls it.
pub fn checked_code(input: TokenStream) -> TokenStream {
    derive::checked_code(input)
}

/// The expansion of `#[derive(UnkeyError)]` on `input`: the impl, or compile errors plus a stub.
pub fn derive_unkey_error(input: TokenStream) -> TokenStream {
    match syn::parse2::<syn::DeriveInput>(input) {
        Ok(input) => derive::derive(&input),
        Err(error) => error.to_compile_error(),
    }
}
