//! Derived errors served by a real axum server on 127.0.0.1, fetched by a real HTTP client.

use std::net::SocketAddr;

use axum::Router;
use axum::routing::get;
use unkey_errors::axum::RequestId;
use unkey_errors::{ErrorResponse, UnkeyError, ValidationError, codes};

#[derive(Debug, thiserror::Error, UnkeyError)]
enum KeyError {
    #[error("key {0} does not exist")]
    #[unkey(code = "err:unkey:data:key_not_found")]
    NotFound(String),
    #[error("database down: password=hunter2")]
    #[unkey(code = "err:unkey:application:unexpected_error")]
    Database(#[source] std::io::Error),
    #[error("invalid request")]
    #[unkey(code = "err:unkey:application:invalid_input")]
    Invalid {
        #[unkey(errors)]
        problems: Vec<ValidationError>,
    },
}

async fn missing_key() -> Result<String, KeyError> {
    Err(KeyError::NotFound("key_123".into()))
}

async fn broken() -> Result<String, KeyError> {
    Err(KeyError::Database(std::io::Error::other(
        "socket at 10.1.2.3 closed",
    )))
}

async fn invalid() -> Result<String, KeyError> {
    Err(KeyError::Invalid {
        problems: vec![ValidationError::new("body.keyId", "must not be empty")],
    })
}

async fn echo_id(id: RequestId) -> String {
    id.to_string()
}

async fn raw_envelope() -> ErrorResponse {
    ErrorResponse::new(
        codes::unkey::authorization::FORBIDDEN,
        "req_fixed",
        "This operation is not allowed",
    )
}

/// Serves the routes on an ephemeral loopback port; the server ends with the test's runtime.
async fn serve(with_request_ids: bool) -> SocketAddr {
    let mut app = Router::new()
        .route("/v2/keys.getKey", get(missing_key))
        .route("/broken", get(broken))
        .route("/invalid", get(invalid))
        .route("/id", get(echo_id))
        .route("/raw", get(raw_envelope));
    if with_request_ids {
        app = app.layer(unkey_errors::axum::ErrorLayer::<unkey_errors::Code>::new());
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    address
}

struct Reply {
    status: u16,
    content_type: String,
    request_id: Option<String>,
    body: String,
}

/// A real HTTP/1.1 request over a socket, from a blocking client on another thread.
async fn fetch(address: SocketAddr, path: &str, request_id: Option<&str>) -> Reply {
    let url = format!("http://{address}{path}");
    let request_id = request_id.map(str::to_owned);
    tokio::task::spawn_blocking(move || {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(std::time::Duration::from_secs(10)))
            .build()
            .into();
        let mut request = agent.get(&url);
        if let Some(id) = &request_id {
            request = request.header("x-request-id", id);
        }
        let mut response = request.call().unwrap();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .map(|v| v.to_str().unwrap().to_owned())
        };
        let (content_type, request_id) = (
            header("content-type").unwrap_or_default(),
            header("x-request-id"),
        );
        Reply {
            status: response.status().as_u16(),
            content_type,
            request_id,
            body: response.body_mut().read_to_string().unwrap(),
        }
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn a_derived_error_answers_with_its_status_problem_json_and_envelope() {
    let address = serve(true).await;
    let reply = fetch(address, "/v2/keys.getKey", Some("req_from_client")).await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.content_type, "application/problem+json");
    assert_eq!(reply.request_id.as_deref(), Some("req_from_client"));
    let body: ErrorResponse = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(
        body,
        ErrorResponse::new(
            codes::unkey::data::KEY_NOT_FOUND,
            "req_from_client",
            "key key_123 does not exist"
        )
    );
}

#[tokio::test]
async fn without_a_client_id_one_is_minted_and_body_and_header_agree() {
    let address = serve(true).await;
    let first = fetch(address, "/v2/keys.getKey", None).await;
    let second = fetch(address, "/v2/keys.getKey", None).await;
    let id = first.request_id.unwrap();
    assert!(id.starts_with("req_") && id.len() == 20, "{id}");
    let body: serde_json::Value = serde_json::from_str(&first.body).unwrap();
    assert_eq!(body["meta"]["requestId"], id.as_str());
    assert_ne!(Some(id), second.request_id, "each request gets its own id");
}

#[tokio::test]
async fn an_unusable_client_id_is_replaced() {
    let address = serve(true).await;
    let reply = fetch(address, "/id", Some(&"x".repeat(500))).await;
    assert_eq!(reply.status, 200);
    assert!(reply.body.starts_with("req_"), "{}", reply.body);
    assert_eq!(reply.request_id.as_deref(), Some(reply.body.as_str()));
}

#[tokio::test]
async fn a_server_error_hides_its_message_in_body_and_headers() {
    let address = serve(true).await;
    let reply = fetch(address, "/broken", None).await;
    assert_eq!(reply.status, 500);
    assert!(
        !reply.body.contains("hunter2") && !reply.body.contains("10.1.2.3"),
        "{}",
        reply.body
    );
    let body: ErrorResponse = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(
        body.error.detail,
        codes::unkey::application::UNEXPECTED_ERROR.description()
    );
    assert_eq!(body.error.title, "Internal Server Error");
}

#[tokio::test]
async fn validation_errors_are_listed_in_the_body() {
    let address = serve(true).await;
    let reply = fetch(address, "/invalid", None).await;
    assert_eq!(reply.status, 400);
    let body: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(
        body["error"]["errors"],
        serde_json::json!([{"location": "body.keyId", "message": "must not be empty"}])
    );
}

#[tokio::test]
async fn an_error_response_is_itself_a_response() {
    let address = serve(false).await;
    let reply = fetch(address, "/raw", None).await;
    assert_eq!(reply.status, 403);
    assert_eq!(reply.content_type, "application/problem+json");
    assert_eq!(reply.request_id.as_deref(), Some("req_fixed"));
    let expected = serde_json::to_string(&ErrorResponse::new(
        codes::unkey::authorization::FORBIDDEN,
        "req_fixed",
        "This operation is not allowed",
    ))
    .unwrap();
    assert_eq!(reply.body, expected);
}

#[tokio::test]
async fn without_the_middleware_errors_still_carry_a_fresh_id() {
    let address = serve(false).await;
    let reply = fetch(address, "/v2/keys.getKey", Some("req_ignored")).await;
    assert_eq!(reply.status, 404);
    let body: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    let id = body["meta"]["requestId"].as_str().unwrap();
    assert!(id.starts_with("req_") && id != "req_ignored", "{id}");
}

/// An error whose code is chosen at runtime, with a secret in its message and in its source.
#[derive(Debug)]
struct Leaky(unkey_errors::Code, std::io::Error);

impl std::fmt::Display for Leaky {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "db password=hunter2 at 10.9.8.7")
    }
}

