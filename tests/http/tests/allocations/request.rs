//! How many allocations the axum error path makes: `to_response` with its serialization, and a
//! whole request answered by a derived error through `ErrorLayer` against one answered by a
//! hand-written `(StatusCode, Json(..))` with the same body.

use std::cell::Cell;

use axum::Json;
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http_body_util::BodyExt as _;
use serde::Serialize;
use tower::ServiceExt as _;
use unkey_errors::UnkeyError;
use unkey_errors::axum::RequestId;

use crate::{ALLOCATIONS, allocations};

/// Unkey's busiest denials, and a server error with a source, as a service derives them.
#[derive(Debug, thiserror::Error, UnkeyError)]
enum Denied {
    #[error("The key was not found.")]
    #[unkey(code = "err:unkey:authentication:key_not_found")]
    KeyNotFound,
    #[error("The workspace is rate limited.")]
    #[unkey(code = "err:user:too_many_requests:workspace_rate_limited")]
    RateLimited,
    #[error("the key store failed")]
    #[unkey(code = "err:unkey:application:unexpected_error")]
    Store(#[source] std::io::Error),
}

/// A denial the gateway sends, with the gateway's own status and message.
#[derive(Debug, thiserror::Error, UnkeyError)]
#[unkey(surface = "gateway")]
enum EdgeDenied {
    #[error("no Authorization header")]
    #[unkey(code = "err:unkey:authentication:missing")]
    Missing,
}

/// The gateway's JSON body written by hand.
#[derive(Serialize)]
struct HandGatewayBody<'a> {
    meta: HandMeta<'a>,
    error: HandGatewayError<'a>,
}

#[derive(Serialize)]
struct HandGatewayError<'a> {
    code: &'a str,
    message: &'a str,
}

/// The envelope written by hand, as a service without this crate would send it.
#[derive(Serialize)]
struct HandBody<'a> {
    meta: HandMeta<'a>,
    error: HandError<'a>,
}

#[derive(Serialize)]
struct HandMeta<'a> {
    #[serde(rename = "requestId")]
    request_id: &'a str,
}

#[derive(Serialize)]
struct HandError<'a> {
    detail: &'a str,
    status: u16,
    title: &'a str,
    #[serde(rename = "type")]
    type_url: &'a str,
}

/// The hand-written answer for `error`: its status and the same JSON body, with no library.
fn by_hand(error: &Denied, id: &RequestId) -> Response {
    let code = error.code();
    let detail = error.detail();
    let body = HandBody {
        meta: HandMeta {
            request_id: id.as_str(),
        },
        error: HandError {
            detail: &detail,
            status: code.status(),
            title: code.title(),
            type_url: code.docs_url(),
        },
    };
    (StatusCode::from_u16(code.status()).unwrap(), Json(body)).into_response()
}

fn denial(name: &str) -> Denied {
    match name {
        "401" => Denied::KeyNotFound,
        "429" => Denied::RateLimited,
        _ => Denied::Store(std::io::Error::other("connection reset")),
    }
}

/// Derived and hand-written answers behind the service's [`ErrorLayer`], as a service has them.
///
/// [`ErrorLayer`]: unkey_errors::axum::ErrorLayer
fn app() -> Router {
    Router::new()
        .route(
            "/derived/{name}",
            get(
                |axum::extract::Path(name): axum::extract::Path<String>| async move {
                    denial(&name).into_response()
                },
            ),
        )
        .route(
            "/hand/{name}",
            get(
                |axum::extract::Path(name): axum::extract::Path<String>, id: RequestId| async move {
                    by_hand(&denial(&name), &id)
                },
            ),
        )
        .route(
            "/derived/gateway",
            get(|| async { EdgeDenied::Missing.into_response() }),
        )
        .route(
            "/hand/gateway",
            get(|id: RequestId| async move {
                let code = EdgeDenied::Missing.code();
                let body = HandGatewayBody {
                    meta: HandMeta {
                        request_id: id.as_str(),
                    },
                    error: HandGatewayError {
                        code: code.as_str(),
                        message: code.gateway_message().unwrap(),
                    },
                };
                (StatusCode::UNAUTHORIZED, Json(body)).into_response()
            }),
        )
        .layer(unkey_errors::axum::ErrorLayer::<unkey_errors::Code>::new())
}

/// The status of the answer to `path`, and the allocations the whole request made: routing,
/// the layer on the way in and out, the handler and its answer, and reading the answer's body
/// (so that no work is left for after the count). The request is built outside the count; the
/// runtime runs everything on this thread.
async fn made(path: &str) -> (StatusCode, usize) {
    let app = app();
    let request = Request::get(path)
        .header("x-request-id", "req_from_the_client")
        // What a program asks the gateway for (a browser gets the HTML page); the API sends
        // the same JSON either way.
        .header("accept", "application/json")
        .body(Body::empty())
        .unwrap();
    let before = ALLOCATIONS.with(Cell::get);
    let response = app.oneshot(request).await.unwrap();
    let status = response.status();
    let mut body = response.into_body();
    let mut read = 0;
    while let Some(frame) = body.frame().await {
        read += frame.unwrap().data_ref().map_or(0, |data| data.len());
    }
    let made = ALLOCATIONS.with(Cell::get) - before;
    assert!(read > 0, "{path}: an empty body");
    (status, made)
}

#[tokio::test(flavor = "current_thread")]
async fn a_derived_errors_request_allocates_no_more_than_a_hand_written_one() {
    // The derived error's response carries its report to the layer in the response's
    // extensions, shared with the body that renders it when no layer does (so that an error
    // built in a spawned task or another middleware is still finished for its request). That
    // costs the extension's map, table and entry, and the shared report; the layer makes up for
    // it by rendering into one buffer of the exact size, handing it to that same body, and
    // setting `Content-Length` from a static value.
    for (name, status) in [("401", 401), ("429", 429), ("500", 500), ("gateway", 401)] {
        let (derived_status, derived) = made(&format!("/derived/{name}")).await;
        let (hand_status, hand) = made(&format!("/hand/{name}")).await;
        println!("{name}: the request answered by the derived error {derived}, by hand {hand}");
        assert_eq!(
            (derived_status.as_u16(), hand_status.as_u16()),
            (status, status)
        );
        assert!(
            derived <= hand,
            "{name}: the derived error's request made {derived} allocations, the hand-written \
             one {hand}"
        );
    }
}

#[test]
fn to_response_copies_only_what_the_body_must_own() {
    let cases = [
        // The request id, and the `Display` text that is a client error's detail.
        (denial("401"), 2),
        (denial("429"), 2),
        // The request id only: a server error's detail is the static description.
        (denial("500"), 1),
    ];
    for (error, most) in cases {
        let (response, built) = allocations(|| error.to_response("req_from_the_client"));
        let (body, written) = allocations(|| serde_json::to_vec(&response).unwrap());
        println!(
            "{}: to_response {built}, serializing {written} ({} bytes)",
            error.status(),
            body.len()
        );
        assert!(
            built <= most,
            "{}: to_response made {built} allocations",
            error.status()
        );
    }
}
