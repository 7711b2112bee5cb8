//! A JSON Schema (draft 2020-12) of the catalogue format, for editors: completion, hover text
//! and inline errors while writing `errors.yaml`.
//!
//! The schema states what a schema can state: field names and types, the code pattern, the
//! status range, one-line text, required fields. What needs the whole catalogue (a related code
//! exists, two codes give the same Rust name) is left to the validator, which the build runs.
//! The lists of keys and of required keys come from the validator's own constants.

use serde_json::{Value, json};
use unkey_errors_catalogue::{
    LINT_RULES, LintSettings, MAX_ENTRIES, PAGE_SECTIONS, REQUIRED_DOCS_NAVIGATION_SYSTEM_KEYS,
    REQUIRED_ENTRY_FIELDS, REQUIRED_TOP_LEVEL_KEYS, Surface,
};

/// Where the schema is committed, relative to the repository root.
pub const COMMITTED_PATH: &str = "docs/catalogue.schema.json";

/// The pattern every code matches: `err:<system>:<category>:<specific>`, each part a lowercase
/// ASCII letter followed by lowercase letters, digits and `_`.
pub const CODE_PATTERN: &str = unkey_errors::envelope::CODE_PATTERN;

/// Codes whose system or category cannot name a Rust module (`self`, `super`, `crate`).
pub const RESERVED_CODE_PATTERN: &str =
    "^err:(self|super|crate):|^err:[a-z][a-z0-9_]*:(self|super|crate):";

/// Text of one line that is not blank: no line break (`\n` or `\r`), no other control
/// character and no byte order mark (U+FEFF) inside it. Whitespace is allowed before or after
/// it, as a YAML block scalar (`title: |`) leaves a line break; the validator trims those.
pub const ONE_LINE_PATTERN: &str = "^\\s*[^\\u0000-\\u001F\\u007F-\\u009F\\uFEFF]*\
     [^\\s\\u0000-\\u001F\\u007F-\\u009F\\uFEFF][^\\u0000-\\u001F\\u007F-\\u009F\\uFEFF]*\\s*$";

/// A docs base URL: `http://` or `https://`, then only characters a URL may hold as written
/// (RFC 3986's unreserved and reserved characters, and `%`).
const DOCS_BASE_URL_PATTERN: &str = "^https?://[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]*$";

/// Text that is not blank.
const NOT_BLANK_PATTERN: &str = "\\S";

/// The top-level keys with their schemas, in the order the format describes them.
pub fn top_level_properties() -> Vec<(&'static str, Value)> {
    vec![
        (
            "docs_base_url",
            json!({
                "description": "The base URL of the docs pages, http(s). A code's page, and the `type` of its \
                                responses, is `<docs_base_url>/<system>/<category>/<specific>`. A trailing `/` \
                                is ignored.",
                "type": "string",
                "pattern": DOCS_BASE_URL_PATTERN,
                "examples": ["https://unkey.com/docs/errors"],
            }),
        ),
        (
            "domain",
            json!({
                "description": "The error domain of the catalogue's gRPC errors: the `domain` of each status's \
                                `ErrorInfo` (AIP-193), the service's name. Default: the host of `docs_base_url`.",
                "type": "string",
                "pattern": "^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$",
                "examples": ["unkey.com"],
            }),
        ),
        (
            "docs_navigation",
            json!({
                "description": "How the docs' navigation (the errors group of Mintlify's `docs.json`, rendered to \
                                `errors/navigation.json`) presents the catalogue. Default: the group `Errors`, \
                                no icon, collapsed, every system alphabetically under its name in Title Case.",
                "type": "object",
                "properties": object(docs_navigation_properties()),
                "additionalProperties": false,
            }),
        ),
        (
            "exhaustive",
            json!({
                "description": "`true` generates `Code` without `#[non_exhaustive]`, so every crate's `match` \
                                must name every code, and adding a code is a breaking change. Default `false`.",
                "type": "boolean",
                "default": false,
            }),
        ),
        (
            "framework",
            json!({
                "description": "The code the service answers each of the web framework's own failures with. \
                                A condition without a code passes through unchanged. Each code must be an \
                                API code: a 5xx for `panic`, a 4xx for every other condition.",
                "type": "object",
                "properties": object(framework_properties()),
                "additionalProperties": false,
            }),
        ),
        (
            "errors",
            json!({
                "description": "Every error of the API: a mapping from code (`err:<system>:<category>:<specific>`) \
                                to its entry.",
                "type": "object",
                "minProperties": 1,
                "maxProperties": MAX_ENTRIES,
                "propertyNames": { "$ref": "#/$defs/code" },
                "additionalProperties": { "$ref": "#/$defs/entry" },
            }),
        ),
        (
            "lint",
            json!({
                "description": "What `unkey-errors lint` holds the catalogue to: rules allowed for every entry, \
                                with reasons, and the rules' settings.",
                "type": "object",
                "properties": object(lint_properties()),
                "additionalProperties": false,
            }),
        ),
    ]
}

