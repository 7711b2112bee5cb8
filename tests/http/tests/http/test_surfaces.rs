//! Both surfaces over real HTTP on 127.0.0.1: the API's envelope as `application/problem+json`
//! or `application/json`, the gateway's body as JSON or an HTML page, each chosen by the
//! request's `Accept` header; the statuses each surface answers with; every API body against
//! a JSON Schema of Unkey's published error shapes.

use std::net::SocketAddr;

use axum::Router;
use axum::extract::Path;
use axum::response::Response;
use axum::routing::get;
use serde_json::{Value, json};
use unkey_errors::{
    Code, ErrorResponse, GatewayResponse, Surface, UnkeyError, ValidationError, codes,
};

const PROBLEM_JSON: &str = "application/problem+json";
const JSON: &str = "application/json";
const HTML: &str = "text/html; charset=utf-8";

/// An error for any code on either surface. Its `Display` text, the detail of a client error,
/// carries markup and quotes, so the HTML page has something to escape.
#[derive(Debug)]
struct Raised {
    code: Code,
    surface: Surface,
    problems: Vec<ValidationError>,
}

impl std::fmt::Display for Raised {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<script>alert(1)</script> \"{}\" & 'it'", self.code)
    }
}

impl UnkeyError for Raised {
    type Code = Code;

    fn code(&self) -> Code {
        self.code
    }

    fn surface(&self) -> Surface {
        self.surface
    }

    fn validation_errors(&self) -> &[ValidationError] {
        &self.problems
    }
}

fn raise(urn: &str, surface: Surface) -> Response {
    let code: Code = urn.parse().unwrap();
    let problems = if code.has_errors_array() {
        vec![ValidationError::new("body.keyId", "must not be empty").with_fix("send a key id")]
    } else {
        Vec::new()
    };
    unkey_errors::axum::into_response(&Raised {
        code,
        surface,
        problems,
    })
}

async fn api(Path(urn): Path<String>) -> Response {
    raise(&urn, Surface::Api)
}

async fn gateway(Path(urn): Path<String>) -> Response {
    raise(&urn, Surface::Gateway)
}

async fn raw_api() -> ErrorResponse {
    ErrorResponse::new(
        codes::unkey::authorization::FORBIDDEN,
        "req_raw",
        "This operation is not allowed",
    )
}

async fn raw_gateway() -> GatewayResponse {
    GatewayResponse::new(codes::frontline::capacity::DEPLOYMENT_OFFLINE, "req_raw")
}

/// Serves both surfaces' errors, under the request-id middleware unless `bare`; unknown paths
/// fall to the gateway's not-found answer. The server ends with the test's runtime.
async fn serve(bare: bool) -> SocketAddr {
    let mut app = Router::new()
        .route("/api/{urn}", get(api))
        .route("/gateway/{urn}", get(gateway))
        .route("/raw/api", get(raw_api))
        .route("/raw/gateway", get(raw_gateway))
        .fallback(unkey_errors::axum::gateway_not_found);
    if !bare {
        app = app.layer(unkey_errors::axum::ErrorLayer::<unkey_errors::Code>::new());
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    address
}

#[derive(Debug)]
struct Reply {
    status: u16,
    content_type: String,
    vary: Option<String>,
    policy: Option<String>,
    request_id: String,
    body: String,
}

/// A GET over a real socket with exactly this `Accept` header (`None`: the request has none)
/// and request id.
async fn fetch(address: SocketAddr, path: &str, accept: Option<&str>, id: &str) -> Reply {
    let url = format!("http://{address}{path}");
    let (accept, id) = (accept.map(str::to_owned), id.to_owned());
    tokio::task::spawn_blocking(move || {
        // ureq sends `Accept: */*` unless told otherwise; a request without the header must
        // have none at all.
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .accept(ureq::config::AutoHeaderValue::None)
            .timeout_global(Some(std::time::Duration::from_secs(10)))
            .build()
            .into();
        let mut request = agent.get(&url).header("x-request-id", &id);
        if let Some(accept) = &accept {
            request = request.header("accept", accept);
        }
        let mut response = request.call().unwrap();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .map(|v| v.to_str().unwrap().to_owned())
        };
        Reply {
            status: response.status().as_u16(),
            content_type: header("content-type").unwrap_or_default(),
            vary: header("vary"),
            policy: header("content-security-policy"),
            request_id: header("x-request-id").unwrap_or_default(),
            body: response.body_mut().read_to_string().unwrap(),
        }
    })
    .await
    .unwrap()
}

