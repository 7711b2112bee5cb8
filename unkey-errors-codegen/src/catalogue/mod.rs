//! `catalogue!("path")`: load the catalogue, report its problems or generate its code.

mod docs;
mod generate;

pub use generate::generate;

use std::path::PathBuf;

use proc_macro2::TokenStream;
use syn::LitStr;

pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let path: LitStr = match syn::parse2(input) {
        Ok(path) => path,
        Err(error) => {
            return syn::Error::new(
                error.span(),
                "expected the catalogue's path as a string, e.g. `catalogue!(\"errors.yaml\")`",
            )
            .to_compile_error();
        }
    };
    let shown_as = path.value();
    let resolved = resolve(&shown_as);
    match unkey_errors_catalogue::load(&resolved, &shown_as) {
        Ok(catalogue) => generate::generate(&catalogue, &resolved),
        Err(diagnostics) => diagnostics
            .iter()
            .map(|diagnostic| syn::Error::new(path.span(), diagnostic).to_compile_error())
            .collect(),
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
