//! A code's page for the terminal, like `rustc --explain`, and the table of all codes.

use std::fmt::Write;

use unkey_errors_catalogue::{Catalogue, Entry};

use crate::render::example_response;

/// The page of `entry` as plain text: the catalogue's markdown reads well in a terminal as it is.
pub fn explain(catalogue: &Catalogue, entry: &Entry) -> String {
    let mut text = format!(
        "{}\n{} {}\n\n{}\n\nDocs: {}\n",
        entry.code,
        entry.status,
        entry.title,
        entry.description,
        catalogue.docs_url(entry)
    );
    let _ = write!(
        text,
        "\nExample response:\n\n{}\n",
        indent(&example_response(catalogue, entry))
    );
    for (heading, markdown) in [
        ("What happened", &entry.what_happened),
        ("How to fix", &entry.how_to_fix),
        ("Common mistakes", &entry.common_mistakes),
    ] {
        if !markdown.trim().is_empty() {
            let _ = write!(
                text,
                "\n{heading}\n{}\n\n{}\n",
                "-".repeat(heading.len()),
                markdown.trim_end()
            );
        }
    }
    if !entry.related.is_empty() {
        text.push_str("\nRelated errors\n--------------\n\n");
        for code in &entry.related {
            let title = catalogue
                .get(code.as_str())
                .map_or("", |e| e.title.as_str());
            let _ = writeln!(text, "  {code}  ({title})");
        }
    }
    text
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|line| format!("    {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every code with its status and title, in aligned columns.
pub fn table(catalogue: &Catalogue) -> String {
    let width = catalogue
        .entries
        .iter()
        .map(|e| e.code.as_str().len())
        .max()
        .unwrap_or(4);
    let mut text = format!("{:width$}  STATUS  TITLE\n", "CODE");
    for entry in &catalogue.entries {
        let _ = writeln!(
            text,
            "{:width$}  {:<6}  {}",
            entry.code.as_str(),
            entry.status,
            entry.title
        );
    }
    text
}

/// Every code as JSON: `[{"code", "status", "title", "description", "docs_url", "internal"}]`.
pub fn json(catalogue: &Catalogue) -> String {
    let codes: Vec<serde_json::Value> = catalogue
        .entries
        .iter()
        .map(|entry| {
            serde_json::json!({
                "code": entry.code.as_str(),
                "status": entry.status,
                "title": entry.title,
                "description": entry.description,
                "docs_url": catalogue.docs_url(entry),
                "internal": entry.internal,
            })
        })
        .collect();
    serde_json::to_string_pretty(&codes).unwrap_or_default() + "\n"
}
