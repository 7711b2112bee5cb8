//! A derived error's axum answer against the same answer written by hand, through a `Router`
//! behind `ErrorLayer` (which finishes both), called with `oneshot` and no network.
//!
//! `cargo bench -p unkey-errors-bench --bench axum`. Results: BENCHMARKS.md.

use std::future::Future;
use std::hint::black_box;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use axum::Json;
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderValue, Request, StatusCode};
use axum::response::Response;
use axum::routing::get;
use criterion::{Criterion, criterion_group, criterion_main};
use serde::Serialize;
use tower::ServiceExt as _;
use unkey_errors::UnkeyError;
use unkey_errors::axum::RequestId;

/// Unkey's busiest denials and a server error, as a service derives them.
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

/// The envelope as a person would write it with serde.
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

fn denial(name: &str) -> Denied {
    match name {
        "401" => Denied::KeyNotFound,
        "429" => Denied::RateLimited,
        _ => Denied::Store(std::io::Error::other("connection reset")),
    }
}

async fn derived_401() -> Result<String, Denied> {
    Err(denial("401"))
}

async fn derived_429() -> Result<String, Denied> {
    Err(denial("429"))
}

async fn derived_500() -> Result<String, Denied> {
    Err(denial("500"))
}

/// What a hand-written handler does: the status and the same body, every text but the id a
/// constant, answered with `Json`.
fn by_hand(
    status: StatusCode,
    detail: &str,
    title: &str,
    type_url: &str,
    id: &RequestId,
) -> Response {
    let body = HandBody {
        meta: HandMeta {
            request_id: id.as_str(),
        },
        error: HandError {
            detail,
            status: status.as_u16(),
            title,
            type_url,
        },
    };
    axum::response::IntoResponse::into_response((status, Json(body)))
}

async fn hand_401(id: RequestId) -> Response {
    let url = "https://unkey.com/docs/errors/unkey/authentication/key_not_found";
    by_hand(
        StatusCode::UNAUTHORIZED,
        "The key was not found.",
        "Unauthorized",
        url,
        &id,
    )
}

async fn hand_429(id: RequestId) -> Response {
    let url = "https://unkey.com/docs/errors/user/too_many_requests/workspace_rate_limited";
    let detail = "The workspace is rate limited.";
    by_hand(
        StatusCode::TOO_MANY_REQUESTS,
        detail,
        "Too Many Requests",
        url,
        &id,
    )
}

async fn hand_500(id: RequestId) -> Response {
    let code = unkey_errors::codes::unkey::application::UNEXPECTED_ERROR;
    let status = StatusCode::INTERNAL_SERVER_ERROR;
    by_hand(
        status,
        code.description(),
        code.title(),
        code.docs_url(),
        &id,
    )
}

fn app() -> Router {
    Router::new()
        .route("/derived/401", get(derived_401))
        .route("/derived/429", get(derived_429))
        .route("/derived/500", get(derived_500))
        .route("/hand/401", get(hand_401))
        .route("/hand/429", get(hand_429))
        .route("/hand/500", get(hand_500))
        .layer(unkey_errors::axum::ErrorLayer::<unkey_errors::Code>::new())
}

/// Runs `future` to its end: a router without a network never waits, so one poll finishes it.
fn run<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("the router waited on something"),
    }
}

/// One request through `app`, with a client's request id as most API calls carry.
fn call(app: &Router, path: &'static str) -> Response {
    let request = Request::get(path)
        .header(
            "x-request-id",
            HeaderValue::from_static("req_2c9a0jf23l4k567"),
        )
        .body(Body::empty())
        .unwrap();
    run(app.clone().oneshot(request)).unwrap()
}

/// The body's bytes, for checking both answers match; the response is complete already.
fn body(response: Response) -> Vec<u8> {
    use axum::body::HttpBody as _;
    let mut body = pin!(response.into_body());
    let mut bytes = Vec::new();
    while let Poll::Ready(Some(Ok(frame))) = body
        .as_mut()
        .poll_frame(&mut Context::from_waker(Waker::noop()))
    {
        if let Ok(data) = frame.into_data() {
            bytes.extend_from_slice(&data);
        }
    }
    bytes
}

fn answers(c: &mut Criterion) {
    let app = app();
    for status in ["401", "429", "500"] {
        let derived: &'static str = Box::leak(format!("/derived/{status}").into_boxed_str());
        let hand: &'static str = Box::leak(format!("/hand/{status}").into_boxed_str());
        let (ours, theirs) = (call(&app, derived), call(&app, hand));
        assert_eq!(ours.status(), theirs.status());
        assert_eq!(body(ours), body(theirs), "{status}: the bodies differ");

        let mut group = c.benchmark_group(format!("axum answer {status}"));
        group.bench_function("ours: derived error", |b| {
            b.iter(|| black_box(call(&app, derived)))
        });
        group.bench_function("baseline: (StatusCode, Json(..))", |b| {
            b.iter(|| black_box(call(&app, hand)))
        });
        group.finish();
    }
}

criterion_group!(benches, answers);
criterion_main!(benches);
