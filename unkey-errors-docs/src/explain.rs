//! A code's page for the terminal, like `rustc --explain`, and the table of all codes.

use std::fmt::Write;

use unkey_errors_catalogue::{Catalogue, Entry};

use crate::render::example_response;

/// The code that `input` names: a code in any letter case (`ERR:UNKEY:…`), or the `type` URL
/// of a response, `<docs_base_url>/<system>/<category>/<specific>`. A URL on another base (a
/// staging host, `http` for `https`) is read by its last three path segments.
pub fn as_code(catalogue: &Catalogue, input: &str) -> String {
    let input = input.trim().to_ascii_lowercase();
    let base = catalogue.docs_base_url.to_ascii_lowercase();
    let path = if let Some(rest) = input.strip_prefix(&base).and_then(|r| r.strip_prefix('/')) {
        rest
    } else if input.starts_with("http://") || input.starts_with("https://") {
        &input
    } else {
        return input;
    };
    // A copied address may carry a query, a fragment or a trailing slash.
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let segments: Vec<&str> = path.trim_end_matches('/').rsplit('/').take(3).collect();
    match segments[..] {
        [specific, category, system] => format!("err:{system}:{category}:{specific}"),
        _ => input,
    }
}

/// The entry that `input` names, as [`as_code`] reads it.
pub fn find<'a>(catalogue: &'a Catalogue, input: &str) -> Option<&'a Entry> {
    catalogue.get(&as_code(catalogue, input))
}

/// The page of `entry` as plain text: the catalogue's markdown reads well in a terminal as it is.
pub fn explain(catalogue: &Catalogue, entry: &Entry) -> String {
    let mut text = format!("{}\n{} {}\n", entry.code, entry.status, entry.title);
    if let Some(reason) = &entry.deprecated {
        let _ = writeln!(text, "Deprecated: {reason}");
    }
    let _ = write!(
        text,
        "\n{}\n\nDocs: {}\n",
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

/// Every code with its status and title, in aligned columns; a deprecated code's title is
/// followed by `(deprecated: <reason>)`.
pub fn table(catalogue: &Catalogue) -> String {
    let width = catalogue
        .entries
        .iter()
        .map(|e| e.code.as_str().len())
        .max()
        .unwrap_or(4);
    let mut text = format!("{:width$}  STATUS  TITLE\n", "CODE");
    for entry in &catalogue.entries {
        let _ = write!(
            text,
            "{:width$}  {:<6}  {}",
            entry.code.as_str(),
            entry.status,
            entry.title
        );
        match &entry.deprecated {
            Some(reason) => {
                let _ = writeln!(text, "  (deprecated: {reason})");
            }
            None => text.push('\n'),
        }
    }
    text
}

/// Every code as JSON: `[{"code", "status", "title", "description", "docs_url", "internal",
/// "deprecated"}]`, where `deprecated` is the reason or `null`.
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
                "deprecated": entry.deprecated,
            })
        })
        .collect();
    serde_json::to_string_pretty(&codes).unwrap_or_default() + "\n"
}
