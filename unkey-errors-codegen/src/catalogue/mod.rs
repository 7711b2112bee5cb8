//! `catalogue!("path")`: load the catalogue, report its problems or generate its code.

mod docs;
mod generate;

pub use generate::{generate, generate_source};

use std::path::PathBuf;

use proc_macro2::TokenStream;
use syn::LitStr;

/// What `catalogue!(<input>)` expands to, before it becomes tokens.
pub enum Expansion {
    /// The generated API, as source text that is always valid Rust.
    Source(String),
    /// One compile error per problem in the input or the catalogue.
    Errors(TokenStream),
}

pub(crate) fn expand(input: TokenStream) -> Expansion {
    let path: LitStr = match syn::parse2(input) {
        Ok(path) => path,
        Err(error) => {
            return Expansion::Errors(
                syn::Error::new(
                    error.span(),
                    "expected the catalogue's path as a string, e.g. `catalogue!(\"errors.yaml\")`",
                )
                .to_compile_error(),
            );
        }
    };
    let shown_as = path.value();
    let resolved = resolve(&shown_as);
    match unkey_errors_catalogue::load(&resolved, &shown_as) {
        Ok(catalogue) => Expansion::Source(generate::generate_source(&catalogue, &resolved)),
        Err(diagnostics) => Expansion::Errors(
            diagnostics
                .iter()
                .map(|diagnostic| syn::Error::new(path.span(), diagnostic).to_compile_error())
                .collect(),
        ),
    }
}

/// A relative path is relative to the crate being compiled, whatever the working directory.
fn resolve(path: &str) -> PathBuf {
    let path = PathBuf::from(path);
    if path.is_absolute() {
        return path;
    }
    match std::env::var_os("CARGO_MANIFEST_DIR") {
        Some(dir) => PathBuf::from(dir).join(path),
        None => path,
    }
}
