//! The doc comments of generated items, rendered from catalogue entries.
//!
//! They are what a user sees when hovering a code in an editor or reading `cargo doc`, so the
//! constant of each code carries its whole docs page.

use std::fmt::Write;

use unkey_errors_catalogue::{Catalogue, Entry};

use crate::idents;

/// The `Code` enum's own doc comment.
pub(crate) fn enum_doc(catalogue: &Catalogue, shown_as: &str) -> String {
    format!(
        "An error code of the catalogue `{shown_as}`: one variant per entry, {} in all.\n\n\
         Every accessor reads one static table, so none allocates or searches. Matching on the \
         variants is exhaustive: adding an entry to the catalogue points the compiler at every \
         `match` that must handle it.\n\n\
         The same codes are constants under [`codes`], at a path mirroring the URN, with their \
         full documentation.",
        catalogue.entries.len()
    )
}

/// A variant's one-line summary, linking to its constant, which carries the whole page (kept
/// short: docs are a large share of what rustc reads for a big catalogue).
pub(crate) fn variant_doc(entry: &Entry) -> String {
    format!(
        "`{}`: {} {}. See [`{}`].",
        entry.code,
        entry.status,
        entry.title,
        constant_path(entry, "codes"),
    )
}

/// A constant's doc comment: the code's whole docs page.
pub(crate) fn constant_doc(catalogue: &Catalogue, entry: &Entry) -> String {
    let mut doc = format!(
        "`{}`: **{} {}**\n\n{}\n\n[Docs page]({})",
        entry.code,
        entry.status,
        entry.title,
        entry.description,
        catalogue.docs_url(entry)
    );
    if entry.errors_array {
        doc.push_str(
            "\n\nThe response body carries an `errors` array listing each problem with the request.",
        );
    }
    for (heading, markdown) in [
        ("What happened", &entry.what_happened),
        ("How to fix", &entry.how_to_fix),
        ("Common mistakes", &entry.common_mistakes),
    ] {
        if !markdown.is_empty() {
            let _ = write!(doc, "\n\n# {heading}\n\n{}", rustdoc_markdown(markdown));
        }
    }
    if !entry.related.is_empty() {
        doc.push_str("\n\n# Related\n");
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

/// Catalogue markdown made safe for rustdoc: a fenced block without a language would be compiled
/// as a Rust doctest, so it is marked as `text`.
fn rustdoc_markdown(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + 16);
    let mut in_fence = false;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            if !in_fence && trimmed.trim_end() == "```" {
                out.push_str(&line[..line.len() - trimmed.len()]);
                out.push_str("```text");
            } else {
                out.push_str(line);
            }
            in_fence = !in_fence;
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out
}

#[cfg(test)]
mod tests {
    use super::rustdoc_markdown;

    #[test]
    fn marks_bare_fences_as_text_and_keeps_tagged_ones() {
        let input = "Run:\n\n```\nls\n```\n\n  ```bash\n  curl x\n  ```\n";
        assert_eq!(
            rustdoc_markdown(input),
            "Run:\n\n```text\nls\n```\n\n  ```bash\n  curl x\n  ```"
        );
    }
}
