//! The Errors group of Mintlify's `docs.json`, and an `llms.txt` index of the pages.

use std::fmt::Write;

use unkey_errors_catalogue::{Catalogue, Entry, title_case};

use super::overview::grouped;
use super::{ERRORS_DIR, mdx, page_path, short};

/// One system's public pages, as the navigation and the overview show them.
pub(crate) struct SystemSection<'a> {
    /// The system part of the codes, e.g. `unkey`.
    pub(crate) system: &'a str,
    /// Its group name in the navigation, e.g. `Unkey Errors`.
    pub(crate) name: String,
    /// Its categories sorted by key, each with its entries sorted by code.
    pub(crate) categories: Vec<(&'a str, Vec<&'a Entry>)>,
}

/// The systems with public pages in the catalogue's navigation order (`docs_navigation`).
pub(crate) fn sections(catalogue: &Catalogue) -> Vec<SystemSection<'_>> {
    let navigation = &catalogue.docs_navigation();
    let mut sections: Vec<SystemSection<'_>> = grouped(catalogue)
        .into_iter()
        .map(|(system, categories)| SystemSection {
            system,
            name: navigation.system_group(system),
            categories: categories.into_iter().collect(),
        })
        .collect();
    // Stable: systems the settings do not list (only if entries changed after loading) keep
    // their alphabetical order, after the listed ones.
    sections.sort_by_key(|section| navigation.system_rank(section.system));
    sections
}

/// A node of the navigation: a page name, or a group of nodes with its optional settings.
enum Node {
    Page(String),
    Group {
        name: String,
        icon: Option<String>,
        expanded: Option<bool>,
        pages: Vec<Node>,
    },
}

impl Node {
    fn group(name: String, pages: Vec<Node>) -> Node {
        Node::Group {
            name,
            icon: None,
            expanded: None,
            pages,
        }
    }

    /// Pretty JSON in `serde_json`'s layout, with a group's members in the order Mintlify's
    /// own `docs.json` files write them (`group`, `icon`, `expanded`, `pages`); a
    /// `serde_json::Value` would sort them alphabetically.
    fn write(&self, out: &mut String, indent: usize) {
        let pad = "  ".repeat(indent + 1);
        match self {
            Node::Page(name) => out.push_str(&mdx::quoted(name)),
            Node::Group {
                name,
                icon,
                expanded,
                pages,
            } => {
                let _ = write!(out, "{{\n{pad}\"group\": {}", mdx::quoted(name));
                if let Some(icon) = icon {
                    let _ = write!(out, ",\n{pad}\"icon\": {}", mdx::quoted(icon));
                }
                if let Some(expanded) = expanded {
                    let _ = write!(out, ",\n{pad}\"expanded\": {expanded}");
                }
                let _ = write!(out, ",\n{pad}\"pages\": [");
                for (index, page) in pages.iter().enumerate() {
                    out.push_str(if index == 0 { "\n" } else { ",\n" });
                    out.push_str(&pad);
                    out.push_str("  ");
                    page.write(out, indent + 2);
                }
                if !pages.is_empty() {
                    let _ = write!(out, "\n{pad}");
                }
                let _ = write!(out, "]\n{}}}", "  ".repeat(indent));
            }
        }
    }
}

/// The errors group to paste into `docs.json`'s navigation: the overview page first, then a
/// group per system in the catalogue's order and under its name, each with a subgroup per
/// category in [`title_case`] (`bad_request` → `Bad Request`) and its pages sorted. The group's
/// name, icon and `expanded` come from the catalogue's `docs_navigation`.
pub(crate) fn navigation(catalogue: &Catalogue) -> String {
    let settings = &catalogue.docs_navigation();
    let mut pages = vec![Node::Page(format!("{ERRORS_DIR}/overview"))];
    for section in sections(catalogue) {
        let categories = section
            .categories
            .into_iter()
            .map(|(category, entries)| {
                let names = entries.into_iter().map(|e| Node::Page(page_path(e)));
                Node::group(title_case(category), names.collect())
            })
            .collect();
        pages.push(Node::group(section.name, categories));
    }
    let group = Node::Group {
        name: settings.group.clone(),
        icon: settings.icon.clone(),
        expanded: Some(settings.expanded),
        pages,
    };
    let mut text = String::new();
    group.write(&mut text, 0);
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
        catalogue.docs_base_url()
    );
    for section in sections(catalogue) {
        for (category, entries) in section.categories {
            let _ = write!(text, "\n## {}: {category}\n\n", section.system);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_groups_in_serde_json_s_pretty_layout_with_mintlify_s_member_order() {
        let node = Node::Group {
            name: "Errors".to_owned(),
            icon: Some("triangle-exclamation".to_owned()),
            expanded: Some(false),
            pages: vec![
                Node::Page("errors/overview".to_owned()),
                Node::group("Empty".to_owned(), Vec::new()),
                Node::group("A".to_owned(), vec![Node::Page("errors/a/b/c".to_owned())]),
            ],
        };
        let mut text = String::new();
        node.write(&mut text, 0);
        assert_eq!(
            text,
            r#"{
  "group": "Errors",
  "icon": "triangle-exclamation",
  "expanded": false,
  "pages": [
    "errors/overview",
    {
      "group": "Empty",
      "pages": []
    },
    {
      "group": "A",
      "pages": [
        "errors/a/b/c"
      ]
    }
  ]
}"#
        );
        // The same value as serde_json reads it, so the layout is valid JSON.
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["pages"][2]["pages"][0], "errors/a/b/c");
    }
}