impl std::error::Error for Leaky {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.1)
    }
}

impl UnkeyError for Leaky {
    type Code = unkey_errors::Code;

    fn code(&self) -> unkey_errors::Code {
        self.0
    }
}

#[tokio::test]
async fn no_server_error_code_leaks_display_or_source_into_body_or_headers() {
    let server_codes: Vec<unkey_errors::Code> = unkey_errors::Code::ALL
        .iter()
        .copied()
        .filter(|c| c.status() >= 500)
        .collect();
    assert!(server_codes.len() >= 10);
    for code in server_codes {
        let error = Leaky(
            code,
            std::io::Error::other("source says token=sk_live_SECRET"),
        );
        let response = unkey_errors::axum::into_response(&error);
        assert_eq!(response.status().as_u16(), code.status());
        for (name, value) in response.headers() {
            let value = value.to_str().unwrap_or_default();
            for secret in ["hunter2", "10.9.8.7", "SECRET"] {
                assert!(
                    !value.contains(secret),
                    "{code}: header {name} leaks {secret}"
                );
            }
        }
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        let body = String::from_utf8(body.to_vec()).unwrap();
        for secret in ["hunter2", "10.9.8.7", "SECRET", "source says"] {
            assert!(
                !body.contains(secret),
                "{code}: body leaks {secret}: {body}"
            );
        }
        assert!(
            body.contains(&code.as_str()[4..].replace(':', "/")),
            "{body}"
        );
    }
}

#[test]
fn minted_ids_are_unique_random_letters_and_digits_after_req() {
    const COUNT: usize = 10_000;
    let ids: Vec<String> = (0..COUNT).map(|_| RequestId::mint().to_string()).collect();
    let unique: std::collections::HashSet<&str> = ids.iter().map(String::as_str).collect();
    assert_eq!(unique.len(), COUNT, "a minted id repeats");
    for id in &ids {
        assert_eq!(id.len(), 20, "{id}");
        assert!(id.starts_with("req_"), "{id}");
        assert!(id[4..].bytes().all(|b| b.is_ascii_alphanumeric()), "{id}");
    }
    // No fixed part beyond `req_`: every position takes many values, the last as much as the
    // first (uniform over 62 characters, 10,000 draws each see nearly all of them).
    for position in 4..20 {
        let seen: std::collections::HashSet<u8> =
            ids.iter().map(|id| id.as_bytes()[position]).collect();
        assert!(
            seen.len() >= 50,
            "position {position}: only {} characters",
            seen.len()
        );
    }
    // All three kinds of character occur, so the alphabet is `[0-9A-Za-z]`.
    let all: String = ids.concat();
    assert!(all.bytes().any(|b| b.is_ascii_uppercase()));
    assert!(all.bytes().any(|b| b.is_ascii_lowercase()));
    assert!(all[4..].bytes().any(|b| b.is_ascii_digit()));
}
