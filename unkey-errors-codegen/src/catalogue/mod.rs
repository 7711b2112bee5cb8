//! `catalogue!("path")`: load the catalogue, report its problems or generate its code.

mod docs;
mod generate;

pub use generate::generate_source;

use std::path::{Path, PathBuf};

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
    if let Err(message) = trackable(&resolved) {
        return Expansion::Errors(syn::Error::new(path.span(), message).to_compile_error());
    }
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

/// The expansion tracks the file with `include_bytes!`, whose path is a string: a path that is
/// not UTF-8 cannot be named there.
fn trackable(path: &Path) -> Result<(), String> {
    match path.to_str() {
        Some(_) => Ok(()),
        None => Err(format!(
            "the catalogue's path `{}` is not valid UTF-8, so the build cannot track changes to it\n\
             help: move the catalogue (or the crate) to a path that is valid UTF-8",
            path.display()
        )),
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

#[cfg(test)]
mod tests {
    use super::trackable;

    #[test]
    fn a_path_that_is_not_utf8_is_an_error_naming_it() {
        assert_eq!(
            trackable(std::path::Path::new("/crate/errors.yaml")),
            Ok(())
        );
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let path = std::path::Path::new(std::ffi::OsStr::from_bytes(b"/cr\xFFate/errors.yaml"));
            let message = trackable(path).unwrap_err();
            assert!(message.contains("/cr\u{FFFD}ate/errors.yaml"), "{message}");
            assert!(message.contains("not valid UTF-8"), "{message}");
        }
    }
}
