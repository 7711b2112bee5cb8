//! `catalogue!("path")`: load the catalogue, report its problems or generate its code.

mod docs;
mod generate;

pub use generate::{RUNTIME_ALIAS, generate_source, generate_standalone_source};

use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::LitStr;
use syn::parse::{Parse, ParseStream};

/// What `catalogue!(<input>)` expands to, before it becomes tokens.
pub enum Expansion {
    /// The generated API: `prelude` (tokens that bring the runtime crate into scope as
    /// [`RUNTIME_ALIAS`]) followed by `text`, source text that is always valid Rust.
    Source {
        /// `use <runtime path> as __unkey_errors;`
        prelude: TokenStream,
        /// The generated items.
        text: String,
    },
    /// One compile error per problem in the input or the catalogue.
    Errors(TokenStream),
}

/// The macro's input: `[<runtime path>] "path"`, as `unkey_errors::catalogue!` forwards it
/// (the path is `$crate`, right even for a renamed dependency), or just `"path"`.
struct Input {
    runtime: TokenStream,
    path: LitStr,
}

impl Parse for Input {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let runtime = if input.peek(syn::token::Bracket) {
            let inner;
            syn::bracketed!(inner in input);
            inner.parse()?
        } else {
            quote!(::unkey_errors)
        };
        let path = input.parse()?;
        if !input.is_empty() {
            return Err(input.error("unexpected tokens after the catalogue's path"));
        }
        Ok(Input { runtime, path })
    }
}

pub(crate) fn expand(input: TokenStream) -> Expansion {
    let Input { runtime, path } = match syn::parse2(input) {
        Ok(input) => input,
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
        Ok(catalogue) => {
            let alias = format_ident!("{}", RUNTIME_ALIAS);
            Expansion::Source {
                prelude: quote!(#[allow(unused_imports)] use #runtime as #alias;),
                text: generate::generate_source(&catalogue, &resolved),
            }
        }
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
