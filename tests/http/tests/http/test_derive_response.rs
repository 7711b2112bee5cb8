//! A derived type shaping its response, with every feature on (`axum`, `utoipa`, `tracing`):
//! headers from the error (`Retry-After` on a 429, `WWW-Authenticate` on a 401) arriving
//! through `ErrorLayer` over real HTTP, hand-written `IntoResponse` and `IntoResponses` impls
//! beside the derive (`skip`), and a generic type with defaults.
//!
//! That this file compiles is itself a test: the derive's own impls must not conflict with the
//! hand-written ones, nor paste a type's defaults into its impls, with every feature on.

use crate::captured_logs;

use std::collections::BTreeMap;
use std::net::SocketAddr;

use axum::Router;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::Value;
use unkey_errors::axum::ErrorLayer;
use unkey_errors::{Code, UnkeyError};
use utoipa::IntoResponses;
use utoipa::openapi::RefOr;
use utoipa::openapi::response::{Response as OpenApiResponse, ResponseBuilder};

#[derive(Debug, thiserror::Error, UnkeyError)]
enum CallError {
    #[error("workspace over its limit for {seconds}s")]
    #[unkey(
        code = "err:user:too_many_requests:workspace_rate_limited",
        header = "retry-after: {seconds}"
    )]
    Limited { seconds: u64 },
    // Two challenges: two header lines of one name, in order.
    #[error("no such root key")]
    #[unkey(
        code = "err:unkey:authentication:key_not_found",
        header = "www-authenticate: Bearer realm=\"unkey\"",
        header = "WWW-Authenticate: Basic realm=\"{0}\""
    )]
    UnknownKey(String),
    #[error("no such key")]
    #[unkey(code = "err:unkey:data:key_not_found")]
    NotFound,
}

/// The gateway's errors take headers too.
#[derive(Debug, thiserror::Error, UnkeyError)]
#[unkey(surface = "gateway")]
enum EdgeError {
    #[error("slow down")]
    #[unkey(
        code = "err:frontline:client:rate_limited",
        header = "retry-after: {0}"
    )]
    Limited(u32),
}

/// Writes both framework impls itself, which the derive then leaves out.
#[derive(Debug, thiserror::Error, UnkeyError)]
#[unkey(skip(IntoResponse, IntoResponses))]
enum HandWritten {
    #[error("no such key")]
    #[unkey(code = "err:unkey:data:key_not_found")]
    NotFound,
}

impl IntoResponse for HandWritten {
    fn into_response(self) -> Response {
        let mut response = unkey_errors::axum::into_response(&self);
        response
            .headers_mut()
            .insert("x-written-by", "hand".parse().unwrap());
        response
    }
}

impl IntoResponses for HandWritten {
    fn responses() -> BTreeMap<String, RefOr<OpenApiResponse>> {
        let response = ResponseBuilder::new()
            .description("written by hand")
            .build();
        BTreeMap::from([("404".to_owned(), RefOr::T(response))])
    }
}

/// Defaults on the type only: the impls are `impl<T, const N: usize>`.
#[derive(Debug, thiserror::Error, UnkeyError)]
enum StoreError<T: std::fmt::Display = String, const N: usize = 3> {
    #[error("no such key {0}")]
    #[unkey(
        code = "err:unkey:data:key_not_found",
        detail = "Key {0} was not found."
    )]
    NotFound(T),
}

/// The headers of a reply, each name with its values in order, and its body.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Value,
}

impl Reply {
    fn all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

async fn serve(app: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    address
}

async fn fetch(address: SocketAddr, path: &str, accept: Option<&str>) -> Reply {
    let url = format!("http://{address}{path}");
    let accept = accept.map(str::to_owned);
    tokio::task::spawn_blocking(move || {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(std::time::Duration::from_secs(10)))
            .build()
            .into();
        let mut request = agent.get(&url);
        if let Some(accept) = &accept {
            request = request.header("accept", accept);
        }
        let mut response = request.call().unwrap();
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_str().unwrap().to_owned()))
            .collect();
        let status = response.status().as_u16();
        let body = response.body_mut().read_to_string().unwrap();
        Reply {
            status,
            headers,
            body: serde_json::from_str(&body).unwrap(),
        }
    })
    .await
    .unwrap()
}