/// The keys of the top-level `lint` mapping with their schemas.
pub fn lint_properties() -> Vec<(&'static str, Value)> {
    let status = json!({ "type": "integer", "minimum": 400, "maximum": 599 });
    vec![
        (
            "allow",
            json!({
                "description": "Lint rules allowed for every entry: a mapping from rule id to the reason the rule \
                                does not apply to this catalogue.",
                "$ref": "#/$defs/lint_allow",
            }),
        ),
        (
            "min_section_chars",
            json!({
                "description": "A docs section with fewer characters, after trimming, is a stub (rule \
                                `stub-section`); 0 turns the length check off.",
                "type": "integer",
                "minimum": 0,
                "default": LintSettings::DEFAULT_MIN_SECTION_CHARS,
            }),
        ),
        (
            "status_names",
            json!({
                "description": "Names that imply a status (rule `status-name-mismatch`): a `_`-separated run of \
                                lowercase words, e.g. `not_found`, to a status or a list of statuses. Adds a name, \
                                overrides a built-in one, or with `[]` takes a built-in one out.",
                "type": "object",
                "propertyNames": { "pattern": "^[a-z0-9]+(_[a-z0-9]+)*$" },
                "additionalProperties": {
                    "oneOf": [status.clone(), { "type": "array", "items": status }],
                },
            }),
        ),
        (
            "proper_names",
            json!({
                "description": "Words with capitals inside that are names, not code identifiers, e.g. `OpenAPI` \
                                (rule `identifier-in-prose`).",
                "type": "array",
                "items": { "type": "string", "pattern": "^\\S+$" },
            }),
        ),
    ]
}

/// The keys of an entry's `lint` mapping with their schemas.
pub fn entry_lint_properties() -> Vec<(&'static str, Value)> {
    vec![(
        "allow",
        json!({
            "description": "Lint rules this entry allows: a mapping from rule id to the reason the rule does \
                            not apply to it.",
            "$ref": "#/$defs/lint_allow",
        }),
    )]
}

