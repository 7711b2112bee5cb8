//! Error responses in an OpenAPI document built with the `utoipa` crate.
//!
//! With the `utoipa` feature, [`ErrorResponse`] and [`GatewayResponse`] are schemas
//! ([`ToSchema`]), and a type deriving `UnkeyError` implements
//! [`IntoResponses`](::utoipa::IntoResponses): one response
//! per status its variants answer with, each variant's code a named example of its real body.
//! List the error type in an operation's responses and register the envelope's schema once:
//!
//! ```
//! use unkey_errors::{ErrorResponse, UnkeyError};
//! use utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem};
//! use utoipa::openapi::{ComponentsBuilder, InfoBuilder, OpenApiBuilder, PathsBuilder, ResponsesBuilder};
//!
//! #[derive(Debug, thiserror::Error, UnkeyError)]
//! enum KeyError {
//!     #[error("key {0} does not exist")]
//!     #[unkey(code = "err:unkey:data:key_not_found")]
//!     NotFound(String),
//!     #[error("root keys cannot be deleted")]
//!     #[unkey(code = "err:unkey:authorization:forbidden")]
//!     Forbidden,
//! }
//!
//! let operation = OperationBuilder::new()
//!     .responses(ResponsesBuilder::new().responses_from_into_responses::<KeyError>());
//! let document = OpenApiBuilder::new()
//!     .info(InfoBuilder::new().title("Keys").version("1.0.0"))
//!     .paths(PathsBuilder::new().path("/v2/keys.deleteKey", PathItem::new(HttpMethod::Post, operation)))
//!     .components(Some(ComponentsBuilder::new().schema_from::<ErrorResponse>().build()))
//!     .build();
//!
//! let json = serde_json::to_value(&document).unwrap();
//! let responses = &json["paths"]["/v2/keys.deleteKey"]["post"]["responses"];
//! let examples = &responses["404"]["content"]["application/problem+json"]["examples"];
//! assert_eq!(examples["err:unkey:data:key_not_found"]["value"]["error"]["status"], 404);
//! assert!(responses["403"].is_object());
//! ```
//!
//! The examples' `detail` is the code's catalogue description and their request id
//! [`EXAMPLE_REQUEST_ID`]; a variant's own `detail` template needs its fields, which a
//! document does not have.

use std::collections::BTreeMap;

use ::utoipa::openapi::example::ExampleBuilder;
use ::utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder, Schema};
use ::utoipa::{PartialSchema, ToSchema};

use crate::{ErrorCode, ErrorResponse, GatewayResponse, Surface};

/// The request id of every example body.
pub const EXAMPLE_REQUEST_ID: &str = "req_2c9a0jf23l4k567";

/// The media types of the API's error responses in the document, with the same body: problem
/// details for clients that accept them, and plain JSON, which most clients (Unkey's SDKs
/// among them) ask for and receive. See the `axum` module's negotiation.
pub const API_MEDIA_TYPES: [&str; 2] = ["application/json", "application/problem+json"];

/// The media type of the gateway's JSON error body. A browser gets an HTML page instead, which
/// the document does not describe.
pub const GATEWAY_MEDIA_TYPE: &str = "application/json";

/// The responses of an error type whose variants have `codes`, answering on `surface`: what a
/// derived [`IntoResponses`](::utoipa::IntoResponses) returns, and what a hand-written one can return too.
///
/// One response per status, keyed by the status (`"404"`), described by the codes' titles and
/// descriptions, with the envelope's schema (a reference to [`ErrorResponse`]'s, or for the
/// gateway [`GatewayResponse`]'s, so the document must list that schema under
/// `components.schemas`) and one example per code, named by its URN. A code listed twice is
/// one example.
///
/// ```
/// use unkey_errors::{codes, Surface};
///
/// let responses = unkey_errors::utoipa::responses(
///     Surface::Api,
///     &[codes::unkey::data::KEY_NOT_FOUND, codes::unkey::data::API_NOT_FOUND],
/// );
/// assert_eq!(responses.keys().collect::<Vec<_>>(), ["404"]);
/// ```
pub fn responses<C: ErrorCode>(surface: Surface, codes: &[C]) -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<u16, Vec<C>> = BTreeMap::new();
    for &code in codes {
        let status = match surface {
            Surface::Gateway => GatewayResponse::new(code, EXAMPLE_REQUEST_ID).status(),
            Surface::Api => code.status(),
        };
        let codes = by_status.entry(status).or_default();
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    by_status
        .into_iter()
        .map(|(status, codes)| (status.to_string(), response(surface, &codes).into()))
        .collect()
}

