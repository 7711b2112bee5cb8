//! An OpenAPI 3.1 document of a catalogue's error responses, for a service's own OpenAPI to
//! reference: the envelopes' schemas, and one response per status with every code of that
//! status as a named example (its real body, as the docs show it): the API's responses
//! (`Error404`) and, for the codes the gateway sends, the gateway's (`GatewayError401`).

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};
use unkey_errors_catalogue::{Catalogue, Entry};

use unkey_errors::envelope::{self, ERROR_RESPONSE, GATEWAY_RESPONSE};

use super::Origin;
use crate::render::{example_response, gateway_example_response};

/// The media types of the API's error responses, with the same body: plain JSON, which most
/// clients ask for and get, and problem details for those that accept them.
pub const MEDIA_TYPES: [&str; 2] = ["application/json", "application/problem+json"];

/// The version `info.version` has unless the caller names one.
pub const DEFAULT_API_VERSION: &str = "1.0.0";

/// The media type of the gateway's JSON error body. A browser gets an HTML page instead, which
/// the document does not describe.
pub const GATEWAY_MEDIA_TYPE: &str = "application/json";

/// The name of the response for `status` under `components.responses`, e.g. `Error404`.
pub fn response_name(status: u16) -> String {
    format!("Error{status}")
}

/// The name of the gateway's response for `status` under `components.responses`, e.g.
/// `GatewayError401`.
pub fn gateway_response_name(status: u16) -> String {
    format!("GatewayError{status}")
}

/// The OpenAPI document of `catalogue`'s error responses; `api_version` is its `info.version`,
/// and its description names the `origin`.
pub fn document(catalogue: &Catalogue, api_version: &str, origin: &Origin) -> Value {
    // The API's responses hold the codes the API sends; the gateway's, the codes it sends, by
    // the gateway's own status.
    let mut by_status: BTreeMap<u16, Vec<&Entry>> = BTreeMap::new();
    let mut by_gateway_status: BTreeMap<u16, Vec<&Entry>> = BTreeMap::new();
    for entry in catalogue.entries() {
        if entry.api {
            by_status.entry(entry.status).or_default().push(entry);
        }
        if let Some(gateway) = &entry.gateway {
            by_gateway_status
                .entry(gateway.status)
                .or_default()
                .push(entry);
        }
    }
    let mut responses: Map<String, Value> = by_status
        .iter()
        .map(|(&status, entries)| (response_name(status), response(catalogue, status, entries)))
        .collect();
    responses.extend(by_gateway_status.iter().map(|(&status, entries)| {
        (
            gateway_response_name(status),
            gateway_response(catalogue, status, entries),
        )
    }));
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Error responses",
            "version": api_version,
            "description": format!(
                "The error responses of the API whose errors are documented at {}, generated from \
                 {} by `{}`. Reference a status's response from an operation, \
                 e.g. `$ref: '<this file>#/components/responses/{}'`; the gateway's responses, for the \
                 codes the gateway in front of deployed apps sends, are named like `{}`.",
                catalogue.docs_base_url(),
                origin.catalogue(),
                origin.command(),
                response_name(404),
                gateway_response_name(401)
            ),
        },
        "paths": {},
        "components": {
            "schemas": schemas(),
            "responses": responses,
        },
    })
}

/// The document as its file holds it: pretty JSON with a final line break.
pub fn render(catalogue: &Catalogue, api_version: &str, origin: &Origin) -> String {
    let mut text =
        serde_json::to_string_pretty(&document(catalogue, api_version, origin)).unwrap_or_default();
    text.push('\n');
    text
}

/// The schemas of the two bodies, from the runtime's one description of them
/// ([`unkey_errors::envelope`]): so they are the `utoipa` schemas member for member, and like
/// them open to members a later release adds.
fn schemas() -> Value {
    json!({
        ERROR_RESPONSE.name: envelope::json_schema(&ERROR_RESPONSE),
        GATEWAY_RESPONSE.name: envelope::json_schema(&GATEWAY_RESPONSE),
    })
}

/// The response for `status`: its schema, and one named example per code, under both media
/// types the API answers with.
fn response(catalogue: &Catalogue, status: u16, entries: &[&Entry]) -> Value {
    let envelope = json!({ "$ref": format!("#/components/schemas/{}", ERROR_RESPONSE.name) });
    // Where every code of the status lists its problems, every body has `errors`.
    let schema = if entries.iter().all(|e| e.errors_array) {
        json!({
            "allOf": [
                envelope,
                { "properties": { "error": { "required": ["errors"] } } },
            ],
        })
    } else {
        envelope
    };
    let mut description = format!("{status}: the codes answered with this status.\n");
    let mut examples = Map::new();
    for entry in entries {
        description.push_str(&format!(
            "\n- `{}` ({}): {}",
            entry.code, entry.title, entry.description
        ));
        let body: Value =
            serde_json::from_str(&example_response(catalogue, entry)).unwrap_or_default();
        examples.insert(
            entry.code.to_string(),
            named_example(catalogue, entry, body, ""),
        );
    }
    let content: Map<String, Value> = MEDIA_TYPES
        .iter()
        .map(|media_type| {
            (
                (*media_type).to_owned(),
                json!({ "schema": schema, "examples": examples }),
            )
        })
        .collect();
    json!({
        "description": description,
        "content": content,
    })
}

/// One named example: the code's description as its summary, `note`, its deprecation and docs
/// link as its description, and `body` as its value.
fn named_example(catalogue: &Catalogue, entry: &Entry, body: Value, note: &str) -> Value {
    let mut about = note.to_owned();
    if let Some(reason) = &entry.deprecated {
        about.push_str(&format!("Deprecated: {reason}. "));
    }
    about.push_str(&format!("Docs: {}", catalogue.docs_url(entry)));
    json!({
        "summary": entry.description,
        "description": about,
        "value": body,
    })
}

/// The gateway's response for `status`: its schema, and one named example per code it sends
/// with that status (the gateway's own body, as the docs show it).
fn gateway_response(catalogue: &Catalogue, status: u16, entries: &[&Entry]) -> Value {
    let mut description = format!(
        "{status}: the codes the gateway answers with this status. A browser gets an HTML error \
         page with the same status instead of this JSON body.\n"
    );
    let mut examples = Map::new();
    for entry in entries {
        let Some(gateway) = &entry.gateway else {
            continue;
        };
        description.push_str(&format!(
            "\n- `{}` ({}): {}",
            entry.code, gateway.title, entry.description
        ));
        let body: Value = gateway_example_response(entry)
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default();
        let note = if crate::render::message_is_masked(gateway) {
            "The message is the code's description: the error raised is a server error here, \
             and its own text is not sent. "
        } else if gateway.message.is_none() {
            "The message comes from the error raised; this one is an example. "
        } else {
            ""
        };
        examples.insert(
            entry.code.to_string(),
            named_example(catalogue, entry, body, note),
        );
    }
    json!({
        "description": description,
        "content": {
            GATEWAY_MEDIA_TYPE: {
                "schema": { "$ref": format!("#/components/schemas/{}", GATEWAY_RESPONSE.name) },
                "examples": examples,
            },
        },
    })
}
