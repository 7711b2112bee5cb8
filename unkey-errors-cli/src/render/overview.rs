//! The overview page: every code, by system and category, with its status and title (the
//! gateway's too, where they differ), and a mark on the deprecated ones.

use std::fmt::Write;

use unkey_errors_catalogue::{Catalogue, Entry, Grouped, group_by_system_and_category, title_case};

use super::navigation::sections;
use super::{mdx, public_entries};

/// Public entries grouped by system, then category, each level sorted; codes sorted within.
pub(crate) fn grouped(catalogue: &Catalogue) -> Grouped<'_> {
    let mut systems = group_by_system_and_category(public_entries(catalogue));
    for categories in systems.values_mut() {
        for entries in categories.values_mut() {
            entries.sort_by(|a, b| a.code.cmp(&b.code));
        }
    }
    systems
}

/// The overview page. Systems come in the navigation's order and under its names, so the page
/// reads like the sidebar. Where a code's gateway answers with another status or title than
/// the API, the cell shows both (`400 (gateway: 401)`); a catalogue with gateway codes gets a
/// column saying which systems send each code.
pub(crate) fn overview(catalogue: &Catalogue) -> String {
    let sections = sections(catalogue);
    let count: usize = sections
        .iter()
        .flat_map(|section| &section.categories)
        .map(|(_, entries)| entries.len())
        .sum();
    let any_gateway = public_entries(catalogue).any(|entry| entry.gateway.is_some());
    let (who, carried) = if any_gateway {
        (
            "the API and the gateway can return",
            "in its `type` URL (API) or its `error.code` (gateway)",
        )
    } else {
        ("the API can return", "in its `type` URL")
    };
    let mut page = String::with_capacity(16 * 1024);
    let _ = write!(
        page,
        "---\ntitle: \"Overview\"\ndescription: \"Every error code {who}, with its HTTP status and title.\"\n---\n\n\
         Every error response carries a code of the form `err:<system>:<category>:<specific>` \
         {carried}. This page lists all {count} codes; each links to a page that explains what \
         triggers it and how to fix it.\n"
    );
    let (header, rule) = if any_gateway {
        (
            "| Code | Status | Title | Sent by |",
            "| --- | --- | --- | --- |",
        )
    } else {
        ("| Code | Status | Title |", "| --- | --- | --- |")
    };
    for section in &sections {
        let _ = write!(page, "\n## {}\n", mdx::escape_markdown(&section.name));
        for (category, entries) in &section.categories {
            let _ = write!(page, "\n### {}\n\n{header}\n{rule}\n", title_case(category));
            for entry in entries {
                // The reason is on the code's page; the table only warns.
                let deprecated = if entry.deprecated.is_some() {
                    " *(deprecated)*"
                } else {
                    ""
                };
                let (status, title) = status_and_title(entry);
                let _ = write!(
                    page,
                    "| [`{}`](./{}) | {status} | {title}{deprecated} |",
                    entry.code,
                    entry.code.docs_path(),
                );
                if any_gateway {
                    let _ = write!(page, " {} |", sent_by(entry));
                }
                page.push('\n');
            }
        }
    }
    page
}

/// The status and title cells of `entry`: the entry's own, followed by the gateway's where the
/// API also sends the code and the gateway's differ.
fn status_and_title(entry: &Entry) -> (String, String) {
    let mut status = entry.status.to_string();
    let mut title = mdx::table_cell(&entry.title);
    if let (true, Some(gateway)) = (entry.api, &entry.gateway) {
        if gateway.status != entry.status {
            status.push_str(&format!(" (gateway: {})", gateway.status));
        }
        if gateway.title != entry.title {
            title.push_str(&format!(" (gateway: {})", mdx::table_cell(&gateway.title)));
        }
    }
    (status, title)
}

/// Which systems send `entry`'s code, for the overview's last column.
fn sent_by(entry: &Entry) -> &'static str {
    match (entry.api, entry.gateway.is_some()) {
        (true, true) => "API, gateway",
        (false, true) => "gateway",
        _ => "API",
    }
}