/// The entry fields with their schemas, in the order the format describes them.
pub fn entry_properties() -> Vec<(&'static str, Value)> {
    let section = |what: &str| {
        json!({
            "description": format!(
                "Markdown: {what} Required, and not blank, unless the entry is `internal`. \
                 Usually written as a block: `|` and indented lines."
            ),
            "type": ["string", "null"],
        })
    };
    vec![
        (
            "status",
            json!({
                "description": "The HTTP status the API answers with: a client (4xx) or server (5xx) error.",
                "type": "integer",
                "minimum": 400,
                "maximum": 599,
            }),
        ),
        (
            "title",
            one_line("The response's `title`, exactly as the API sends it, e.g. `Not Found`."),
        ),
        (
            "description",
            one_line(
                "One sentence saying what the error means. Shown in hover docs, on the docs page and by \
                 `Code::description()`.",
            ),
        ),
        (
            "detail",
            one_line(
                "An example of the response's `detail` message, shown in the docs page's example.",
            ),
        ),
        (
            "errors_array",
            json!({
                "description": "`true` when the response body carries an `errors` array (`location`, `message`, \
                                optional `fix`) listing each problem with the request. Default `false`.",
                "type": "boolean",
                "default": false,
            }),
        ),
        (
            "internal",
            json!({
                "description": "`true` for a code with no public docs page: it needs no page sections, gets no \
                                page, and no public entry may list it as related. Default `false`.",
                "type": "boolean",
                "default": false,
            }),
        ),
        (
            "deprecated",
            one_line(
                "Why the code should no longer be used and what to use instead, e.g. \
                 `use err:unkey:data:key_not_found instead`. The code keeps working; remove it in a \
                 major release.",
            ),
        ),
        (
            "surfaces",
            json!({
                "description": "The systems that send the code: `api` (the problem-details envelope) and \
                                `gateway` (the gateway in front of deployed apps). Default `[api]`. A code \
                                the gateway sends needs a `gateway` mapping.",
                "type": "array",
                "items": { "enum": Surface::ALL.map(|(_, name)| name) },
                "minItems": 1,
                "uniqueItems": true,
                "default": ["api"],
            }),
        ),
        (
            "grpc",
            json!({
                "description": "The gRPC status code the code is answered with over gRPC, by its name. Default: \
                                the one for its `status` in docs/catalogue.md's table (404 `NOT_FOUND`, \
                                409 `ABORTED`, 412 `FAILED_PRECONDITION`, 500 `INTERNAL`, …).",
                "enum": unkey_errors_catalogue::GrpcCode::ALL[1..].iter().map(|code| code.name()).collect::<Vec<_>>(),
            }),
        ),
        (
            "gateway",
            json!({
                "description": "What the gateway sends for the code; only when `surfaces` lists `gateway`.",
                "type": "object",
                "properties": object(gateway_properties()),
                "additionalProperties": false,
                // A fixed `message`, or the raised error's own: exactly one.
                "if": {
                    "properties": { "message_from_error": { "const": true } },
                    "required": ["message_from_error"],
                },
                "then": { "not": { "required": ["message"] } },
                "else": { "required": ["message"] },
            }),
        ),
        (
            "related",
            json!({
                "description": "Other codes a reader of this error should know. Each must exist, and not be the \
                                entry itself.",
                "type": "array",
                "items": { "$ref": "#/$defs/code" },
                "uniqueItems": true,
            }),
        ),
        ("what_happened", section("what triggers the error.")),
        (
            "how_to_fix",
            section("the steps that fix it, usually numbered."),
        ),
        (
            "common_mistakes",
            section("the mistakes that commonly lead to it, as `- **Label**: explanation` items."),
        ),
        (
            "lint",
            json!({
                "description": "What `unkey-errors lint` may let pass for this entry: `allow`, the rules it \
                                allows, each with the reason.",
                "type": "object",
                "properties": object(entry_lint_properties()),
                "additionalProperties": false,
            }),
        ),
        (
            "code",
            json!({
                "description": "The entry's own code, restated for readers; must equal the entry's key.",
                "$ref": "#/$defs/code",
            }),
        ),
    ]
}

/// The keys of the top-level `framework` mapping with their schemas: each a code.
pub fn framework_properties() -> Vec<(&'static str, Value)> {
    let condition = |description: &str| {
        json!({
            "description": description,
            "$ref": "#/$defs/code",
        })
    };
    vec![
        (
            "panic",
            condition(
                "A handler panicked. A server error (5xx) code; the panic's message is logged, never sent.",
            ),
        ),
        (
            "route_not_found",
            condition("No route matches the request's path."),
        ),
        (
            "method_not_allowed",
            condition("A route matches the path but not the method."),
        ),
        (
            "invalid_body",
            condition(
                "The body is malformed JSON, JSON of the wrong shape, or of an unsupported content type.",
            ),
        ),
        (
            "body_too_large",
            condition("The body is larger than the route accepts."),
        ),
        ("unreadable_body", condition("The body could not be read.")),
        ("timeout", condition("The handler did not answer in time.")),
        (
            "client_closed",
            condition("The client went away before the answer was ready; logged with this code."),
        ),
    ]
}

/// The keys of the top-level `docs_navigation` mapping with their schemas.
pub fn docs_navigation_properties() -> Vec<(&'static str, Value)> {
    vec![
        (
            "group",
            one_line("The name of the group that holds every error page. Default `Errors`."),
        ),
        (
            "icon",
            one_line(
                "The group's icon in the sidebar, e.g. the Font Awesome name `triangle-exclamation`. \
                 Default: none.",
            ),
        ),
        (
            "expanded",
            json!({
                "description": "Whether the group starts expanded in the sidebar. Default `false`.",
                "type": "boolean",
                "default": false,
            }),
        ),
        (
            "systems",
            json!({
                "description": "The systems in the order the navigation shows them, each with its group name. \
                                When given, it lists every system that has codes, once, and no other. Default: \
                                every system alphabetically.",
                "type": "array",
                "items": {
                    "description": "One system's group.",
                    "type": "object",
                    "properties": object(docs_navigation_system_properties()),
                    "required": REQUIRED_DOCS_NAVIGATION_SYSTEM_KEYS,
                    "additionalProperties": false,
                },
            }),
        ),
    ]
}

