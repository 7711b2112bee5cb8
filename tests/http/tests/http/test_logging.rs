//! What error responses log, read back from a capturing `tracing` subscriber while a real axum
//! server on 127.0.0.1 answers a real HTTP client: a server error is one ERROR event with its
//! request id, code, status and every cause, a client error a DEBUG one, and neither reaches
//! the response.

use crate::captured_logs;

use std::fmt;
use std::net::SocketAddr;

use axum::Router;
use axum::routing::get;
use unkey_errors::UnkeyError;

/// The innermost cause: what a database driver would report.
#[derive(Debug, thiserror::Error)]
#[error("query failed on db-7")]
struct QueryFailed(#[source] std::io::Error);

#[derive(Debug, thiserror::Error, UnkeyError)]
enum KeyError {
    #[error("the key store failed")]
    #[unkey(code = "err:unkey:application:unexpected_error")]
    Store(#[source] QueryFailed),
    #[error("no key matches the hash")]
    #[unkey(code = "err:unkey:authentication:key_not_found")]
    NotFound,
}

/// A derived error that is not a `std::error::Error`: logged with its `Display` text alone.
#[derive(Debug, UnkeyError)]
#[unkey(code = "err:unkey:application:service_unavailable")]
struct Overloaded;

impl fmt::Display for Overloaded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("all 12 workers are busy")
    }
}

/// A generic derived error: its `IntoResponse` compiles without asking for `Error` bounds.
#[derive(Debug, thiserror::Error, UnkeyError)]
#[error("upstream said {0}")]
#[unkey(code = "err:unkey:application:unexpected_error")]
struct Upstream<T: fmt::Debug + fmt::Display>(T);

async fn store() -> Result<String, KeyError> {
    Err(KeyError::Store(QueryFailed(std::io::Error::new(
        std::io::ErrorKind::ConnectionReset,
        "connection reset by 10.0.0.7",
    ))))
}

async fn not_found() -> Result<String, KeyError> {
    Err(KeyError::NotFound)
}

async fn overloaded() -> Result<String, Overloaded> {
    Err(Overloaded)
}

async fn upstream() -> Result<String, Upstream<u16>> {
    Err(Upstream(502))
}

async fn serve() -> SocketAddr {
    captured_logs::capture();
    let app = Router::new()
        .route("/store", get(store))
        .route("/not-found", get(not_found))
        .route("/overloaded", get(overloaded))
        .route("/upstream", get(upstream))
        .layer(unkey_errors::axum::ErrorLayer::<unkey_errors::Code>::new());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    address
}

/// A GET with `request_id` over a socket: the status, every header as one text, and the body.
async fn fetch(address: SocketAddr, path: &str, request_id: &str) -> (u16, String, String) {
    let url = format!("http://{address}{path}");
    let request_id = request_id.to_owned();
    tokio::task::spawn_blocking(move || {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let mut response = agent
            .get(&url)
            .header("x-request-id", &request_id)
            .call()
            .unwrap();
        let headers = format!("{:?}", response.headers());
        let body = response.body_mut().read_to_string().unwrap();
        (response.status().as_u16(), headers, body)
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn a_server_error_is_logged_once_at_error_with_its_id_code_status_and_causes() {
    let address = serve().await;
    let (status, headers, body) = fetch(address, "/store", "req_log_store").await;
    assert_eq!(status, 500);

    let lines = captured_logs::lines_with("req_log_store");
    assert_eq!(lines.len(), 1, "{lines:#?}");
    let line = &lines[0];
    assert!(line.trim_start().starts_with("ERROR"), "{line}");
    for fact in [
        "request_id=req_log_store",
        // OpenTelemetry's attribute for the error's type.
        "error.type=err:unkey:application:unexpected_error",
        "status=500",
        // The error's own text first, then each cause in order.
        "error=the key store failed: query failed on db-7: connection reset by 10.0.0.7",
    ] {
        assert!(line.contains(fact), "{fact:?} missing from {line}");
    }
    for secret in ["key store failed", "db-7", "10.0.0.7"] {
        assert!(!body.contains(secret), "{secret:?} in the body {body}");
        assert!(
            !headers.contains(secret),
            "{secret:?} in the headers {headers}"
        );
    }
}

#[tokio::test]
async fn a_client_error_is_logged_at_debug_only() {
    let address = serve().await;
    let (status, _, body) = fetch(address, "/not-found", "req_log_not_found").await;
    assert_eq!(status, 401);
    assert!(body.contains("no key matches the hash"), "{body}");

    let lines = captured_logs::lines_with("req_log_not_found");
    assert_eq!(lines.len(), 1, "{lines:#?}");
    let line = &lines[0];
    assert!(line.trim_start().starts_with("DEBUG"), "{line}");
    for fact in [
        "error.type=err:unkey:authentication:key_not_found",
        "status=401",
        "error=no key matches the hash",
    ] {
        assert!(line.contains(fact), "{fact:?} missing from {line}");
    }
}

#[tokio::test]
async fn errors_without_an_error_impl_in_reach_are_logged_with_their_text() {
    let address = serve().await;
    let (status, _, body) = fetch(address, "/overloaded", "req_log_overloaded").await;
    assert_eq!(status, 500);
    assert!(!body.contains("12 workers"), "{body}");
    let lines = captured_logs::lines_with("req_log_overloaded");
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(lines[0].trim_start().starts_with("ERROR"), "{}", lines[0]);
    assert!(
        lines[0].contains("error=all 12 workers are busy"),
        "{}",
        lines[0]
    );

    let (status, _, _) = fetch(address, "/upstream", "req_log_upstream").await;
    assert_eq!(status, 500);
    let lines = captured_logs::lines_with("req_log_upstream");
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(lines[0].contains("error=upstream said 502"), "{}", lines[0]);
}
