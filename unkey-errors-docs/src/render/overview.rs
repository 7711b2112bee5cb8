//! The overview page: every code, by system and category, with its status and title, and
//! a mark on the deprecated ones.

use std::fmt::Write;

use unkey_errors_catalogue::{Catalogue, Grouped, group_by_system_and_category};

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

pub(crate) fn overview(catalogue: &Catalogue) -> String {
    let systems = grouped(catalogue);
    let count: usize = systems
        .values()
        .flat_map(|c| c.values())
        .map(Vec::len)
        .sum();
    let mut page = String::with_capacity(16 * 1024);
    let _ = write!(
        page,
        "---\ntitle: \"Overview\"\ndescription: \"Every error code the API can return, with its HTTP status and title.\"\n---\n\n\
         Every error response carries a code of the form `err:<system>:<category>:<specific>` in its \
         `type` URL. This page lists all {count} codes; each links to a page that explains what \
         triggers it and how to fix it.\n"
    );
    for (system, categories) in &systems {
        let _ = write!(page, "\n## {system}\n");
        for (category, entries) in categories {
            let _ = write!(
                page,
                "\n### {category}\n\n| Code | Status | Title |\n| --- | --- | --- |\n"
            );
            for entry in entries {
                // The reason is on the code's page; the table only warns.
                let deprecated = if entry.deprecated.is_some() {
                    " *(deprecated)*"
                } else {
                    ""
                };
                let _ = writeln!(
                    page,
                    "| [`{}`](./{}) | {} | {}{deprecated} |",
                    entry.code,
                    entry.code.docs_path(),
                    entry.status,
                    mdx::table_cell(&entry.title)
                );
            }
        }
    }
    page
}