fn routes() -> Router {
    Router::new()
        .route(
            "/limited",
            get(|| async { CallError::Limited { seconds: 30 } }),
        )
        .route(
            "/unknown-key",
            get(|| async { CallError::UnknownKey("keys".into()) }),
        )
        .route("/not-found", get(|| async { CallError::NotFound }))
        .route("/edge-limited", get(|| async { EdgeError::Limited(5) }))
        .route("/hand-written", get(|| async { HandWritten::NotFound }))
        .route(
            "/store",
            get(|| async { StoreError::<String>::NotFound("key_1".into()) }),
        )
}

#[tokio::test]
async fn an_errors_headers_arrive_through_the_error_layer_beside_the_negotiated_envelope() {
    let address = serve(routes().layer(ErrorLayer::<Code>::new())).await;

    let reply = fetch(address, "/limited", Some("application/json")).await;
    assert_eq!(reply.status, 429);
    assert_eq!(reply.all("retry-after"), ["30"]);
    // The layer still finishes the response: negotiated media type, request id, envelope.
    assert_eq!(reply.all("content-type"), ["application/json"]);
    assert_eq!(reply.all("vary"), ["accept"]);
    let id = reply.all("x-request-id")[0];
    assert_eq!(reply.body["meta"]["requestId"], id);
    assert_eq!(
        reply.body["error"]["type"],
        "https://unkey.com/docs/errors/user/too_many_requests/workspace_rate_limited"
    );

    let reply = fetch(address, "/unknown-key", None).await;
    assert_eq!(reply.status, 401);
    assert_eq!(
        reply.all("www-authenticate"),
        [r#"Bearer realm="unkey""#, r#"Basic realm="keys""#]
    );
    assert_eq!(reply.body["error"]["status"], 401);

    // A variant without headers adds none.
    let reply = fetch(address, "/not-found", None).await;
    assert_eq!(reply.status, 404);
    assert!(reply.all("retry-after").is_empty() && reply.all("www-authenticate").is_empty());

    // The gateway's answer carries them too.
    let reply = fetch(address, "/edge-limited", Some("application/json")).await;
    assert_eq!(reply.status, 429);
    assert_eq!(reply.all("retry-after"), ["5"]);
    assert_eq!(
        reply.body["error"]["code"],
        "err:frontline:client:rate_limited"
    );
}

/// An inner layer's `Vary` (here a CORS layer's) is kept: the layer adds `accept` to the
/// list rather than replacing it, and adds nothing when the list already covers it.
#[tokio::test]
async fn the_layer_adds_accept_to_the_vary_an_inner_layer_set() {
    fn with_vary(mut response: Response, lines: &[&'static str]) -> Response {
        for line in lines {
            let line = http::HeaderValue::from_static(line);
            response.headers_mut().append("vary", line);
        }
        response
    }
    async fn cors(response: Response) -> Response {
        with_vary(response, &["origin, access-control-request-method"])
    }
    async fn listed(response: Response) -> Response {
        with_vary(response, &["origin", "Accept"])
    }
    async fn everything(response: Response) -> Response {
        with_vary(response, &["*"])
    }
    use axum::middleware::map_response;
    let app = Router::new()
        .route(
            "/cors",
            get(|| async { CallError::NotFound }).layer(map_response(cors)),
        )
        .route(
            "/listed",
            get(|| async { CallError::NotFound }).layer(map_response(listed)),
        )
        .route(
            "/everything",
            get(|| async { CallError::NotFound }).layer(map_response(everything)),
        )
        .layer(ErrorLayer::<Code>::new());
    let address = serve(app).await;
    for (path, expected) in [
        (
            "/cors",
            &["origin, access-control-request-method", "accept"][..],
        ),
        ("/listed", &["origin", "Accept"]),
        ("/everything", &["*"]),
    ] {
        let reply = fetch(address, path, Some("application/json")).await;
        assert_eq!(reply.status, 404, "{path}");
        assert_eq!(reply.all("vary"), expected, "{path}");
    }
}

#[tokio::test]
async fn without_the_layer_the_headers_are_on_the_response_still() {
    let address = serve(routes()).await;
    let reply = fetch(address, "/limited", None).await;
    assert_eq!(reply.status, 429);
    assert_eq!(reply.all("retry-after"), ["30"]);
    assert_eq!(reply.all("content-type"), ["application/problem+json"]);
}

#[tokio::test]
async fn a_hand_written_into_response_answers_in_place_of_the_derived_one() {
    let address = serve(routes().layer(ErrorLayer::<Code>::new())).await;
    let reply = fetch(address, "/hand-written", None).await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.all("x-written-by"), ["hand"]);
    // Built on the library's response, so the layer finishes it like a derived one.
    assert_eq!(
        reply.body["meta"]["requestId"],
        reply.all("x-request-id")[0]
    );
    assert_eq!(
        reply.body["error"]["type"],
        "https://unkey.com/docs/errors/unkey/data/key_not_found"
    );
    // And its hand-written `IntoResponses` is the one utoipa sees.
    let responses = serde_json::to_value(HandWritten::responses()).unwrap();
    assert_eq!(responses["404"]["description"], "written by hand");
}

#[tokio::test]
async fn a_generic_type_with_defaults_derives_every_impl() {
    let address = serve(routes().layer(ErrorLayer::<Code>::new())).await;
    let reply = fetch(address, "/store", None).await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.body["error"]["detail"], "Key key_1 was not found.");
    let responses = serde_json::to_value(StoreError::<u8, 1>::responses()).unwrap();
    let examples = &responses["404"]["content"]["application/problem+json"]["examples"];
    assert!(
        examples.get("err:unkey:data:key_not_found").is_some(),
        "{responses}"
    );
}

