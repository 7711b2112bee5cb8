//! The one description of the wire shapes: every member of every object of the API's envelope
//! and of the gateway's body, with its kind and meaning.
//!
//! The runtime's types ([`ErrorResponse`](crate::ErrorResponse) and its parts,
//! [`GatewayResponse`](crate::GatewayResponse)) are what goes on the wire; this module
//! describes them, member for member (a test holds each description to its type's
//! serialization), and everything else that states the shape is made from it: the JSON Schemas
//! (`json_schema`, with the `serde_json` or `utoipa` feature), the `utoipa` schemas, and the command
//! line's OpenAPI document and TypeScript and Go types. So none of them can disagree with what
//! a service sends.
//!
//! **The published schemas are open**: an object admits members it does not list, because a
//! release may add members to the envelope without breaking anyone (the structs are
//! `#[non_exhaustive]`), and a client that validates a newer server's body against an older
//! schema must still accept it. The readers agree: deserializing skips members this version
//! does not know, or with the `serde_json` feature keeps them in `extra`.
//!
//! ```
//! use unkey_errors::envelope::{ERROR_RESPONSE, Kind};
//!
//! let names: Vec<&str> = ERROR_RESPONSE.members.iter().map(|member| member.name).collect();
//! assert_eq!(names, ["meta", "error"]);
//! let Kind::Object(error) = ERROR_RESPONSE.members[1].kind else { unreachable!() };
//! assert_eq!(error.name, "ErrorBody");
//! ```

/// An object of a wire shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Object {
    /// The name schemas and generated types give it, e.g. `ErrorBody`.
    pub name: &'static str,
    /// What it is, in one sentence.
    pub description: &'static str,
    /// Its members, in the order they are written.
    pub members: &'static [Member],
}

/// A member of an [`Object`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Member {
    /// Its name on the wire, e.g. `requestId`.
    pub name: &'static str,
    /// Whether every body has it. An optional member is absent rather than `null`.
    pub required: bool,
    /// What its value is.
    pub kind: Kind,
    /// What it says, in one sentence.
    pub description: &'static str,
}

