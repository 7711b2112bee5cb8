//! Rust identifiers for the parts of a code.

use proc_macro2::{Ident, Span};

/// Rust's keywords, strict and reserved, that a lowercase code part could spell.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// A module name for a system or category part; a raw identifier (`r#type`) for a keyword.
/// (`self`, `super` and `crate` cannot be raw; the catalogue's validation rejects them.)
pub(crate) fn module(part: &str) -> Ident {
    if KEYWORDS.contains(&part) {
        Ident::new_raw(part, Span::call_site())
    } else {
        Ident::new(part, Span::call_site())
    }
}

/// The same module as written in source text or an intra-doc link.
pub(crate) fn module_source(part: &str) -> String {
    if KEYWORDS.contains(&part) {
        format!("r#{part}")
    } else {
        part.to_owned()
    }
}

/// An identifier that is never a keyword (UpperCamelCase variants, SCREAMING_SNAKE_CASE constants).
pub(crate) fn plain(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// The path of a code's constant in the `unkey-errors` crate:
/// `::unkey_errors::codes::<system>::<category>::<SPECIFIC>`.
pub(crate) fn unkey_constant(code: &unkey_errors_catalogue::Urn) -> proc_macro2::TokenStream {
    let system = module(code.system());
    let category = module(code.category());
    let constant = plain(&code.specific().to_ascii_uppercase());
    quote::quote!(::unkey_errors::codes::#system::#category::#constant)
}
