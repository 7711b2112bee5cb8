//! Rust identifiers for the parts of a code.

/// Rust's keywords, strict and reserved, that a lowercase code part could spell.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// The same module as written in source text or an intra-doc link.
pub(crate) fn module_source(part: &str) -> String {
    if KEYWORDS.contains(&part) {
        format!("r#{part}")
    } else {
        part.to_owned()
    }
}
