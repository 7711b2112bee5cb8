//! The docs tree of a catalogue: one page per public code, an overview, the navigation
//! fragment for Mintlify's `docs.json`, and an `llms.txt` index. Pure functions of the
//! catalogue: the same input always renders the same bytes.

mod mdx;
mod navigation;
mod overview;
mod page;

use std::collections::BTreeMap;

use unkey_errors::{CodeFacts, ErrorResponse};
use unkey_errors_catalogue::{Catalogue, Entry};

pub use page::page;

/// The folder, below the docs root, that holds every generated file.
pub const ERRORS_DIR: &str = "errors";

/// The request id every example response shows.
pub const EXAMPLE_REQUEST_ID: &str = "req_2c9a0jf23l4k567";

/// Every generated file, by its path below the docs root (`errors/...`, with `/` separators).
pub fn tree(catalogue: &Catalogue) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    for entry in public_entries(catalogue) {
        files.insert(format!("{}.mdx", page_path(entry)), page(catalogue, entry));
    }
    files.insert(
        format!("{ERRORS_DIR}/overview.mdx"),
        overview::overview(catalogue),
    );
    files.insert(
        format!("{ERRORS_DIR}/navigation.json"),
        navigation::navigation(catalogue),
    );
    files.insert(
        format!("{ERRORS_DIR}/llms.txt"),
        navigation::llms_txt(catalogue),
    );
    files
}

/// The entries that have a public page, in catalogue order.
pub fn public_entries(catalogue: &Catalogue) -> impl Iterator<Item = &Entry> {
    catalogue.entries.iter().filter(|entry| !entry.internal)
}

/// A page's path below the docs root, without extension: `errors/<system>/<category>/<specific>`.
/// This is also its Mintlify page name.
pub fn page_path(entry: &Entry) -> String {
    format!("{ERRORS_DIR}/{}", entry.code.docs_path())
}

/// The example body of `entry`: exactly what the API sends, through the runtime's own type.
pub fn example_response(catalogue: &Catalogue, entry: &Entry) -> String {
    let facts = CodeFacts {
        status: entry.status,
        title: entry.title.clone().into(),
        docs_url: catalogue.docs_url(entry).into(),
        has_errors_array: entry.errors_array,
    };
    let response = ErrorResponse::from_facts(facts, EXAMPLE_REQUEST_ID, entry.detail.clone());
    serde_json::to_string_pretty(&response).unwrap_or_default()
}

/// The link from `from`'s page to `to`'s page: `./x` in the same category, `../c/x` in the same
/// system, `../../s/c/x` elsewhere.
pub fn relative_link(from: &Entry, to: &Entry) -> String {
    let (from, to) = (&from.code, &to.code);
    if from.system() != to.system() {
        format!("../../{}/{}/{}", to.system(), to.category(), to.specific())
    } else if from.category() != to.category() {
        format!("../{}/{}", to.category(), to.specific())
    } else {
        format!("./{}", to.specific())
    }
}

/// A description shortened for a list item: without its final period.
fn short(description: &str) -> &str {
    description.strip_suffix('.').unwrap_or(description)
}
