//! The Errors group of Mintlify's `docs.json`, and an `llms.txt` index of the pages.

use std::fmt::Write;

use serde_json::{Value, json};
use unkey_errors_catalogue::Catalogue;

use super::overview::grouped;
use super::{ERRORS_DIR, page_path, short};

/// `{"group": "Errors", "pages": ["errors/overview", {"group": "<system>", "pages": [...]}]}`,
/// with a subgroup per category and pages sorted, to paste into `docs.json`'s navigation.
pub(crate) fn navigation(catalogue: &Catalogue) -> String {
    let mut pages = vec![Value::from(format!("{ERRORS_DIR}/overview"))];
    for (system, categories) in grouped(catalogue) {
        let subgroups: Vec<Value> = categories
            .into_iter()
            .map(|(category, entries)| {
                let names: Vec<String> = entries.into_iter().map(page_path).collect();
                json!({ "group": category, "pages": names })
            })
            .collect();
        pages.push(json!({ "group": system, "pages": subgroups }));
    }
    let group = json!({ "group": "Errors", "pages": pages });
    let mut text = serde_json::to_string_pretty(&group).unwrap_or_default();
    text.push('\n');
    text
}

/// An `llms.txt`-style index: one line per page, with its absolute URL and description.
pub(crate) fn llms_txt(catalogue: &Catalogue) -> String {
    let mut text = String::from(
        "# Errors\n\n> Every error code the API can return. Each line links to the code's page, \
         which explains what triggers the error and how to fix it.\n",
    );
    let _ = writeln!(
        text,
        "\n- [Overview]({}/overview): all codes with their status and title",
        catalogue.docs_base_url
    );
    for (system, categories) in grouped(catalogue) {
        for (category, entries) in categories {
            let _ = write!(text, "\n## {system}: {category}\n\n");
            for entry in entries {
                let _ = writeln!(
                    text,
                    "- [{}]({}): {} {}. {}",
                    entry.code,
                    catalogue.docs_url(entry),
                    entry.status,
                    entry.title,
                    short(&entry.description)
                );
            }
        }
    }
    text
}