/// The response of one status, whose codes are `codes`.
fn response<C: ErrorCode>(surface: Surface, codes: &[C]) -> Response {
    let (media_types, schema): (&[&str], _) = match surface {
        Surface::Gateway => (
            &[GATEWAY_MEDIA_TYPE],
            <GatewayResponse<C> as ToSchema>::name(),
        ),
        _ => (&API_MEDIA_TYPES, <ErrorResponse as ToSchema>::name()),
    };
    let examples: Vec<_> = codes
        .iter()
        .map(|&code| {
            let body = match surface {
                Surface::Gateway => {
                    serde_json::to_value(GatewayResponse::new(code, EXAMPLE_REQUEST_ID))
                }
                _ => serde_json::to_value(ErrorResponse::new(
                    code,
                    EXAMPLE_REQUEST_ID,
                    code.description(),
                )),
            };
            let example = ExampleBuilder::new()
                .summary(code.title())
                .description(code.description())
                .value(body.ok())
                .build();
            (code.as_str(), example)
        })
        .collect();
    let mut response = ResponseBuilder::new().description(description(surface, codes));
    for media_type in media_types {
        let content = ContentBuilder::new()
            .schema(Some(Ref::from_schema_name(schema.clone())))
            .examples_from_iter(examples.iter().cloned())
            .build();
        response = response.content(*media_type, content);
    }
    response.build()
}

/// A response's description: its titles, then each code with its description.
fn description<C: ErrorCode>(surface: Surface, codes: &[C]) -> String {
    let mut titles: Vec<&str> = Vec::new();
    for &code in codes {
        let title = match surface {
            Surface::Gateway => GatewayResponse::new(code, EXAMPLE_REQUEST_ID).title(),
            Surface::Api => code.title(),
        };
        if !titles.contains(&title) {
            titles.push(title);
        }
    }
    let mut description = titles.join(" / ");
    description.push('\n');
    for code in codes {
        description.push_str(&format!("\n- `{code}`: {}", code.description()));
    }
    description
}

/// The schema of `object`, from the [one description of the envelope](crate::envelope).
fn schema_of(object: &crate::envelope::Object) -> RefOr<Schema> {
    // The description's JSON Schema is one utoipa reads back: strings, numbers, arrays and
    // objects only. Were it not, an empty schema (anything goes) is still a valid document.
    serde_json::from_value(crate::envelope::json_schema(object))
        .unwrap_or_else(|_| RefOr::T(Schema::default()))
}

/// The API's envelope, `{"meta":{"requestId"},"error":{"detail","status","title","type","errors"?}}`,
/// under the name `ErrorResponse`: [`envelope::ERROR_RESPONSE`](crate::envelope::ERROR_RESPONSE)
/// as a JSON Schema, so it is the command line's `openapi` schema member for member. It is
/// open: a later release may add members (see [`envelope`](crate::envelope)).
///
/// ```
/// use unkey_errors::ErrorResponse;
/// use utoipa::{PartialSchema, ToSchema};
///
/// assert_eq!(ErrorResponse::name(), "ErrorResponse");
/// let schema = serde_json::to_value(ErrorResponse::schema()).unwrap();
/// assert_eq!(schema["required"], serde_json::json!(["meta", "error"]));
/// assert_eq!(
///     schema["properties"]["error"]["required"],
///     serde_json::json!(["detail", "status", "title", "type"])
/// );
/// ```
impl ToSchema for ErrorResponse {
    fn name() -> std::borrow::Cow<'static, str> {
        crate::envelope::ERROR_RESPONSE.name.into()
    }
}