#[test]
fn headers_are_there_for_services_on_other_frameworks_too() {
    assert_eq!(
        CallError::Limited { seconds: 7 }.headers(),
        [("retry-after", "7".into())]
    );
    assert_eq!(
        CallError::UnknownKey("admin".into()).headers(),
        [
            ("www-authenticate", r#"Bearer realm="unkey""#.into()),
            ("www-authenticate", r#"Basic realm="admin""#.into()),
        ]
    );
    assert!(CallError::NotFound.headers().is_empty());
}

/// A field whose text would break the header line (a line break): the header is left out and
/// logged, the rest of the response is sent.
#[derive(Debug, thiserror::Error, UnkeyError)]
enum Reflected {
    #[error("no such key")]
    #[unkey(
        code = "err:unkey:authentication:key_not_found",
        header = "www-authenticate: Bearer realm=\"{0}\""
    )]
    UnknownKey(String),
}

#[tokio::test]
async fn a_header_value_http_cannot_carry_is_left_out_and_never_splits_the_response() {
    captured_logs::capture();
    let app = Router::new()
        .route(
            "/",
            get(|| async { Reflected::UnknownKey("x\r\nset-cookie: session=stolen".into()) }),
        )
        .layer(ErrorLayer::<Code>::new());
    let address = serve(app).await;
    let reply = fetch(address, "/", None).await;
    assert_eq!(reply.status, 401);
    assert!(reply.all("www-authenticate").is_empty());
    assert!(reply.all("set-cookie").is_empty());
    assert_eq!(reply.body["error"]["status"], 401);
    let logged = captured_logs::lines_with("left out an error's response header");
    assert_eq!(logged.len(), 1, "{logged:?}");
    assert!(logged[0].starts_with("ERROR"), "{logged:?}");
    assert!(
        logged[0].contains(r#"header="www-authenticate" problem="value""#),
        "{logged:?}"
    );
    assert!(
        !logged[0].contains("stolen"),
        "the value itself is not logged: {logged:?}"
    );
}
