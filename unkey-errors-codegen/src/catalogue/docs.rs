//! The doc comments of generated items, rendered from catalogue entries.
//!
//! They are what a user sees when hovering a code in an editor or reading `cargo doc`: the
//! facts of the code and a link to its docs page. The page's long sections stay on the page;
//! they were most of what rustc read for a large catalogue.

use std::fmt::Write;

use unkey_errors_catalogue::{Catalogue, Entry};

use crate::idents;

/// The `Code` enum's own doc comment.
pub(crate) fn enum_doc(catalogue: &Catalogue, shown_as: &str) -> String {
    let matching = if catalogue.exhaustive() {
        "Matching on the variants is exhaustive everywhere (the catalogue sets `exhaustive: true`): \
         adding an entry points the compiler at every `match` that must handle it, so for crates \
         outside this workspace adding a code is a breaking change."
    } else {
        "The enum is `#[non_exhaustive]`: outside the crate that defines it, a `match` needs a \
         wildcard arm, so a release that adds codes is a minor release. Inside the defining crate \
         matching stays exhaustive."
    };
    format!(
        "An error code of the catalogue `{shown_as}`: one variant per entry, {} in all.\n\n\
         Every accessor reads one static table, so none allocates or searches. {matching}\n\n\
         Codes order by their URN (`Ord`), whatever the order of the file, so moving or inserting \
         entries never reorders sorted codes. The variants' discriminants (`as u16`) and the order \
         of `Code::ALL` follow the file and are not stable across releases: store and compare \
         the URN (`as_str`), never the number.\n\n\
         The same codes are constants under [`codes`], at a path mirroring the URN, with their \
         documentation.",
        catalogue.entries().len()
    )
}

/// A variant's doc comment: its code, status, title and description, and a link to its
/// constant (kept short: docs are a large share of what rustc reads for a big catalogue).
pub(crate) fn variant_doc(entry: &Entry) -> String {
    format!(
        "`{}`: {} {}. {} See [`{}`].",
        entry.code,
        entry.status,
        entry.title,
        entry.description,
        constant_path(entry, "codes"),
    )
}

/// A constant's doc comment, for hover and `cargo doc`: status, title, description, docs link,
/// deprecation, related codes and where the entry is defined.
pub(crate) fn constant_doc(catalogue: &Catalogue, entry: &Entry, shown_as: &str) -> String {
    let mut doc = format!(
        "`{}`: **{} {}**\n\n{}",
        entry.code, entry.status, entry.title, entry.description,
    );
    if entry.errors_array {
        doc.push_str(
            "\n\nThe response body carries an `errors` array listing each problem with the request.",
        );
    }
    if let Some(reason) = &entry.deprecated {
        let _ = write!(doc, "\n\n**Deprecated**: {reason}");
    }
    if !entry.related.is_empty() {
        doc.push_str("\n\nRelated:");
        for related in &entry.related {
            let title = catalogue
                .get(related.as_str())
                .map_or("", |e| e.title.as_str());
            // Links are relative to the constant's own module, `codes::<system>::<category>`.
            let _ = write!(
                doc,
                "\n- [`{related}`]({}): {title}",
                constant_path_from(
                    related.system(),
                    related.category(),
                    related.specific(),
                    "super::super"
                )
            );
        }
    }
    if entry.internal {
        let _ = write!(
            doc,
            "\n\nInternal: no public docs page. Defined at `{shown_as}:{}`.",
            entry.line
        );
    } else {
        let _ = write!(
            doc,
            "\n\n[Docs page]({}) · defined at `{shown_as}:{}`",
            catalogue.docs_url(entry),
            entry.line
        );
    }
    doc
}

fn constant_path(entry: &Entry, from: &str) -> String {
    constant_path_from(
        entry.code.system(),
        entry.code.category(),
        entry.code.specific(),
        from,
    )
}

fn constant_path_from(system: &str, category: &str, specific: &str, from: &str) -> String {
    format!(
        "{from}::{}::{}::{}",
        idents::module_source(system),
        idents::module_source(category),
        specific.to_ascii_uppercase()
    )
}
