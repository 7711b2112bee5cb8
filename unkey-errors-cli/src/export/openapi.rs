//! An OpenAPI 3.1 document of a catalogue's error responses, for a service's own OpenAPI to
//! reference: the envelopes' schemas, and one response per status with every code of that
//! status as a named example (its real body, as the docs show it): the API's responses
//! (`Error404`) and, for the codes the gateway sends, the gateway's (`GatewayError401`).

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};
use unkey_errors_catalogue::{Catalogue, Entry};

use super::Origin;
use crate::render::{EXAMPLE_REQUEST_ID, example_response, gateway_example_response};

/// The media type of every error response.
pub const MEDIA_TYPE: &str = "application/problem+json";

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
    for entry in &catalogue.entries {
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
                catalogue.docs_base_url,
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

/// The schemas of the envelope: the plain body, and the body of codes with an `errors` array.
fn schemas() -> Value {
    let error_members = |with_errors: bool| {
        let mut properties = json!({
            "detail": {
                "description": "A message about this occurrence of the error, for the API's caller.",
                "type": "string",
            },
            "status": {
                "description": "The HTTP status, repeated in the body.",
                "type": "integer",
                "minimum": 400,
                "maximum": 599,
            },
            "title": {
                "description": "The catalogue's title for the code.",
                "type": "string",
            },
            "type": {
                "description": "The code's docs URL, which identifies the error.",
                "type": "string",
                "format": "uri",
            },
        });
        let mut required = vec!["detail", "status", "title", "type"];
        if with_errors {
            properties["errors"] = json!({
                "description": "Each problem found with the request, possibly none.",
                "type": "array",
                "items": { "$ref": "#/components/schemas/ValidationError" },
            });
            required.push("errors");
        }
        (properties, required)
    };
    let (base_properties, base_required) = error_members(false);
    let (bad_request_properties, bad_request_required) = error_members(true);
    let envelope = |description: &str, error: &str| {
        json!({
            "description": description,
            "type": "object",
            "properties": {
                "meta": { "$ref": "#/components/schemas/Meta" },
                "error": { "$ref": format!("#/components/schemas/{error}") },
            },
            "required": ["meta", "error"],
            "additionalProperties": false,
        })
    };
    json!({
        "Meta": {
            "description": "Facts about the request, for support and tracing.",
            "type": "object",
            "properties": {
                "requestId": {
                    "description": "The id of the request; quote it when contacting support.",
                    "type": "string",
                    "examples": [EXAMPLE_REQUEST_ID],
                },
            },
            "required": ["requestId"],
            "additionalProperties": false,
        },
        "BaseError": {
            "description": "What went wrong, in the shape of RFC 9457 problem details.",
            "type": "object",
            "properties": base_properties,
            "required": base_required,
            "additionalProperties": false,
        },
        "ValidationError": {
            "description": "One problem with a request.",
            "type": "object",
            "properties": {
                "location": {
                    "description": "Where in the request the problem is, e.g. `body.apiId`.",
                    "type": "string",
                },
                "message": { "description": "What is wrong there.", "type": "string" },
                "fix": { "description": "How to fix it, when there is a clear fix.", "type": "string" },
            },
            "required": ["location", "message"],
            "additionalProperties": false,
        },
        "BadRequestErrorDetails": {
            "description": "What went wrong, with each problem found with the request.",
            "type": "object",
            "properties": bad_request_properties,
            "required": bad_request_required,
            "additionalProperties": false,
        },
        "GatewayError": {
            "description": "What went wrong, as the gateway says it.",
            "type": "object",
            "properties": {
                "code": {
                    "description": "The error code, `err:<system>:<category>:<specific>`.",
                    "type": "string",
                    "pattern": crate::export::schema::CODE_PATTERN,
                },
                "message": {
                    "description": "One public sentence about the error, for the caller.",
                    "type": "string",
                },
            },
            "required": ["code", "message"],
            "additionalProperties": false,
        },
        "GatewayErrorResponse": envelope(
            "The gateway's JSON error body (a browser gets an HTML page instead).",
            "GatewayError",
        ),
        "ErrorResponse": envelope("The body of an error response.", "BaseError"),
        "BadRequestErrorResponse": envelope(
            "The body of an error response whose code lists each problem with the request.",
            "BadRequestErrorDetails",
        ),
    })
}

/// The response for `status`: its schema, and one named example per code.
fn response(catalogue: &Catalogue, status: u16, entries: &[&Entry]) -> Value {
    let plain = json!({ "$ref": "#/components/schemas/ErrorResponse" });
    let with_errors = json!({ "$ref": "#/components/schemas/BadRequestErrorResponse" });
    let schema = match (
        entries.iter().any(|e| e.errors_array),
        entries.iter().all(|e| e.errors_array),
    ) {
        (_, true) => with_errors,
        (false, _) => plain,
        // The two bodies differ in `errors` alone, and each forbids other members, so exactly
        // one matches any body.
        (true, false) => json!({ "oneOf": [plain, with_errors] }),
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
    json!({
        "description": description,
        "content": {
            MEDIA_TYPE: {
                "schema": schema,
                "examples": examples,
            },
        },
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
        let note = if gateway.message.is_none() {
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
                "schema": { "$ref": "#/components/schemas/GatewayErrorResponse" },
                "examples": examples,
            },
        },
    })
}
