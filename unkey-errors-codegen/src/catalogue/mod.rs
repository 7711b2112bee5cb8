//! `catalogue!("path")`: load the catalogue, report its problems or generate its code.

mod docs;
mod generate;

pub use generate::{RUNTIME_ALIAS, generate_source, generate_standalone_source};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

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
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    expand_in(input, manifest_dir.as_deref(), &CALLS)
}

/// The `catalogue!` calls this compiler process has expanded, by catalogue path.
static CALLS: Calls = Calls::new();

/// How many `catalogue!` calls named each catalogue path, to number the lookup macros of a
/// file expanded twice in one crate (see [`generate::lookup_macro_name`]).
///
/// A proc macro cannot know the module it is called in (`module_path!()` is not expanded in
/// its input), so the calls are told apart by their order. The compiler runs one crate per
/// process and expands its macros in an order fixed by the source, so every build of the same
/// source numbers them alike. (A long-lived process such as rust-analyzer's macro server keeps
/// counting, which only gives its expansions other unique names: the derive names the macro
/// through its `__unkey_code` re-export, never by its exported name.)
pub(crate) struct Calls(Mutex<BTreeMap<String, u32>>);

impl Calls {
    pub(crate) const fn new() -> Self {
        Calls(Mutex::new(BTreeMap::new()))
    }

    /// The ordinal of this call among the calls on `relative_path`: 0 for the first.
    fn next(&self, relative_path: &str) -> u32 {
        let mut calls = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let count = calls.entry(relative_path.to_owned()).or_insert(0);
        let ordinal = *count;
        *count += 1;
        ordinal
    }
}

/// [`expand`] for a crate whose manifest is in `manifest_dir`, numbering calls in `calls`.
pub(crate) fn expand_in(
    input: TokenStream,
    manifest_dir: Option<&Path>,
    calls: &Calls,
) -> Expansion {
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
    let resolved = resolve(&shown_as, manifest_dir);
    if let Err(message) = trackable(&resolved) {
        return Expansion::Errors(syn::Error::new(path.span(), message).to_compile_error());
    }
    match unkey_errors_catalogue::load(&resolved, &shown_as) {
        Ok(catalogue) => {
            let alias = format_ident!("{}", RUNTIME_ALIAS);
            let relative = relative_to_manifest(&shown_as, manifest_dir);
            let lookup_name = generate::lookup_macro_name(&relative, calls.next(&relative));
            Expansion::Source {
                prelude: quote!(#[allow(unused_imports)] use #runtime as #alias;),
                text: generate::generate(&catalogue, &resolved, &lookup_name),
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
fn resolve(path: &str, manifest_dir: Option<&Path>) -> PathBuf {
    let path = PathBuf::from(path);
    match manifest_dir {
        Some(dir) if !path.is_absolute() => dir.join(path),
        _ => path,
    }
}

/// The catalogue's path as written, relative to the manifest directory: an absolute path
/// inside the crate loses that prefix, so it names the file alike in every checkout.
fn relative_to_manifest(written: &str, manifest_dir: Option<&Path>) -> String {
    let path = Path::new(written);
    match manifest_dir.map(|dir| path.strip_prefix(dir)) {
        Some(Ok(relative)) if path.is_absolute() => relative.to_string_lossy().into_owned(),
        _ => written.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use quote::quote;

    use super::{Calls, Expansion, expand_in, trackable};

    /// The text `catalogue!(written)` expands to in a crate at `manifest_dir`.
    fn expansion(written: &str, manifest_dir: &Path, calls: &Calls) -> String {
        match expand_in(quote!(#written), Some(manifest_dir), calls) {
            Expansion::Source { text, .. } => text,
            Expansion::Errors(errors) => panic!("{errors}"),
        }
    }

    /// The name the lookup macro is exported under in `text`.
    fn lookup_name(text: &str) -> &str {
        let start = text.find("macro_rules! ").expect("a lookup macro") + "macro_rules! ".len();
        let end = start + text[start..].find(' ').unwrap();
        &text[start..end]
    }

    /// Two checkouts of one crate, at different depths, each with the same catalogue, in a
    /// directory of the test's own (`test`).
    fn checkouts(test: &str) -> [PathBuf; 2] {
        let catalogue = include_str!("../../../tests/ui/catalogues/valid.yaml");
        let root =
            std::env::temp_dir().join(format!("unkey-codegen-{}-{test}", std::process::id()));
        ["home/ana/unkey-errors", "ci/build/42/checkout/unkey-errors"].map(|dir| {
            let dir = root.join(dir);
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join("errors.yaml"), catalogue).unwrap();
            dir
        })
    }

    /// Removes the directory of the test's checkouts.
    fn remove(checkouts: &[PathBuf; 2]) {
        let root = checkouts[0].ancestors().nth(3).unwrap();
        std::fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn the_expansion_is_the_same_in_every_checkout_but_for_the_tracked_path() {
        let [one, two] = checkouts("checkouts");
        let in_one = expansion("errors.yaml", &one, &Calls::new());
        let in_two = expansion("errors.yaml", &two, &Calls::new());
        assert_eq!(lookup_name(&in_one), lookup_name(&in_two));
        assert!(lookup_name(&in_one).starts_with("__unkey_errors_code_"));
        // The only difference is the absolute path `include_bytes!` tracks, which reaches
        // neither the metadata nor the object code (it is in an unused private function).
        let placeholder = |text: &str, dir: &Path| text.replace(dir.to_str().unwrap(), "<dir>");
        assert_eq!(placeholder(&in_one, &one), placeholder(&in_two, &two));
        // An absolute path inside the crate names the file as the relative one does.
        let absolute = one.join("errors.yaml");
        let absolute = expansion(absolute.to_str().unwrap(), &one, &Calls::new());
        assert_eq!(lookup_name(&absolute), lookup_name(&in_one));
        // Another file is another name.
        std::fs::create_dir_all(one.join("errors")).unwrap();
        std::fs::copy(one.join("errors.yaml"), one.join("errors/shop.yaml")).unwrap();
        let other = expansion("errors/shop.yaml", &one, &Calls::new());
        assert_ne!(lookup_name(&other), lookup_name(&in_one));
        remove(&[one, two]);
    }

    #[test]
    fn each_call_on_one_file_in_a_crate_has_its_own_name_numbered_alike_in_every_build() {
        let [one, two] = checkouts("calls");
        let names = |dir: &Path| {
            let calls = Calls::new();
            [(); 3].map(|()| lookup_name(&expansion("errors.yaml", dir, &calls)).to_owned())
        };
        let [first, second, third] = names(&one);
        assert_eq!(second, format!("{first}_1"));
        assert_eq!(third, format!("{first}_2"));
        assert_eq!(names(&two), [first, second, third]);
        remove(&[one, two]);
    }

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