/// The API's media type for each `Accept` header: problem+json only when the header lists it,
/// `application/*` or `*/*`.
const API_CASES: &[(Option<&str>, &str)] = &[
    (Some("application/json"), JSON),
    (Some("application/problem+json"), PROBLEM_JSON),
    (Some("application/*"), PROBLEM_JSON),
    (Some("*/*"), PROBLEM_JSON),
    (None, JSON),
    (Some("text/html"), JSON),
    (Some("Application/Problem+JSON; q=0.5"), PROBLEM_JSON),
    (Some("text/html, */*;q=0.1"), PROBLEM_JSON),
    (Some("application/json, text/plain"), JSON),
];

/// The gateway's answer for each `Accept` header: JSON for `application/json`,
/// `application/*`, or `*/*` without `text/html`; the HTML page otherwise.
const GATEWAY_CASES: &[(Option<&str>, &str)] = &[
    (Some("application/json"), JSON),
    (Some("application/*"), JSON),
    (Some("*/*"), JSON),
    (Some("text/html,*/*"), HTML),
    (None, HTML),
    (Some("text/html"), HTML),
    (
        Some("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
        HTML,
    ),
    (Some("text/html;q=0.1, APPLICATION/JSON"), JSON),
];

#[tokio::test]
async fn the_api_negotiates_problem_json_or_json_and_the_body_is_the_same() {
    let address = serve(false).await;
    let code = codes::unkey::data::KEY_NOT_FOUND;
    let expected = ErrorResponse::new(
        code,
        "req_api",
        "<script>alert(1)</script> \"err:unkey:data:key_not_found\" & 'it'",
    );
    for &(accept, media_type) in API_CASES {
        let reply = fetch(address, &format!("/api/{code}"), accept, "req_api").await;
        assert_eq!(reply.status, 404, "{accept:?}");
        assert_eq!(reply.content_type, media_type, "{accept:?}");
        assert_eq!(reply.vary.as_deref(), Some("accept"), "{accept:?}");
        assert_eq!(reply.request_id, "req_api");
        let body: ErrorResponse = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(body, expected, "{accept:?}");
    }
}

#[tokio::test]
async fn an_error_response_returned_from_a_handler_negotiates_too() {
    let address = serve(false).await;
    for &(accept, media_type) in API_CASES {
        let reply = fetch(address, "/raw/api", accept, "req_ignored").await;
        assert_eq!(
            (reply.status, reply.content_type.as_str()),
            (403, media_type),
            "{accept:?}"
        );
        assert_eq!(reply.request_id, "req_raw", "the body's id is the header's");
    }
}

#[tokio::test]
async fn the_gateway_answers_its_json_body_to_programs_and_an_html_page_to_browsers() {
    let address = serve(false).await;
    let code = codes::unkey::authentication::MISSING;
    for &(accept, media_type) in GATEWAY_CASES {
        let reply = fetch(address, &format!("/gateway/{code}"), accept, "req_gw").await;
        assert_eq!(reply.status, 401, "{accept:?}");
        assert_eq!(reply.content_type, media_type, "{accept:?}");
        assert_eq!(reply.vary.as_deref(), Some("accept"), "{accept:?}");
        assert_eq!(reply.request_id, "req_gw");
        if media_type == JSON {
            assert_eq!(
                reply.body,
                r#"{"meta":{"requestId":"req_gw"},"error":{"code":"err:unkey:authentication:missing","message":"The request has no Authorization header."}}"#,
                "{accept:?}"
            );
            assert_eq!(reply.policy, None);
        } else {
            assert!(reply.body.starts_with("<!doctype html>"), "{accept:?}");
            assert!(reply.body.contains("<title>401 Unauthorized</title>"));
            assert!(
                reply
                    .body
                    .contains("The request has no Authorization header.")
            );
            assert!(reply.body.contains("req_gw"));
            let policy = reply
                .policy
                .expect("the page has a content security policy");
            assert!(policy.contains("default-src 'none'"), "{policy}");
        }
    }
}

#[tokio::test]
async fn a_gateway_response_returned_from_a_handler_negotiates_too() {
    let address = serve(false).await;
    for &(accept, media_type) in GATEWAY_CASES {
        let reply = fetch(address, "/raw/gateway", accept, "req_ignored").await;
        assert_eq!(
            (reply.status, reply.content_type.as_str()),
            (503, media_type),
            "{accept:?}"
        );
        assert_eq!(reply.request_id, "req_raw");
    }
}

#[tokio::test]
async fn without_the_middleware_the_api_answers_problem_json_and_the_gateway_json() {
    let address = serve(true).await;
    for accept in [None, Some("application/json"), Some("text/html")] {
        let api = fetch(address, "/raw/api", accept, "req_1").await;
        assert_eq!(api.content_type, PROBLEM_JSON, "{accept:?}");
        assert_eq!(api.vary, None, "nothing was negotiated");
        let gateway = fetch(address, "/raw/gateway", accept, "req_1").await;
        assert_eq!(gateway.content_type, JSON, "{accept:?}");
        assert_eq!(gateway.vary, None);
        let body: GatewayResponse = serde_json::from_str(&gateway.body).unwrap();
        assert_eq!(
            body,
            GatewayResponse::new(codes::frontline::capacity::DEPLOYMENT_OFFLINE, "req_raw")
        );
    }
}

/// The codes both surfaces send, with the status each answers with: read from errors.yaml by
/// hand, so the test does not check the catalogue against itself.
const SHARED_CODES: &[(&str, u16, u16)] = &[
    ("err:unkey:application:invalid_input", 400, 400),
    ("err:unkey:authentication:malformed", 400, 401),
    ("err:unkey:authentication:missing", 400, 401),
    ("err:user:bad_request:client_closed_request", 499, 499),
    ("err:user:bad_request:request_body_too_large", 413, 413),
    ("err:user:bad_request:request_body_unreadable", 400, 400),
    ("err:user:bad_request:request_timeout", 408, 504),
];

#[tokio::test]
async fn each_surface_answers_the_shared_codes_with_its_own_status() {
    let address = serve(false).await;
    let shared: Vec<&str> = Code::ALL
        .iter()
        .filter(|code| code.api_status().is_some() && code.gateway_status().is_some())
        .map(|code| code.as_str())
        .collect();
    let listed: Vec<&str> = SHARED_CODES.iter().map(|&(urn, ..)| urn).collect();
    assert_eq!(shared, listed, "the catalogue's shared codes changed");

    for &(urn, api_status, gateway_status) in SHARED_CODES {
        let api = fetch(address, &format!("/api/{urn}"), Some(JSON), "req_s").await;
        assert_eq!(api.status, api_status, "{urn} on the API");
        let body: Value = serde_json::from_str(&api.body).unwrap();
        assert_eq!(body["error"]["status"], api_status, "{urn}");

        let gateway = fetch(address, &format!("/gateway/{urn}"), Some(JSON), "req_s").await;
        assert_eq!(gateway.status, gateway_status, "{urn} on the gateway");
        let body: Value = serde_json::from_str(&gateway.body).unwrap();
        assert_eq!(body["error"]["code"], urn);
        let code: Code = urn.parse().unwrap();
        let message = match code.gateway_message() {
            Some(message) => message.to_owned(),
            // The message comes from the error: its public detail, here its `Display` text.
            None => format!("<script>alert(1)</script> \"{urn}\" & 'it'"),
        };
        assert_eq!(body["error"]["message"], message.as_str(), "{urn}");

        let page = fetch(address, &format!("/gateway/{urn}"), None, "req_s").await;
        assert_eq!(
            (page.status, page.content_type.as_str()),
            (gateway_status, HTML)
        );
    }
}

#[tokio::test]
async fn a_code_the_gateway_never_sends_is_a_500_on_the_gateway() {
    let address = serve(false).await;
    let urn = "err:unkey:data:key_not_found";
    let reply = fetch(address, &format!("/gateway/{urn}"), Some("*/*"), "req_x").await;
    assert_eq!(reply.status, 500);
    let body: Value = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(
        body,
        json!({"meta": {"requestId": "req_x"}, "error": {"code": urn, "message": unkey_errors::UNSENT_MESSAGE}})
    );
    let page = fetch(
        address,
        &format!("/gateway/{urn}"),
        Some("text/html"),
        "req_x",
    )
    .await;
    assert!(
        page.body
            .contains("<title>500 Internal Server Error</title>")
    );
}

#[tokio::test]
async fn an_unknown_route_on_the_gateway_is_its_not_found_answer() {
    let address = serve(false).await;
    let reply = fetch(address, "/no/such/route", Some(JSON), "req_nf").await;
    assert_eq!((reply.status, reply.content_type.as_str()), (404, JSON));
    assert_eq!(
        reply.body,
        r#"{"meta":{"requestId":"req_nf"},"error":{"code":"err:frontline:routing:config_not_found","message":"No app is set up for this hostname."}}"#
    );
    let page = fetch(address, "/no/such/route", Some("text/html"), "req_nf").await;
    assert_eq!((page.status, page.content_type.as_str()), (404, HTML));
    assert!(page.body.contains("No app is set up for this hostname."));
}

/// Unkey's published error shapes: every body has `meta.requestId` and an `error` with
/// `detail`, `status`, `title` and `type`, nothing else; the bad-request family (400, and 408,
/// 413 and 499, which use the same body) adds `errors`, each `{location, message, fix?}`.
fn published_error_schema() -> Value {
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$defs": {
            "Meta": {
                "type": "object",
                "properties": {"requestId": {"type": "string"}},
                "required": ["requestId"],
                "additionalProperties": false
            },
            "BaseError": {
                "type": "object",
                "properties": {
                    "detail": {"type": "string"},
                    "status": {"type": "integer"},
                    "title": {"type": "string"},
                    "type": {"type": "string"}
                },
                "required": ["detail", "status", "title", "type"],
                "additionalProperties": false
            },
            "ValidationError": {
                "type": "object",
                "properties": {
                    "location": {"type": "string"},
                    "message": {"type": "string"},
                    "fix": {"type": "string"}
                },
                "required": ["location", "message"],
                "additionalProperties": false
            },
            "BadRequestError": {
                "type": "object",
                "properties": {
                    "detail": {"type": "string"},
                    "status": {"type": "integer"},
                    "title": {"type": "string"},
                    "type": {"type": "string"},
                    "errors": {"type": "array", "items": {"$ref": "#/$defs/ValidationError"}}
                },
                "required": ["detail", "status", "title", "type", "errors"],
                "additionalProperties": false
            }
        },
        "type": "object",
        "properties": {"meta": {"$ref": "#/$defs/Meta"}, "error": {"type": "object"}},
        "required": ["meta", "error"],
        "additionalProperties": false,
        "if": {
            "properties": {"error": {"properties": {"status": {"enum": [400, 408, 413, 499]}}}}
        },
        "then": {"properties": {"error": {"$ref": "#/$defs/BadRequestError"}}},
        "else": {"properties": {"error": {"$ref": "#/$defs/BaseError"}}}
    })
}

