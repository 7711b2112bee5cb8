//! The docs tree of a catalogue: one page per public code, an overview, the navigation
//! fragment for Mintlify's `docs.json`, and an `llms.txt` index. Pure functions of the
//! catalogue: the same input always renders the same bytes.

pub(crate) mod mdx;
mod navigation;
mod overview;
mod page;

use std::collections::BTreeMap;

use unkey_errors::{CodeFacts, ErrorResponse, GatewayResponse};
use unkey_errors_catalogue::{Catalogue, Entry, GatewayFacts, Surface};

pub use page::{MASKED_MESSAGE, page};

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
    catalogue.entries().iter().filter(|entry| !entry.internal)
}

/// A page's path below the docs root, without extension: `errors/<system>/<category>/<specific>`.
/// This is also its Mintlify page name.
pub fn page_path(entry: &Entry) -> String {
    format!("{ERRORS_DIR}/{}", entry.code.docs_path())
}

/// The example body of `entry` as the API sends it, through the runtime's own type. For a code
/// the API never sends this is still the problem-details shape; [`examples`] knows which
/// surfaces send a code.
///
/// Its `detail` is what a derived error without a `detail` template sends: for a server error
/// (5xx) the code's description, exactly; for a client error its own message, of which the
/// entry's `detail` is an example.
pub fn example_response(catalogue: &Catalogue, entry: &Entry) -> String {
    let facts = CodeFacts::new(
        entry.status,
        entry.title.clone(),
        catalogue.docs_url(entry),
        entry.errors_array,
    );
    let detail = if entry.status >= 500 {
        &entry.description
    } else {
        &entry.detail
    };
    let response = ErrorResponse::from_facts(facts, EXAMPLE_REQUEST_ID, detail.clone());
    serde_json::to_string_pretty(&response).unwrap_or_default()
}

/// The example body of `entry` as the gateway sends it, or `None` when the gateway never sends
/// the code, through the runtime's own type: `{"meta":{"requestId"},"error":{"code","message"}}`.
/// The message is the catalogue's; for a code whose message comes from the error raised, what
/// the runtime sends: the code's description for a server error (5xx), else the entry's
/// `detail` as an example of the error's message (see [`SurfaceExample::message_is_example`]).
pub fn gateway_example_response(entry: &Entry) -> Option<String> {
    let gateway = entry.gateway.as_ref()?;
    let message = match &gateway.message {
        Some(message) => message,
        None if gateway.status >= 500 => &entry.description,
        None => &entry.detail,
    };
    let response =
        GatewayResponse::with_message(entry.code.as_str(), EXAMPLE_REQUEST_ID, message.clone());
    serde_json::to_string_pretty(&response).ok()
}

/// One surface's example response for a code, with the status and title that surface sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurfaceExample {
    /// The system that sends this response.
    pub surface: Surface,
    /// The HTTP status it answers with.
    pub status: u16,
    /// Its title: the API's `title` member, or the title of the gateway's error page.
    pub title: String,
    /// The body, pretty-printed JSON.
    pub body: String,
    /// Whether the body's message is only an example: the gateway's message comes from the
    /// error raised (`message_from_error`), and the example shows the entry's `detail`.
    pub message_is_example: bool,
    /// Whether the gateway's message comes from the error raised but, the code being a server
    /// error there, is masked: the example shows the description the gateway sends instead.
    pub message_is_masked: bool,
}

impl SurfaceExample {
    /// The surface's name for readers: `API` or `Gateway`.
    pub fn label(&self) -> &'static str {
        surface_label(self.surface)
    }
}

/// The surface's name for readers: `API` or `Gateway`.
pub fn surface_label(surface: Surface) -> &'static str {
    match surface {
        Surface::Api => "API",
        Surface::Gateway => "Gateway",
    }
}

/// An example response for every surface that sends `entry`'s code, the API's first.
pub fn examples(catalogue: &Catalogue, entry: &Entry) -> Vec<SurfaceExample> {
    let mut examples = Vec::with_capacity(2);
    if entry.api {
        examples.push(SurfaceExample {
            surface: Surface::Api,
            status: entry.status,
            title: entry.title.clone(),
            body: example_response(catalogue, entry),
            message_is_example: false,
            message_is_masked: false,
        });
    }
    if let (Some(gateway), Some(body)) = (&entry.gateway, gateway_example_response(entry)) {
        examples.push(SurfaceExample {
            surface: Surface::Gateway,
            status: gateway.status,
            title: gateway.title.clone(),
            body,
            message_is_example: gateway.message.is_none() && !message_is_masked(gateway),
            message_is_masked: message_is_masked(gateway),
        });
    }
    examples
}

/// Whether the gateway's message for a code comes from the error raised but is not sent: the
/// code is a server error there, so the runtime sends its description instead.
pub fn message_is_masked(gateway: &GatewayFacts) -> bool {
    gateway.message.is_none() && gateway.status >= 500
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
