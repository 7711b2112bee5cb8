//! A code's page for the terminal, like `rustc --explain`, and the table of all codes.

use std::fmt::Write;

use unkey_errors_catalogue::{Catalogue, Entry, Surface};

use crate::render::examples;

/// The code that `input` names: a code in any letter case (`ERR:UNKEY:…`), or the `type` URL
/// of a response, `<docs_base_url>/<system>/<category>/<specific>`. A URL on another base (a
/// staging host, `http` for `https`) is read by its last three path segments.
pub fn as_code(catalogue: &Catalogue, input: &str) -> String {
    let input = input.trim().to_ascii_lowercase();
    let base = catalogue.docs_base_url().to_ascii_lowercase();
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
///
/// A code only the API sends has its status and title on the second line, as it always had; a
/// code the gateway sends has a line per surface instead (`API: 400 Bad Request`,
/// `Gateway: 401 Unauthorized`), then the gateway's message, and an example from each surface.
/// The next line gives the gRPC status, and the reason and domain of its `ErrorInfo`.
pub fn explain(catalogue: &Catalogue, entry: &Entry) -> String {
    let mut text = format!("{}\n", entry.code);
    if entry.gateway.is_none() {
        let _ = writeln!(text, "{} {}", entry.status, entry.title);
    } else {
        if entry.api {
            let _ = writeln!(text, "API: {} {}", entry.status, entry.title);
        }
        if let Some(gateway) = &entry.gateway {
            let _ = writeln!(text, "Gateway: {} {}", gateway.status, gateway.title);
            match &gateway.message {
                Some(message) => {
                    let _ = writeln!(text, "Gateway message: {message}");
                }
                // A server error's own text is never sent: the gateway sends the description.
                None if crate::render::message_is_masked(gateway) => {
                    let _ = writeln!(
                        text,
                        "Gateway message: the description (the error's own text is not sent on \
                         this server error)"
                    );
                }
                None => {
                    let _ = writeln!(
                        text,
                        "Gateway message: the error's own, e.g. {}",
                        entry.detail
                    );
                }
            }
        }
    }
    let _ = writeln!(
        text,
        "gRPC: {} (ErrorInfo reason {}, domain {})",
        entry.grpc,
        entry.code.grpc_reason(),
        catalogue.domain()
    );
    if let Some(reason) = &entry.deprecated {
        let _ = writeln!(text, "Deprecated: {reason}");
    }
    let _ = write!(
        text,
        "\n{}\n\nDocs: {}\n",
        entry.description,
        catalogue.docs_url(entry)
    );
    let examples = examples(catalogue, entry);
    for example in &examples {
        let heading = if entry.gateway.is_none() {
            "Example response".to_owned()
        } else {
            format!("{} response ({})", example.label(), example.status)
        };
        let _ = write!(text, "\n{heading}:\n\n{}\n", indent(&example.body));
    }
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
        .entries()
        .iter()
        .map(|e| e.code.as_str().len())
        .max()
        .unwrap_or(4);
    let mut text = format!("{:width$}  STATUS  TITLE\n", "CODE");
    for entry in catalogue.entries() {
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

/// Every code as JSON: `[{"code", "status", "title", "grpc", "description", "docs_url",
/// "internal", "deprecated", "surfaces", "gateway"}]`, where `grpc` is the gRPC status code's
/// name (`NOT_FOUND`), `deprecated` is the reason or `null`,
/// `surfaces` lists the systems that send the code (`api`, `gateway`), and `gateway` is
/// `{"status", "title", "message"}` (`message` is `null` when it comes from the error raised)
/// or `null` for a code the gateway never sends. `status` and `title` are the API's, or for a
/// code only the gateway sends, the gateway's.
pub fn json(catalogue: &Catalogue) -> String {
    let codes: Vec<serde_json::Value> = catalogue
        .entries()
        .iter()
        .map(|entry| {
            serde_json::json!({
                "code": entry.code.as_str(),
                "status": entry.status,
                "title": entry.title,
                "grpc": entry.grpc.name(),
                "description": entry.description,
                "docs_url": catalogue.docs_url(entry),
                "internal": entry.internal,
                "deprecated": entry.deprecated,
                "surfaces": surfaces(entry),
                "gateway": entry.gateway.as_ref().map(|gateway| serde_json::json!({
                    "status": gateway.status,
                    "title": gateway.title,
                    "message": gateway.message,
                })),
            })
        })
        .collect();
    serde_json::to_string_pretty(&codes).unwrap_or_default() + "\n"
}

/// The names of the surfaces that send `entry`'s code, as a catalogue writes them.
fn surfaces(entry: &Entry) -> Vec<&'static str> {
    let mut names = Vec::with_capacity(2);
    if entry.api {
        names.push(Surface::Api.name());
    }
    if entry.gateway.is_some() {
        names.push(Surface::Gateway.name());
    }
    names
}