impl PartialSchema for ErrorResponse {
    fn schema() -> RefOr<Schema> {
        schema_of(&crate::envelope::ERROR_RESPONSE)
    }
}

/// The gateway's body, `{"meta":{"requestId"},"error":{"code","message"}}`, under the name
/// `GatewayErrorResponse`: [`envelope::GATEWAY_RESPONSE`](crate::envelope::GATEWAY_RESPONSE)
/// as a JSON Schema.
///
/// ```
/// use unkey_errors::GatewayResponse;
/// use utoipa::{PartialSchema, ToSchema};
///
/// assert_eq!(<GatewayResponse>::name(), "GatewayErrorResponse");
/// let schema = serde_json::to_value(<GatewayResponse>::schema()).unwrap();
/// assert_eq!(schema["properties"]["error"]["required"], serde_json::json!(["code", "message"]));
/// ```
impl<C: ErrorCode> ToSchema for GatewayResponse<C> {
    fn name() -> std::borrow::Cow<'static, str> {
        crate::envelope::GATEWAY_RESPONSE.name.into()
    }
}

impl<C: ErrorCode> PartialSchema for GatewayResponse<C> {
    fn schema() -> RefOr<Schema> {
        schema_of(&crate::envelope::GATEWAY_RESPONSE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes;

    #[test]
    fn one_response_per_status_with_one_example_per_distinct_code() {
        let responses = responses(
            Surface::Api,
            &[
                codes::unkey::data::KEY_NOT_FOUND,
                codes::unkey::authorization::FORBIDDEN,
                codes::unkey::data::KEY_NOT_FOUND,
            ],
        );
        let json = serde_json::to_value(&responses).unwrap();
        assert_eq!(
            json.as_object().unwrap().keys().collect::<Vec<_>>(),
            ["403", "404"]
        );
        for media_type in API_MEDIA_TYPES {
            let content = &json["404"]["content"][media_type];
            assert_eq!(
                content["schema"]["$ref"],
                "#/components/schemas/ErrorResponse"
            );
        }
        let content = &json["404"]["content"]["application/json"];
        assert_eq!(
            content["schema"]["$ref"],
            "#/components/schemas/ErrorResponse"
        );
        let examples = content["examples"].as_object().unwrap();
        assert_eq!(
            examples.keys().collect::<Vec<_>>(),
            ["err:unkey:data:key_not_found"]
        );
        let code = codes::unkey::data::KEY_NOT_FOUND;
        let body = ErrorResponse::new(code, EXAMPLE_REQUEST_ID, code.description());
        assert_eq!(
            examples["err:unkey:data:key_not_found"]["value"],
            serde_json::to_value(&body).unwrap()
        );
        let description = json["404"]["description"].as_str().unwrap();
        assert!(description.starts_with("Not Found\n"), "{description}");
        assert!(description.contains(code.description()), "{description}");
    }

    #[test]
    fn gateway_responses_use_the_gateways_status_and_body() {
        let code = codes::unkey::authentication::MISSING;
        let json = serde_json::to_value(responses(Surface::Gateway, &[code])).unwrap();
        // The API would answer 400; the gateway answers 401.
        let content = &json["401"]["content"][GATEWAY_MEDIA_TYPE];
        assert_eq!(
            content["schema"]["$ref"],
            "#/components/schemas/GatewayErrorResponse"
        );
        assert_eq!(
            content["examples"][code.as_str()]["value"],
            serde_json::to_value(GatewayResponse::new(code, EXAMPLE_REQUEST_ID)).unwrap()
        );
        assert!(json.get("400").is_none());
    }
}
