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

/// A code of a catalogue, checked against how a derived type uses it. The lookup macro that
/// `catalogue!` generates calls it from each code's arm. Not public API.
#[doc(hidden)]
#[proc_macro]
pub fn checked_code(input: TokenStream) -> TokenStream {
    unkey_errors_codegen::checked_code(input.into()).into()
}

/// Implements `unkey_errors::UnkeyError` for an error enum or struct, mapping each variant to a
/// code of a catalogue (Unkey's, unless the type names another). Every code is checked against
/// the catalogue at compile time.
///
/// On the type (an enum, or a struct):
///
/// - `catalogue = path::to::module`: the module where the catalogue's `catalogue!` was invoked.
/// - `crate = path`: the `unkey-errors` crate, when the dependency is renamed.
/// - `surface = "gateway"`: the type answers on the gateway (default: the API).
/// - `skip(IntoResponse, IntoResponses)`: leave out the derived axum `IntoResponse` or utoipa
///   `IntoResponses` impl (either or both), for a type that writes its own.
///
/// On a variant (or a struct):
///
/// - `code = "err:…"`: the code. A code the catalogue lacks, or that the type's surface never
///   sends, is a compile error on the string; a deprecated code warns there.
/// - `detail = "… {field} …"`: the public message, a template over the variant's fields.
/// - `header = "name: value"`, any number of times: a response header, its value a template
///   like `detail` (`header = "retry-after: {seconds}"`). Names and the value's literal text
///   are checked at compile time; `UnkeyError::headers` lists the headers.
///
/// On one field of a variant: `#[unkey(errors)]`, a `Vec<ValidationError>` that becomes the
/// response's `errors` array; its code must have `errors_array: true`.
///
/// Generic types derive with their bounds and defaults. See the `UnkeyError` trait in
/// `unkey-errors` for an example.
#[proc_macro_derive(UnkeyError, attributes(unkey))]
pub fn derive_unkey_error(input: TokenStream) -> TokenStream {
    unkey_errors_codegen::derive_unkey_error(input.into()).into()
}