#[tokio::test]
async fn every_api_body_matches_the_published_error_shapes() {
    let validator = jsonschema::validator_for(&published_error_schema()).unwrap();
    // The schema must be able to fail: a body without `errors` where it is required, an extra
    // member, a missing `meta`.
    for wrong in [
        json!({"meta": {"requestId": "r"}, "error": {"detail": "d", "status": 400, "title": "t", "type": "u"}}),
        json!({"meta": {"requestId": "r"}, "error": {"detail": "d", "status": 404, "title": "t", "type": "u", "code": "x"}}),
        json!({"error": {"detail": "d", "status": 404, "title": "t", "type": "u"}}),
    ] {
        assert!(!validator.is_valid(&wrong), "{wrong}");
    }

    let address = serve(false).await;
    let mut checked = 0;
    for code in Code::ALL.iter().filter(|code| code.api_status().is_some()) {
        for accept in [Some(JSON), Some(PROBLEM_JSON)] {
            let reply = fetch(address, &format!("/api/{code}"), accept, "req_schema").await;
            assert_eq!(Some(reply.status), code.api_status(), "{code}");
            let body: Value = serde_json::from_str(&reply.body).unwrap();
            let problems: Vec<String> = validator
                .iter_errors(&body)
                .map(|error| format!("{} at {}", error, error.instance_path()))
                .collect();
            assert!(problems.is_empty(), "{code}: {problems:?} in {body}");
        }
        checked += 1;
    }
    assert!(checked >= 50, "only {checked} API codes");
}

