//! The procedural macros of [unkey-errors](https://docs.rs/unkey-errors).
//!
//! Depend on `unkey-errors`, which re-exports these macros and holds the types their expansions
//! name; this crate alone is not useful. The work is done in `unkey-errors-codegen`.

#![warn(missing_docs)]

use proc_macro::TokenStream;

/// The work of `unkey_errors::catalogue!`, which forwards its input here with the runtime
/// crate's path (`$crate`) in front. Call that macro, not this one; it carries the docs.
#[doc(hidden)]
#[proc_macro]
pub fn catalogue(input: TokenStream) -> TokenStream {
    match unkey_errors_codegen::catalogue(input.into()) {
        // One call into rustc's lexer for the text. (`proc_macro2` would first lex the text
        // again in this crate's code, which runs unoptimized in the default dev profile: most
        // of the macro's time for a large catalogue.) The text is valid by construction, which
        // the UI tests and the `load_catalogue` fuzz target check by parsing it.
        unkey_errors_codegen::Expansion::Source { prelude, text } => {
            match text.parse::<TokenStream>() {
                Ok(items) => {
                    let mut expansion = TokenStream::from(prelude);
                    expansion.extend(items);
                    expansion
                }
                Err(error) => unkey_errors_codegen::lex_error(&error.to_string()).into(),
            }
        }
        unkey_errors_codegen::Expansion::Errors(errors) => errors.into(),
    }
}

/// The compile error for a code that a catalogue lacks, with the closest codes suggested. The
/// lookup macro that `catalogue!` generates calls it from its last arm. Not public API.
#[doc(hidden)]
#[proc_macro]
pub fn unknown_code(input: TokenStream) -> TokenStream {
    unkey_errors_codegen::unknown_code(input.into()).into()
}

/// Implements `unkey_errors::UnkeyError` for an error enum or struct, mapping each variant to a
/// code of Unkey's catalogue. Every code is checked against the catalogue at compile time.
///
/// On a variant (or a struct): `#[unkey(code = "err:…")]`, optionally with
/// `detail = "… {field} …"`, the public message template. On one field of a variant:
/// `#[unkey(errors)]`, a `Vec<ValidationError>` that becomes the response's `errors` array.
///
/// See the `UnkeyError` trait in `unkey-errors` for an example.
#[proc_macro_derive(UnkeyError, attributes(unkey))]
pub fn derive_unkey_error(input: TokenStream) -> TokenStream {
    unkey_errors_codegen::derive_unkey_error(input.into()).into()
}
