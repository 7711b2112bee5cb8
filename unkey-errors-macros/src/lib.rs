//! The procedural macros of [unkey-errors](https://docs.rs/unkey-errors).
//!
//! Depend on `unkey-errors`, which re-exports these macros and holds the types their expansions
//! name; this crate alone is not useful.

mod catalogue;

use proc_macro::TokenStream;

/// Generates the typed API of an error catalogue: a `Code` enum with one variant per entry,
/// its accessors, and a constant per code under `codes::<system>::<category>::<SPECIFIC>`.
///
/// The path is resolved from the calling crate's directory (`CARGO_MANIFEST_DIR`). Editing the
/// file rebuilds the crate. A malformed catalogue is a compile error naming `file:line:column`
/// for every problem found.
///
/// ```ignore
/// unkey_errors::catalogue!("errors.yaml");
/// ```
#[proc_macro]
pub fn catalogue(input: TokenStream) -> TokenStream {
    catalogue::expand(input.into()).into()
}