#[tokio::test]
async fn the_error_page_escapes_what_the_client_and_the_error_supplied() {
    let address = serve(false).await;
    // A request id is any visible ASCII, so it may hold markup; so may a message that comes
    // from the error.
    let id = r#"req_<img/src=x/onerror="alert(2)">'"#;
    let urn = "err:frontline:client:openapi_validation_failed";
    let page = fetch(address, &format!("/gateway/{urn}"), Some("text/html"), id).await;
    assert_eq!((page.status, page.content_type.as_str()), (400, HTML));
    let html = &page.body;
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(html.contains(
        "&quot;err:frontline:client:openapi_validation_failed&quot; &amp; &#x27;it&#x27;"
    ));
    assert!(html.contains("req_&lt;img/src=x/onerror=&quot;alert(2)&quot;&gt;&#x27;"));
    assert!(html.contains("<title>400 Bad Request</title>"));
    assert!(html.contains(
        r#"<a href="https://unkey.com/docs/errors/frontline/client/openapi_validation_failed">"#
    ));
    assert!(html.contains("user-select:all"));
    assert!(html.contains("@media (prefers-color-scheme: dark)"));
    // Self-contained: the docs link is the only URL, and nothing runs.
    assert_eq!(
        html.matches("https://").count(),
        2,
        "the link's href and text only"
    );
    assert!(!html.contains("<link") && !html.contains("src=\"") && !html.contains("@import"));
    // The same id comes back in the header as sent (it is a usable id), never unescaped in
    // the page.
    assert_eq!(page.request_id, id);

    let json = fetch(address, &format!("/gateway/{urn}"), Some(JSON), id).await;
    let body: GatewayResponse = serde_json::from_str(&json.body).unwrap();
    assert_eq!(body.meta.request_id, id);
    assert_eq!(
        body.error.message,
        format!("<script>alert(1)</script> \"{urn}\" & 'it'"),
        "JSON carries the message as is; escaping is the page's business"
    );
}