/// What a [`Member`]'s value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Kind {
    /// Text.
    Text,
    /// An error code, `err:<system>:<category>:<specific>`; a newer server may send one the
    /// reader does not know.
    Code,
    /// A URL.
    Url,
    /// An HTTP error status, 400 to 599.
    Status,
    /// An object.
    Object(&'static Object),
    /// A list of objects.
    List(&'static Object),
}

/// `meta`: facts about the request, in both shapes.
pub const META: Object = Object {
    name: "Meta",
    description: "Facts about the request, for support and tracing.",
    members: &[Member {
        name: "requestId",
        required: true,
        kind: Kind::Text,
        description: "The id of the request, e.g. `req_2c9a0jf23l4k567`; quote it when contacting support.",
    }],
};

/// One problem with a request, an item of the API's `errors`.
pub const VALIDATION_ERROR: Object = Object {
    name: "ValidationError",
    description: "One problem with a request, listed in the `errors` array of a response.",
    members: &[
        Member {
            name: "location",
            required: true,
            kind: Kind::Text,
            description: "Where in the request the problem is, e.g. `body.apiId`.",
        },
        Member {
            name: "message",
            required: true,
            kind: Kind::Text,
            description: "What is wrong there.",
        },
        Member {
            name: "fix",
            required: false,
            kind: Kind::Text,
            description: "How to fix it, when there is a clear fix.",
        },
    ],
};

/// The API's `error` object, in the shape of RFC 9457 problem details.
pub const ERROR_BODY: Object = Object {
    name: "ErrorBody",
    description: "The `error` object of an error response, in the shape of RFC 9457 problem details.",
    members: &[
        Member {
            name: "detail",
            required: true,
            kind: Kind::Text,
            description: "A message about this occurrence of the error, for the API's caller.",
        },
        Member {
            name: "status",
            required: true,
            kind: Kind::Status,
            description: "The HTTP status, repeated in the body.",
        },
        Member {
            name: "title",
            required: true,
            kind: Kind::Text,
            description: "The catalogue's title for the code.",
        },
        Member {
            name: "type",
            required: true,
            kind: Kind::Url,
            description: "The code's docs URL, which identifies the error.",
        },
        Member {
            name: "errors",
            required: false,
            kind: Kind::List(&VALIDATION_ERROR),
            description: "Each problem found with the request, possibly none: present exactly for codes whose catalogue entry sets `errors_array`.",
        },
    ],
};

/// The API's envelope: [`ErrorResponse`](crate::ErrorResponse).
pub const ERROR_RESPONSE: Object = Object {
    name: "ErrorResponse",
    description: "The body of every error response of the API.",
    members: &[
        Member {
            name: "meta",
            required: true,
            kind: Kind::Object(&META),
            description: "Facts about the request, for support and tracing.",
        },
        Member {
            name: "error",
            required: true,
            kind: Kind::Object(&ERROR_BODY),
            description: "What went wrong.",
        },
    ],
};

/// The gateway's `error` object.
pub const GATEWAY_ERROR_BODY: Object = Object {
    name: "GatewayErrorBody",
    description: "The `error` object of the gateway's JSON error body.",
    members: &[
        Member {
            name: "code",
            required: true,
            kind: Kind::Code,
            description: "The error code, `err:<system>:<category>:<specific>`.",
        },
        Member {
            name: "message",
            required: true,
            kind: Kind::Text,
            description: "One public sentence about the error, for the caller.",
        },
    ],
};

/// The gateway's JSON body: [`GatewayResponse`](crate::GatewayResponse). A browser gets an
/// HTML page with the same facts instead.
pub const GATEWAY_RESPONSE: Object = Object {
    name: "GatewayErrorResponse",
    description: "The gateway's JSON error body; a browser gets an HTML page instead.",
    members: &[
        Member {
            name: "meta",
            required: true,
            kind: Kind::Object(&META),
            description: "Facts about the request, for support and tracing.",
        },
        Member {
            name: "error",
            required: true,
            kind: Kind::Object(&GATEWAY_ERROR_BODY),
            description: "What went wrong.",
        },
    ],
};

/// The pattern every code matches, as a regular expression for schemas.
pub const CODE_PATTERN: &str = "^err:[a-z][a-z0-9_]*:[a-z][a-z0-9_]*:[a-z][a-z0-9_]*$";

/// The JSON Schema (draft 2020-12, as OpenAPI 3.1 uses it) of `object`, with every object it
/// holds inline. Open, as the [module](self) explains: no `additionalProperties: false`.
///
/// ```
/// use unkey_errors::envelope::{self, ERROR_RESPONSE};
///
/// let schema = envelope::json_schema(&ERROR_RESPONSE);
/// assert_eq!(schema["required"], serde_json::json!(["meta", "error"]));
/// assert_eq!(schema["properties"]["error"]["properties"]["status"]["minimum"], 400);
/// ```
#[cfg(any(feature = "serde_json", feature = "utoipa"))]
#[cfg_attr(docsrs, doc(cfg(any(feature = "serde_json", feature = "utoipa"))))]
pub fn json_schema(object: &Object) -> serde_json::Value {
    use serde_json::{Map, Value, json};
    let properties: Map<String, Value> = object
        .members
        .iter()
        .map(|member| {
            let mut schema = match member.kind {
                Kind::Text => json!({ "type": "string" }),
                Kind::Code => json!({ "type": "string", "pattern": CODE_PATTERN }),
                Kind::Url => json!({ "type": "string", "format": "uri" }),
                Kind::Status => json!({ "type": "integer", "minimum": 400, "maximum": 599 }),
                Kind::Object(inner) => json_schema(inner),
                Kind::List(item) => json!({ "type": "array", "items": json_schema(item) }),
            };
            schema["description"] = member.description.into();
            (member.name.to_owned(), schema)
        })
        .collect();
    let required: Vec<&str> = object
        .members
        .iter()
        .filter(|member| member.required)
        .map(|member| member.name)
        .collect();
    json!({
        "description": object.description,
        "type": "object",
        "properties": properties,
        "required": required,
    })
}

#[cfg(all(test, feature = "serde_json"))]
mod tests {
    use super::*;
    use crate::{ErrorResponse, GatewayResponse, ValidationError, codes};

    /// The members `value`'s object has, sorted.
    fn keys(value: &serde_json::Value) -> Vec<&str> {
        value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect()
    }

    /// The members `object` describes, sorted like [`keys`]; their order is checked on the
    /// serialized text ([`in_order`]).
    fn names(object: &Object) -> Vec<&'static str> {
        let mut names: Vec<&str> = object.members.iter().map(|member| member.name).collect();
        names.sort_unstable();
        names
    }

    /// Whether `text` writes the members of each object in the order of their descriptions.
    fn in_order(text: &str, objects: &[&Object]) -> bool {
        objects.iter().all(|object| {
            let at: Vec<usize> = object
                .members
                .iter()
                .map(|member| text.find(&format!("\"{}\":", member.name)).unwrap())
                .collect();
            at.windows(2).all(|pair| pair[0] < pair[1])
        })
    }

    #[test]
    fn each_description_lists_exactly_what_its_type_sends() {
        let body = ErrorResponse::new(codes::unkey::application::INVALID_INPUT, "req_1", "d")
            .with_error(ValidationError::new("body", "m").with_fix("f"));
        let text = serde_json::to_string(&body).unwrap();
        assert!(
            in_order(&text, &[&ERROR_RESPONSE, &ERROR_BODY, &VALIDATION_ERROR]),
            "{text}"
        );
        let body = serde_json::to_value(&body).unwrap();
        assert_eq!(keys(&body), names(&ERROR_RESPONSE));
        assert_eq!(keys(&body["meta"]), names(&META));
        assert_eq!(keys(&body["error"]), names(&ERROR_BODY));
        assert_eq!(keys(&body["error"]["errors"][0]), names(&VALIDATION_ERROR));

        let gateway = GatewayResponse::new(codes::unkey::authentication::MISSING, "req_1");
        let text = serde_json::to_string(&gateway).unwrap();
        assert!(
            in_order(&text, &[&GATEWAY_RESPONSE, &GATEWAY_ERROR_BODY]),
            "{text}"
        );
        let gateway = serde_json::to_value(&gateway).unwrap();
        assert_eq!(keys(&gateway), names(&GATEWAY_RESPONSE));
        assert_eq!(keys(&gateway["meta"]), names(&META));
        assert_eq!(keys(&gateway["error"]), names(&GATEWAY_ERROR_BODY));
    }

    #[test]
    fn a_member_is_optional_exactly_when_a_body_can_lack_it() {
        let plain = ErrorResponse::new(codes::unkey::authorization::FORBIDDEN, "req_1", "d")
            .with_error(ValidationError::new("body", "m"));
        let mut plain = serde_json::to_value(&plain).unwrap();
        plain["error"]
            .as_object_mut()
            .unwrap()
            .remove("errors")
            .unwrap();
        let optional = |object: &Object| -> Vec<&str> {
            object
                .members
                .iter()
                .filter(|m| !m.required)
                .map(|m| m.name)
                .collect()
        };
        assert_eq!(optional(&ERROR_BODY), ["errors"]);
        assert_eq!(optional(&VALIDATION_ERROR), ["fix"]);
        // A body without them still reads.
        let read: ErrorResponse = serde_json::from_value(plain).unwrap();
        assert_eq!(read.error.errors, None);
    }
}
