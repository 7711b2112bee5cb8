//! A derived error's axum answer against the same answer written by hand, through a `Router`
//! behind `ErrorLayer` (which finishes both), called with `oneshot` and no network, each answer
//! read to its end as a server would send it.
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
use criterion::{Criterion, criterion_group};
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

/// The answer to `path`, read to its end as a server sends it: its status and body length.
fn answered(app: &Router, path: &'static str) -> (StatusCode, usize) {
    use axum::body::HttpBody as _;
    let response = call(app, path);
    let status = response.status();
    let mut body = pin!(response.into_body());
    let mut len = 0;
    while let Poll::Ready(Some(Ok(frame))) = body
        .as_mut()
        .poll_frame(&mut Context::from_waker(Waker::noop()))
    {
        len += frame.data_ref().map_or(0, |data| data.len());
    }
    (status, len)
}

/// The paths of the derived and hand-written answers for `status`, checked to send the same
/// status and body.
fn routes(app: &Router, status: &str) -> (&'static str, &'static str) {
    let derived: &'static str = Box::leak(format!("/derived/{status}").into_boxed_str());
    let hand: &'static str = Box::leak(format!("/hand/{status}").into_boxed_str());
    let (ours, theirs) = (call(app, derived), call(app, hand));
    assert_eq!(ours.status(), theirs.status());
    assert_eq!(body(ours), body(theirs), "{status}: the bodies differ");
    (derived, hand)
}

fn answers(c: &mut Criterion) {
    let app = app();
    for status in ["401", "429", "500"] {
        let (derived, hand) = routes(&app, status);
        let mut group = c.benchmark_group(format!("axum answer {status}"));
        group.bench_function("ours: derived error", |b| {
            b.iter(|| black_box(answered(&app, derived)))
        });
        group.bench_function("baseline: (StatusCode, Json(..))", |b| {
            b.iter(|| black_box(answered(&app, hand)))
        });
        group.finish();
    }
}

/// The derived answer's time over the hand-written one's, measured in pairs: each round times
/// a batch of each, back to back and in alternating order, so that whatever else the machine
/// does slows both alike. Prints, per status, the median ratio with its quartiles and each
/// answer's median time. Run with `cargo bench -p unkey-errors-bench --bench axum -- paired`.
fn paired() {
    const ROUNDS: usize = 301;
    const BATCH: u32 = 2_000;
    let app = app();
    let time = |path: &'static str| {
        let start = std::time::Instant::now();
        for _ in 0..BATCH {
            black_box(answered(&app, path));
        }
        start.elapsed().as_secs_f64() / f64::from(BATCH)
    };
    println!(
        "status  median ratio (q1, q3)   derived   hand-written   ({ROUNDS} rounds of {BATCH})"
    );
    for status in ["401", "429", "500"] {
        let (derived, hand) = routes(&app, status);
        // Warm both paths up.
        time(derived);
        time(hand);
        let (mut ratios, mut ours, mut theirs) = (Vec::new(), Vec::new(), Vec::new());
        for round in 0..ROUNDS {
            let (a, b) = if round % 2 == 0 {
                let a = time(derived);
                (a, time(hand))
            } else {
                let b = time(hand);
                (time(derived), b)
            };
            ratios.push(a / b);
            ours.push(a);
            theirs.push(b);
        }
        let quantile = |values: &mut Vec<f64>, q: f64| {
            values.sort_by(f64::total_cmp);
            values[((values.len() - 1) as f64 * q).round() as usize]
        };
        println!(
            "{status}     {:.3}× ({:.3}, {:.3})    {:.3} µs  {:.3} µs",
            quantile(&mut ratios, 0.5),
            quantile(&mut ratios, 0.25),
            quantile(&mut ratios, 0.75),
            quantile(&mut ours, 0.5) * 1e6,
            quantile(&mut theirs, 0.5) * 1e6,
        );
    }
}

criterion_group!(benches, answers);

fn main() {
    // `paired` is this file's own mode; anything else is criterion's.
    if std::env::args().skip(1).any(|arg| arg == "paired") {
        paired();
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
