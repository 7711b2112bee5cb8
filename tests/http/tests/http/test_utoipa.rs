//! The OpenAPI document of an axum route whose handler returns a derived error, built with
//! utoipa's builders: the responses its `IntoResponses` lists, their examples and schemas, and
//! the bodies the running route really sends checked against them.

use std::collections::BTreeSet;
use std::net::SocketAddr;

use axum::Router;
use axum::routing::get;
use serde_json::Value;
use unkey_errors::utoipa::EXAMPLE_REQUEST_ID;
use unkey_errors::{Code, ErrorResponse, GatewayResponse, UnkeyError, ValidationError, codes};
use utoipa::IntoResponses;
use utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem};
use utoipa::openapi::{
    ComponentsBuilder, InfoBuilder, OpenApi, OpenApiBuilder, PathsBuilder, ResponsesBuilder,
};

#[derive(Debug, thiserror::Error, UnkeyError)]
enum KeyError {
    #[error("key {0} does not exist")]
    #[unkey(code = "err:unkey:data:key_not_found")]
    KeyNotFound(String),
    #[error("api {api_id} does not exist")]
    #[unkey(
        code = "err:unkey:data:api_not_found",
        detail = "The API {api_id} was not found."
    )]
    ApiNotFound { api_id: String },
    // A second variant with a code already listed: still one example.
    #[error("key {0} was deleted")]
    #[unkey(code = "err:unkey:data:key_not_found")]
    KeyDeleted(String),
    #[error("invalid request")]
    #[unkey(code = "err:unkey:application:invalid_input")]
    Invalid {
        #[unkey(errors)]
        problems: Vec<ValidationError>,
    },
    #[error("database failure")]
    #[unkey(code = "err:unkey:application:unexpected_error")]
    Database(#[source] std::io::Error),
}

#[derive(Debug, thiserror::Error, UnkeyError)]
#[unkey(surface = "gateway")]
enum FrontlineError {
    #[error("no Authorization header")]
    #[unkey(code = "err:unkey:authentication:missing")]
    Missing,
}

const PATH: &str = "/v2/keys.getKey";
/// The media types of the API's responses: the same body, negotiated on `Accept`.
const MEDIA_TYPES: [&str; 2] = ["application/json", "application/problem+json"];
const MEDIA_TYPE: &str = MEDIA_TYPES[0];

async fn get_key() -> Result<String, KeyError> {
    Err(KeyError::KeyNotFound("key_123".into()))
}

async fn invalid() -> Result<String, KeyError> {
    Err(KeyError::Invalid {
        problems: vec![
            ValidationError::new("body.keyId", "must not be empty").with_fix("send a key id"),
        ],
    })
}

/// The service's document: one operation answering with `KeyError`'s responses, and the
/// envelope's schema under `components`.
fn document() -> OpenApi {
    let operation = OperationBuilder::new()
        .operation_id(Some("getKey"))
        .responses(ResponsesBuilder::new().responses_from_into_responses::<KeyError>());
    OpenApiBuilder::new()
        .info(InfoBuilder::new().title("Keys").version("2.0.0"))
        .paths(PathsBuilder::new().path(PATH, PathItem::new(HttpMethod::Get, operation)))
        .components(Some(
            ComponentsBuilder::new()
                .schema_from::<ErrorResponse>()
                .build(),
        ))
        .build()
}