/// The keys of an item of `docs_navigation.systems` with their schemas.
pub fn docs_navigation_system_properties() -> Vec<(&'static str, Value)> {
    vec![
        (
            "system",
            json!({
                "description": "The system part of the codes this group holds, e.g. `unkey` for `err:unkey:…`.",
                "type": "string",
                "pattern": "^[a-z][a-z0-9_]*$",
            }),
        ),
        (
            "group",
            one_line(
                "The system's group name, e.g. `Unkey Errors`. Default: the system in Title Case.",
            ),
        ),
    ]
}

/// The fields of an entry's `gateway` mapping with their schemas.
pub fn gateway_properties() -> Vec<(&'static str, Value)> {
    vec![
        (
            "status",
            json!({
                "description": "The status the gateway answers with, where it differs from the API's.",
                "type": "integer",
                "minimum": 400,
                "maximum": 599,
            }),
        ),
        (
            "title",
            one_line("The title of the gateway's error page, where it differs from the API's."),
        ),
        (
            "message",
            one_line(
                "The one public sentence the gateway's body carries. Required unless `message_from_error`.",
            ),
        ),
        (
            "message_from_error",
            json!({
                "description": "`true` when the message comes from the error being raised (then no `message`). \
                                Default `false`.",
                "type": "boolean",
                "default": false,
            }),
        ),
    ]
}

/// A JSON object of named schemas, in the given order.
fn object(properties: Vec<(&str, Value)>) -> serde_json::Map<String, Value> {
    properties
        .into_iter()
        .map(|(name, schema)| (name.to_owned(), schema))
        .collect()
}

/// The JSON Schema of the catalogue format.
pub fn schema() -> Value {
    let not_blank = json!({ "type": "string", "pattern": NOT_BLANK_PATTERN });
    let sections_present: serde_json::Map<String, Value> = PAGE_SECTIONS
        .iter()
        .map(|&name| (name.to_owned(), not_blank.clone()))
        .collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "unkey-errors catalogue",
        "description": "Every error of an API, once: its code, HTTP status, title, description and docs page. \
                        The format is described in docs/catalogue.md of unkey-errors; this schema is generated \
                        by `unkey-errors schema`.",
        "type": "object",
        "properties": object(top_level_properties()),
        "required": REQUIRED_TOP_LEVEL_KEYS,
        "additionalProperties": false,
        "$defs": {
            "code": {
                "description": "An error code, `err:<system>:<category>:<specific>`: each part starts with a \
                                lowercase ASCII letter and holds only lowercase letters, digits and `_`. `self`, \
                                `super` and `crate` cannot be a system or category.",
                "type": "string",
                "pattern": CODE_PATTERN,
                "not": { "pattern": RESERVED_CODE_PATTERN },
            },
            "lint_allow": {
                "description": "Lint rules allowed, each with the reason: `<rule-id>: <why it does not apply>`. \
                                A reason is required.",
                "type": "object",
                "propertyNames": { "enum": LINT_RULES },
                "additionalProperties": {
                    "type": "string",
                    "pattern": ONE_LINE_PATTERN,
                },
            },
            "entry": {
                "description": "One error of the API.",
                "type": "object",
                "properties": object(entry_properties()),
                "required": REQUIRED_ENTRY_FIELDS,
                "additionalProperties": false,
                "allOf": [
                    {
                        "description": "The docs page's sections are required, and not blank, unless \
                                        `internal: true`.",
                        "if": {
                            "properties": { "internal": { "const": true } },
                            "required": ["internal"],
                        },
                        "else": {
                            "properties": sections_present,
                            "required": PAGE_SECTIONS,
                        },
                    },
                    {
                        "description": "`gateway` is required when `surfaces` lists `gateway`, and not \
                                        allowed otherwise.",
                        "if": {
                            "properties": { "surfaces": { "contains": { "const": "gateway" } } },
                            "required": ["surfaces"],
                        },
                        "then": { "required": ["gateway"] },
                        "else": { "not": { "required": ["gateway"] } },
                    },
                    {
                        "description": "For a code only the gateway sends, the entry's `status` and `title` \
                                        are the gateway's, so `gateway` does not restate them.",
                        "if": {
                            "properties": { "surfaces": { "not": { "contains": { "const": "api" } } } },
                            "required": ["surfaces"],
                        },
                        "then": {
                            "properties": {
                                "gateway": { "properties": { "status": false, "title": false } },
                            },
                        },
                    },
                ],
            },
        },
    })
}

/// The schema as its committed file holds it: pretty JSON with a final line break.
pub fn render() -> String {
    let mut text = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// The schema of a required one-line text field.
fn one_line(description: &str) -> Value {
    json!({
        "description": description,
        "type": "string",
        "pattern": ONE_LINE_PATTERN,
    })
}
