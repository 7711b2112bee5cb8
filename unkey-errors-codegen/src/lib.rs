//! The code generation behind unkey-errors' macros, as an ordinary library.
//!
//! `unkey-errors-macros` is a thin proc-macro shim over this crate. Keeping the work here means
//! it can be benchmarked, tested and fuzzed outside a compiler, and its output written to a file
//! (`cargo run -p unkey-errors-codegen --example expand -- errors.yaml`).

#![warn(missing_docs)]

mod catalogue;
mod derive;
mod idents;
// Shared with unkey-errors (a symlink): this crate builds the table that one searches.
#[allow(dead_code)]
mod urn_table;

use proc_macro2::TokenStream;

pub use catalogue::{Expansion, generate, generate_source};

/// The expansion of `catalogue!(<input>)`: the generated API as source text, or one compile
/// error per problem in the catalogue. A relative path is resolved from `CARGO_MANIFEST_DIR`.
///
/// The proc macro hands the text to the compiler's lexer in one call; [`generate`] lexes it
/// with `proc_macro2` for use outside a compiler.
pub fn catalogue(input: TokenStream) -> Expansion {
    catalogue::expand(input)
}

/// Tokens of source text this crate generated. The text is always valid Rust; were it not,
/// the user would see a compile error rather than a panic.
fn source_tokens(text: &str) -> TokenStream {
    text.parse()
        .unwrap_or_else(|error: proc_macro2::LexError| lex_error(&error.to_string()))
}

/// A compile error for generated text that failed to lex (never expected: a bug to report).
pub fn lex_error(message: &str) -> TokenStream {
    syn::Error::new(
        proc_macro2::Span::call_site(),
        format!("unkey-errors generated code that does not lex ({message}); please report this"),
    )
    .to_compile_error()
}

/// The expansion of `#[derive(UnkeyError)]` on `input`: the impl, or compile errors plus a stub.
pub fn derive_unkey_error(input: TokenStream) -> TokenStream {
    match syn::parse2::<syn::DeriveInput>(input) {
        Ok(input) => derive::derive(&input),
        Err(error) => error.to_compile_error(),
    }
}