/// The document as a client reads it: serialized, then parsed back as plain JSON.
fn document_json() -> Value {
    let text = document().to_pretty_json().unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The codes each documented status must list, in the order the variants name them.
fn expected() -> Vec<(&'static str, Vec<Code>)> {
    vec![
        ("400", vec![codes::unkey::application::INVALID_INPUT]),
        (
            "404",
            vec![
                codes::unkey::data::KEY_NOT_FOUND,
                codes::unkey::data::API_NOT_FOUND,
            ],
        ),
        ("500", vec![codes::unkey::application::UNEXPECTED_ERROR]),
    ]
}

/// Every `$ref` in `value`, e.g. `#/components/schemas/ErrorResponse`.
fn refs(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Object(members) => {
            for (name, member) in members {
                match (name.as_str(), member) {
                    ("$ref", Value::String(target)) => found.push(target.clone()),
                    _ => refs(member, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| refs(item, found)),
        _ => {}
    }
}

/// A validator for the envelope's schema as the document publishes it.
fn envelope_validator(json: &Value) -> jsonschema::Validator {
    jsonschema::validator_for(&json["components"]["schemas"]["ErrorResponse"]).unwrap()
}

#[test]
fn each_status_lists_its_codes_as_named_examples_of_their_real_bodies() {
    let json = document_json();
    let responses = &json["paths"][PATH]["get"]["responses"];
    let statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
    assert_eq!(statuses, ["400", "404", "500"]);
    for (status, codes) in expected() {
        let response = &responses[status];
        let description = response["description"].as_str().unwrap();
        assert!(
            description.starts_with(codes[0].title()),
            "{status}: {description}"
        );
        let content = response["content"].as_object().unwrap();
        assert_eq!(content.keys().collect::<Vec<_>>(), MEDIA_TYPES);
        assert_eq!(content[MEDIA_TYPES[0]], content[MEDIA_TYPES[1]]);
        let content = &content[MEDIA_TYPE];
        assert_eq!(
            content["schema"],
            serde_json::json!({"$ref": "#/components/schemas/ErrorResponse"})
        );
        let examples = content["examples"].as_object().unwrap();
        let names: BTreeSet<&str> = examples.keys().map(String::as_str).collect();
        let expected_names: BTreeSet<&str> = codes.iter().map(|code| code.as_str()).collect();
        assert_eq!(names, expected_names, "{status}");
        for code in codes {
            assert!(description.contains(code.description()), "{description}");
            let body = ErrorResponse::new(code, EXAMPLE_REQUEST_ID, code.description());
            assert_eq!(
                examples[code.as_str()]["value"],
                serde_json::to_value(&body).unwrap(),
                "{code}"
            );
            assert_eq!(examples[code.as_str()]["summary"], code.title());
        }
    }
    // The code with an `errors` array shows it, empty.
    let invalid =
        &responses["400"]["content"][MEDIA_TYPE]["examples"]["err:unkey:application:invalid_input"];
    assert_eq!(invalid["value"]["error"]["errors"], serde_json::json!([]));
}

#[test]
fn the_document_is_well_formed_openapi_with_every_reference_resolved() {
    let text = document().to_pretty_json().unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    assert!(json["openapi"].as_str().unwrap().starts_with("3.1."));
    assert_eq!(json["info"]["title"], "Keys");
    assert_eq!(json["info"]["version"], "2.0.0");
    assert_eq!(json["paths"][PATH]["get"]["operationId"], "getKey");

    let schemas = json["components"]["schemas"].as_object().unwrap();
    assert_eq!(schemas.keys().collect::<Vec<_>>(), ["ErrorResponse"]);
    let mut found = Vec::new();
    refs(&json, &mut found);
    assert_eq!(
        found.len(),
        6,
        "one reference per response and media type: {found:?}"
    );
    for target in &found {
        let pointer = target.strip_prefix('#').unwrap();
        assert!(
            json.pointer(pointer).is_some(),
            "{target} resolves to nothing"
        );
    }

    // utoipa reads its own output back, and writes it out again unchanged.
    let back: OpenApi = serde_json::from_str(&text).unwrap();
    assert_eq!(serde_json::to_value(&back).unwrap(), json);
}

#[test]
fn the_published_schema_accepts_every_example_and_rejects_what_the_api_never_sends() {
    let json = document_json();
    let validator = envelope_validator(&json);
    let responses = json["paths"][PATH]["get"]["responses"].as_object().unwrap();
    let mut checked = 0;
    for response in responses.values() {
        for example in response["content"][MEDIA_TYPE]["examples"]
            .as_object()
            .unwrap()
            .values()
        {
            let body = &example["value"];
            assert!(validator.is_valid(body), "{body}");
            checked += 1;
        }
    }
    assert_eq!(checked, 4);
    // The schema can fail: a missing `type`, a status that is no error, a member of the wrong
    // type. A member a later release adds is accepted: the schema is open, as the readers are.
    let good = serde_json::to_value(ErrorResponse::new(
        codes::unkey::data::KEY_NOT_FOUND,
        "req_1",
        "d",
    ))
    .unwrap();
    let mut extra = good.clone();
    extra["error"]["instance"] = "/v2/keys.getKey".into();
    assert!(validator.is_valid(&extra), "{extra}");
    let mut untyped = good.clone();
    untyped["error"].as_object_mut().unwrap().remove("type");
    let mut ok = good.clone();
    ok["error"]["status"] = 200.into();
    let mut listed = good.clone();
    listed["error"]["errors"] = "not a list".into();
    for wrong in [untyped, ok, listed] {
        assert!(!validator.is_valid(&wrong), "{wrong}");
    }
}

#[tokio::test]
async fn what_the_route_really_sends_is_documented() {
    let json = document_json();
    let validator = envelope_validator(&json);
    let responses = &json["paths"][PATH]["get"]["responses"];

    let app = Router::new()
        .route(PATH, get(get_key))
        .route("/invalid", get(invalid));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    for path in [PATH, "/invalid"] {
        let (status, content_type, body) = fetch(address, path).await;
        let body: Value = serde_json::from_str(&body).unwrap();
        let documented = &responses[status.to_string()];
        assert!(documented.is_object(), "{status} is not documented");
        assert!(
            documented["content"][&content_type].is_object(),
            "{content_type}"
        );
        assert!(validator.is_valid(&body), "{body}");
        // The real body names a code that is one of its status's examples.
        let received: ErrorResponse = serde_json::from_value(body.clone()).unwrap();
        let code = received.code::<Code>().unwrap().known().unwrap();
        let example = &documented["content"][&content_type]["examples"][code.as_str()]["value"];
        assert_eq!(example["error"]["type"], body["error"]["type"]);
        assert_eq!(example["error"]["title"], body["error"]["title"]);
    }
}

/// A GET on the loopback server: status, content type and body.
async fn fetch(address: SocketAddr, path: &str) -> (u16, String, String) {
    let url = format!("http://{address}{path}");
    tokio::task::spawn_blocking(move || {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(std::time::Duration::from_secs(10)))
            .build()
            .into();
        let mut response = agent.get(&url).call().unwrap();
        let content_type = response
            .headers()
            .get("content-type")
            .map(|value| value.to_str().unwrap().to_owned())
            .unwrap_or_default();
        let body = response.body_mut().read_to_string().unwrap();
        (response.status().as_u16(), content_type, body)
    })
    .await
    .unwrap()
}

#[test]
fn every_variant_is_an_example_of_the_status_it_answers_with() {
    let responses = serde_json::to_value(KeyError::responses()).unwrap();
    let frontline = serde_json::to_value(FrontlineError::responses()).unwrap();
    let variants = [
        KeyError::KeyNotFound("key_1".into()),
        KeyError::ApiNotFound {
            api_id: "api_1".into(),
        },
        KeyError::KeyDeleted("key_1".into()),
        KeyError::Invalid { problems: vec![] },
        KeyError::Database(std::io::Error::other("down")),
    ];
    for error in &variants {
        let examples = &responses[error.status().to_string()]["content"][MEDIA_TYPE]["examples"];
        assert!(examples[error.code().as_str()].is_object(), "{error:?}");
    }
    let missing = GatewayResponse::for_error(&FrontlineError::Missing, "req_1");
    let examples =
        &frontline[missing.status().to_string()]["content"]["application/json"]["examples"];
    assert!(examples[missing.error.code.as_str()].is_object());
}

#[test]
fn a_gateway_error_documents_the_gateways_status_and_body() {
    let responses = serde_json::to_value(FrontlineError::responses()).unwrap();
    let code = codes::unkey::authentication::MISSING;
    // The API answers this code with 400; the gateway, with 401.
    assert_eq!(
        responses.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["401"]
    );
    let content = &responses["401"]["content"]["application/json"];
    assert_eq!(
        content["schema"]["$ref"],
        "#/components/schemas/GatewayErrorResponse"
    );
    assert_eq!(
        content["examples"][code.as_str()]["value"],
        serde_json::to_value(GatewayResponse::new(code, EXAMPLE_REQUEST_ID)).unwrap()
    );
}

#[test]
fn the_utoipa_schema_is_the_command_lines_member_for_member() {
    use utoipa::PartialSchema;
    let catalogue = unkey_errors_catalogue::load(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../errors.yaml")),
        "errors.yaml",
    )
    .unwrap();
    let origin = unkey_errors_cli::export::Origin::new("errors.yaml", "openapi");
    let cli = unkey_errors_cli::export::openapi::document(&catalogue, "1", &origin);
    let schemas = &cli["components"]["schemas"];
    assert_eq!(
        serde_json::to_value(ErrorResponse::schema()).unwrap(),
        schemas["ErrorResponse"]
    );
    assert_eq!(
        serde_json::to_value(<unkey_errors::GatewayResponse>::schema()).unwrap(),
        schemas["GatewayErrorResponse"]
    );
}
