//! The error path under load and under attack: a real axum server on 127.0.0.1 with the
//! request-id middleware and the panic layer, driven by keep-alive clients and raw sockets.
//!
//! Every loop is bounded by a count and every wait by a generous timeout, so the file stops by
//! itself; no assertion depends on how fast the machine is. The figures are printed
//! (`cargo test -p unkey-errors-http-tests --test http test_stress -- --nocapture`), not asserted.

use crate::captured_logs;

use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum::serve::ListenerExt;
use http_body_util::{BodyExt, Empty};
use hyper::client::conn::http1::SendRequest;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, mpsc};
use tokio::time::timeout;
use unkey_errors::{Code, ErrorResponse, UnkeyError, ValidationError, codes};

/// Long enough that only a hung server reaches it, even on a loaded 2-core machine.
const PATIENCE: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error, UnkeyError)]
enum KeyError {
    #[error("key {0} does not exist")]
    #[unkey(code = "err:unkey:data:key_not_found")]
    NotFound(String),
    #[error("invalid request")]
    #[unkey(code = "err:unkey:application:invalid_input")]
    Invalid {
        #[unkey(errors)]
        problems: Vec<ValidationError>,
    },
}

/// An error for any code of the catalogue, so the load covers every status, title and
/// `errors_array` setting. Its message names a secret that server errors must not show.
#[derive(Debug)]
struct Coded {
    code: Code,
    problems: Vec<ValidationError>,
}

impl Coded {
    fn new(code: Code) -> Self {
        let problems = if code.has_errors_array() {
            vec![ValidationError::new("body.keyId", "must not be empty")]
        } else {
            Vec::new()
        };
        Coded { code, problems }
    }
}

impl std::fmt::Display for Coded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} failed (internal: password=hunter2)", self.code)
    }
}

impl std::error::Error for Coded {}

impl UnkeyError for Coded {
    type Code = Code;

    fn code(&self) -> Code {
        self.code
    }

    fn validation_errors(&self) -> &[ValidationError] {
        &self.problems
    }
}

async fn coded(Path(index): Path<usize>) -> Response {
    unkey_errors::axum::into_response(&Coded::new(Code::ALL[index]))
}

async fn missing_key() -> Result<String, KeyError> {
    Err(KeyError::NotFound("key_123".into()))
}

/// Reads the whole body before failing, so a client that sends half of it is waited on.
async fn create_key(body: String) -> Result<String, KeyError> {
    Err(KeyError::Invalid {
        problems: vec![ValidationError::new(
            "body",
            format!("{} bytes is not a key", body.len()),
        )],
    })
}

async fn panics(Path(kind): Path<String>) -> &'static str {
    match kind.as_str() {
        "literal" => panic!("cache poisoned: password=hunter2"),
        "formatted" => panic!("token {} rejected by 10.1.2.3", "sk_live_SECRET"),
        _ => std::panic::panic_any(7_u32),
    }
}

/// What the slow route shares with the test: it reports each request it starts, then waits
/// for a permit the test hands out only after its clients have gone.
#[derive(Clone)]
struct Slow {
    started: mpsc::UnboundedSender<()>,
    gate: Arc<Semaphore>,
}

async fn slow(State(slow): State<Slow>) -> Result<String, KeyError> {
    let _ = slow.started.send(());
    let _permit = slow.gate.acquire().await;
    Err(KeyError::NotFound("key_slow".into()))
}

struct Server {
    address: SocketAddr,
    /// Connections accepted so far.
    connections: Arc<AtomicUsize>,
    /// One message per request the slow route has started.
    slow_started: mpsc::UnboundedReceiver<()>,
    slow_gate: Arc<Semaphore>,
}

/// Serves the routes on an ephemeral loopback port, with the layers in the documented order;
/// the server ends with the test's runtime.
async fn serve() -> Server {
    captured_logs::capture();
    let (started, slow_started) = mpsc::unbounded_channel();
    let slow_gate = Arc::new(Semaphore::new(0));
    let app = Router::new()
        .route("/codes/{index}", get(coded))
        .route("/v2/keys.getKey", get(missing_key))
        .route("/v2/keys.createKey", post(create_key))
        .route("/panic/{kind}", get(panics))
        .route("/slow", get(slow))
        .with_state(Slow {
            started,
            gate: slow_gate.clone(),
        })
        .layer(unkey_errors::axum::ErrorLayer::<unkey_errors::Code>::new());
    let connections = Arc::new(AtomicUsize::new(0));
    let counter = connections.clone();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let listener = listener.tap_io(move |_| {
        counter.fetch_add(1, Ordering::Relaxed);
    });
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    Server {
        address,
        connections,
        slow_started,
        slow_gate,
    }
}

/// One keep-alive HTTP/1.1 connection, driven by hyper's client.
async fn connect(address: SocketAddr) -> SendRequest<Empty<Bytes>> {
    let stream = TcpStream::connect(address).await.unwrap();
    let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .unwrap();
    // Ends when the sender is dropped or the server closes the connection.
    tokio::spawn(connection);
    sender
}

struct Reply {
    status: u16,
    headers: http::HeaderMap,
    body: Bytes,
}

/// A GET on an open connection; an `Err` says what went wrong instead of panicking, so a
/// load run can count failures and still report its figures.
async fn send(
    sender: &mut SendRequest<Empty<Bytes>>,
    path: &str,
    request_id: Option<&str>,
) -> Result<Reply, String> {
    let exchange = async {
        sender.ready().await.map_err(|e| format!("{path}: {e}"))?;
        let mut request = http::Request::get(path).header("host", "127.0.0.1");
        if let Some(id) = request_id {
            request = request.header("x-request-id", id);
        }
        let response = sender
            .send_request(request.body(Empty::new()).unwrap())
            .await
            .map_err(|e| format!("{path}: {e}"))?;
        let (parts, body) = response.into_parts();
        let body = body.collect().await.map_err(|e| format!("{path}: {e}"))?;
        Ok(Reply {
            status: parts.status.as_u16(),
            headers: parts.headers,
            body: body.to_bytes(),
        })
    };
    timeout(PATIENCE, exchange)
        .await
        .map_err(|_| format!("{path}: no answer in {PATIENCE:?}"))?
}

/// Whether `id` is one the middleware minted: `req_` and 16 letters and digits.
fn is_minted(id: &str) -> bool {
    id.len() == 20 && id.starts_with("req_") && id[4..].bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The media type of the API's error bodies for a request without an `Accept` header, as all
/// of this file's clients send: only a client that lists problem+json (or a wildcard) gets it.
const JSON: &str = "application/json";

/// [`check_error_reply_as`] for a request without an `Accept` header.
fn check_error_reply(
    reply: &Reply,
    expected: impl FnOnce(&str) -> ErrorResponse,
) -> Result<String, String> {
    check_error_reply_as(reply, JSON, expected)
}

/// Checks an error reply against the body `expected` builds for the reply's request id: status,
/// media type (`media_type`), the one `x-request-id` header agreeing with `meta.requestId`,
/// the exact JSON shape (an `errors` array only where the code's entry has one), and every
/// field. Returns the request id.
fn check_error_reply_as(
    reply: &Reply,
    media_type: &str,
    expected: impl FnOnce(&str) -> ErrorResponse,
) -> Result<String, String> {
    let ids: Vec<_> = reply.headers.get_all("x-request-id").iter().collect();
    let [id] = ids[..] else {
        return Err(format!("{} x-request-id headers", ids.len()));
    };
    let id = id.to_str().map_err(|e| e.to_string())?.to_owned();
    let expected = expected(&id);
    if reply.status != expected.error.status {
        return Err(format!("{id}: status {}", reply.status));
    }
    let content_type = reply.headers.get("content-type").map(|v| v.as_bytes());
    if content_type != Some(media_type.as_bytes()) {
        return Err(format!("{id}: content-type {content_type:?}"));
    }
    let json: serde_json::Value =
        serde_json::from_slice(&reply.body).map_err(|e| format!("{id}: {e}"))?;
    let keys = |value: &serde_json::Value| -> Vec<String> {
        value
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    };
    let mut error_keys = vec!["detail", "status", "title", "type"];
    if expected.error.errors.is_some() {
        error_keys.insert(1, "errors");
    }
    if keys(&json) != ["error", "meta"]
        || keys(&json["meta"]) != ["requestId"]
        || keys(&json["error"]) != error_keys
    {
        return Err(format!("{id}: shape of {json}"));
    }
    let body: ErrorResponse = serde_json::from_value(json).map_err(|e| format!("{id}: {e}"))?;
    if body != expected {
        return Err(format!("{id}: body {body:?}, expected {expected:?}"));
    }
    Ok(id)
}

/// The percentile `p` (0–100) of sorted durations.
fn percentile(sorted: &[Duration], p: usize) -> Duration {
    sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

const CONNECTIONS: usize = 64;
const REQUESTS_PER_CONNECTION: usize = 320;
const SEQUENTIAL_REQUESTS: usize = 1000;

/// What one load connection saw: the id of each answered request, how long each took, and
/// what went wrong.
#[derive(Default)]
struct Tally {
    ids: Vec<String>,
    minted: usize,
    latencies: Vec<Duration>,
    failures: Vec<String>,
}

/// Sends `requests` requests on a connection of its own, one after the other, checking each
/// reply in full as it arrives.
async fn load_connection(address: SocketAddr, connection: usize, requests: usize) -> Tally {
    let mut sender = connect(address).await;
    let mut tally = Tally::default();
    for i in 0..requests {
        let n = connection * REQUESTS_PER_CONNECTION + i;
        // One request in eight sends no id, so minted ids are checked for uniqueness too.
        let sent_id = (n % 8 != 7).then(|| format!("load_{connection}_{i}"));
        // One in five goes through a derived enum; the rest cycle through every code.
        let code = Code::ALL[n % Code::ALL.len()];
        let path = if n % 5 == 0 {
            "/v2/keys.getKey".to_owned()
        } else {
            format!("/codes/{}", n % Code::ALL.len())
        };
        let started = Instant::now();
        let reply = send(&mut sender, &path, sent_id.as_deref()).await;
        tally.latencies.push(started.elapsed());
        let checked = reply.and_then(|reply| {
            check_error_reply(&reply, |id| {
                if n % 5 == 0 {
                    KeyError::NotFound("key_123".into()).to_response(id)
                } else {
                    Coded::new(code).to_response(id)
                }
            })
        });
        match (checked, &sent_id) {
            (Ok(id), Some(sent)) if id == *sent => tally.ids.push(id),
            (Ok(id), None) if is_minted(&id) => {
                tally.minted += 1;
                tally.ids.push(id);
            }
            (Ok(id), sent) => tally
                .failures
                .push(format!("{path}: sent id {sent:?}, answered with {id}")),
            (Err(failure), _) => tally.failures.push(failure),
        }
    }
    tally
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_thousand_errors_over_64_keep_alive_connections_are_each_answered_correctly() {
    let server = serve().await;
    let started = Instant::now();
    let tasks: Vec<_> = (0..CONNECTIONS)
        .map(|connection| {
            tokio::spawn(load_connection(
                server.address,
                connection,
                REQUESTS_PER_CONNECTION,
            ))
        })
        .collect();
    let mut total = Tally::default();
    for task in tasks {
        let tally = timeout(4 * PATIENCE, task)
            .await
            .expect("the load finishes")
            .unwrap();
        total.ids.extend(tally.ids);
        total.minted += tally.minted;
        total.latencies.extend(tally.latencies);
        total.failures.extend(tally.failures);
    }
    let elapsed = started.elapsed();

    let requests = CONNECTIONS * REQUESTS_PER_CONNECTION;
    total.latencies.sort();
    println!(
        "error path under load: {requests} requests over {CONNECTIONS} keep-alive connections \
         in {:.2} s ({:.0} requests/s); latency p50 {:?}, p99 {:?}, max {:?}; \
         {} minted ids; failures: {}",
        elapsed.as_secs_f64(),
        requests as f64 / elapsed.as_secs_f64(),
        percentile(&total.latencies, 50),
        percentile(&total.latencies, 99),
        total.latencies.last().unwrap(),
        total.minted,
        total.failures.len(),
    );
    assert!(
        total.failures.is_empty(),
        "{} failures, the first: {:#?}",
        total.failures.len(),
        &total.failures[..total.failures.len().min(5)]
    );
    assert_eq!(total.latencies.len(), requests);
    assert_eq!(total.minted, requests / 8);
    let unique: HashSet<&String> = total.ids.iter().collect();
    assert_eq!(unique.len(), requests, "every request has its own id");
    assert_eq!(
        server.connections.load(Ordering::Relaxed),
        CONNECTIONS,
        "each connection stayed open for all of its requests"
    );

    // The same error path without queueing: one request at a time, for its own latency.
    let mut alone = timeout(
        4 * PATIENCE,
        load_connection(server.address, CONNECTIONS, SEQUENTIAL_REQUESTS),
    )
    .await
    .expect("the sequential requests finish");
    alone.latencies.sort();
    println!(
        "error path alone: {SEQUENTIAL_REQUESTS} requests one at a time on one connection; \
         latency p50 {:?}, p99 {:?}; failures: {}",
        percentile(&alone.latencies, 50),
        percentile(&alone.latencies, 99),
        alone.failures.len(),
    );
    assert!(alone.failures.is_empty(), "{:#?}", &alone.failures[..1]);
    let unique: HashSet<&String> = total.ids.iter().chain(&alone.ids).collect();
    assert_eq!(unique.len(), requests + SEQUENTIAL_REQUESTS);

    assert_eq!(
        server.connections.load(Ordering::Relaxed),
        CONNECTIONS + 1,
        "each connection stayed open for all of its requests"
    );
    // Server errors are logged (one ERROR line each); a panic is logged as one.
    let panics = captured_logs::lines_with("load_")
        .into_iter()
        .filter(|line| line.contains("a handler panicked"))
        .count();
    assert_eq!(panics, 0, "no handler panicked under load");
}

/// A request written byte for byte, as no well-behaved client would send it, and its raw
/// answer; the server closes the connection after answering (`connection: close`).
async fn raw_exchange(address: SocketAddr, request: &[u8]) -> Vec<u8> {
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream.write_all(request).await.unwrap();
    let mut answer = Vec::new();
    timeout(PATIENCE, stream.read_to_end(&mut answer))
        .await
        .expect("the server answers and closes")
        .unwrap();
    answer
}

fn raw_request(path: &str, headers: &[u8]) -> Vec<u8> {
    let mut request = format!("GET {path} HTTP/1.1\r\nhost: 127.0.0.1\r\n").into_bytes();
    request.extend_from_slice(headers);
    request.extend_from_slice(b"connection: close\r\n\r\n");
    request
}

/// Parses a raw answer after checking that its head is made of CRLF-terminated lines only (a
/// bare CR or LF in a header would let a client's bytes start a header of their own).
fn parse_raw(answer: &[u8]) -> Reply {
    let head_len = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|at| at + 4)
        .unwrap_or_else(|| panic!("no end of head in {:?}", String::from_utf8_lossy(answer)));
    let head = &answer[..head_len];
    for (at, byte) in head.iter().enumerate() {
        let well_placed = match byte {
            b'\r' => head.get(at + 1) == Some(&b'\n'),
            b'\n' => at > 0 && head[at - 1] == b'\r',
            _ => true,
        };
        assert!(
            well_placed,
            "bare CR or LF in the head: {:?}",
            String::from_utf8_lossy(head)
        );
    }
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut response = httparse::Response::new(&mut headers);
    let parsed = response.parse(answer).unwrap();
    assert_eq!(parsed, httparse::Status::Complete(head_len));
    let mut map = http::HeaderMap::new();
    for header in response.headers.iter() {
        map.append(
            http::HeaderName::from_bytes(header.name.as_bytes()).unwrap(),
            http::HeaderValue::from_bytes(header.value).unwrap(),
        );
    }
    Reply {
        status: response.code.unwrap(),
        headers: map,
        body: Bytes::copy_from_slice(&answer[head_len..]),
    }
}

/// What a hostile request must get.
#[derive(Debug)]
enum Expect {
    /// The error envelope with a fresh id: the one sent, if any, is not used.
    Minted,
    /// The envelope with this id: the wire split the hostile bytes into a plain id and a header
    /// of the request's own, and the id is a good one.
    Echoed(&'static str),
    /// Refused by the HTTP parser with this status before the application sees it: no
    /// envelope and no id, which also means nothing of the request is echoed.
    Refused(u16),
}

#[tokio::test]
async fn hostile_request_ids_and_accept_headers_get_a_fresh_id_and_nothing_is_echoed() {
    let server = serve().await;
    let ten_kb = format!("x-request-id: req_{}\r\n", "a".repeat(10 * 1024));
    let too_long = format!("x-request-id: {}\r\n", "b".repeat(129));
    let sixty_ids: String = (0..60)
        .map(|i| format!("x-request-id: req_dup_{i}\r\n"))
        .collect();
    let two_hundred_ids: String = (0..200)
        .map(|i| format!("x-request-id: req_dup_{i}\r\n"))
        .collect();
    let huge_accept = format!("accept: {}*/*\r\n", "text/html;q=0.9,".repeat(4096));
    let cases: Vec<(&str, Vec<u8>, Expect)> = vec![
        ("a 10 KB id", ten_kb.into_bytes(), Expect::Minted),
        ("a 129-character id", too_long.into_bytes(), Expect::Minted),
        (
            "an empty id",
            b"x-request-id: \r\n".to_vec(),
            Expect::Minted,
        ),
        (
            "a UTF-8 id",
            "x-request-id: req_ünïcödé\r\n".as_bytes().to_vec(),
            Expect::Minted,
        ),
        (
            "a Latin-1 id",
            b"x-request-id: req_\xff\xfe\r\n".to_vec(),
            Expect::Minted,
        ),
        (
            "an id with a tab",
            b"x-request-id: req\tTAB\r\n".to_vec(),
            Expect::Minted,
        ),
        (
            "an id with a space",
            b"x-request-id: req SPACE\r\n".to_vec(),
            Expect::Minted,
        ),
        (
            "an id with a control character",
            b"x-request-id: req_\x01CTRL\r\n".to_vec(),
            Expect::Refused(400),
        ),
        (
            "an id with DEL",
            b"x-request-id: req_\x7fDEL\r\n".to_vec(),
            Expect::Refused(400),
        ),
        (
            "a bare CR injecting a header",
            b"x-request-id: req_cr\rset-cookie: evil=1\r\n".to_vec(),
            Expect::Refused(400),
        ),
        (
            "a bare LF injecting a header",
            b"x-request-id: req_lf\nset-cookie: evil=1\r\n".to_vec(),
            Expect::Echoed("req_lf"),
        ),
        (
            "a folded line injecting a header",
            b"x-request-id: req_fold\r\n set-cookie: evil=1\r\n".to_vec(),
            Expect::Refused(400),
        ),
        (
            "percent-encoded CRLF",
            b"x-request-id: req%0d%0aset-cookie:evil=1\r\n".to_vec(),
            Expect::Echoed("req%0d%0aset-cookie:evil=1"),
        ),
        (
            "two ids",
            b"x-request-id: req_one\r\nx-request-id: req_two\r\n".to_vec(),
            Expect::Minted,
        ),
        ("60 ids", sixty_ids.into_bytes(), Expect::Minted),
        (
            "200 ids",
            two_hundred_ids.into_bytes(),
            Expect::Refused(431),
        ),
        ("a 64 KB accept", huge_accept.into_bytes(), Expect::Minted),
        (
            "a malformed accept",
            b"accept: ;;q=x,,/,*/*;;=\r\n".to_vec(),
            Expect::Minted,
        ),
        (
            "a non-ASCII accept",
            b"accept: \xff\xfe/\xc3\xa9\r\n".to_vec(),
            Expect::Minted,
        ),
    ];

    let mut minted = HashSet::new();
    for (name, header_lines, expect) in &cases {
        let answer = raw_exchange(
            server.address,
            &raw_request("/v2/keys.getKey", header_lines),
        )
        .await;
        let reply = parse_raw(&answer);
        assert!(
            reply.headers.get("set-cookie").is_none(),
            "{name}: a header was injected"
        );
        // The distinctive part of every hostile value: none of it may come back, except the
        // one id that is legitimately echoed.
        for marker in [
            "aaaaaaaa",
            "bbbbbbbb",
            "ünïcödé",
            "TAB",
            "SPACE",
            "CTRL",
            "DEL",
            "evil",
            "req_dup_",
            "req_one",
            "req_two",
            "req_cr",
            "req_fold",
        ] {
            let echoed = matches!(expect, Expect::Echoed(id) if id.contains(marker));
            assert!(
                echoed || !answer.windows(marker.len()).any(|w| w == marker.as_bytes()),
                "{name}: {marker} echoed in {:?}",
                String::from_utf8_lossy(&answer)
            );
        }
        let not_found = |id: &str| KeyError::NotFound("key_123".into()).to_response(id);
        // The hostile Accept headers accept nothing: the oversized and the non-ASCII ones
        // count as absent, and every range of the malformed one (`*/*;;=` too) is malformed,
        // so ignored (RFC 9110 lets a recipient ignore what it cannot read).
        let media_type = JSON;
        match expect {
            Expect::Minted => {
                let id = check_error_reply_as(&reply, media_type, not_found)
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
                assert!(is_minted(&id), "{name}: {id}");
                assert!(minted.insert(id), "{name}: a minted id repeats");
            }
            Expect::Echoed(sent) => {
                let id =
                    check_error_reply(&reply, not_found).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(id, *sent, "{name}");
            }
            Expect::Refused(status) => {
                assert_eq!(reply.status, *status, "{name}");
                assert!(reply.headers.get("x-request-id").is_none(), "{name}");
            }
        }
    }

    // None of it harmed the server.
    let mut sender = connect(server.address).await;
    let reply = send(&mut sender, "/v2/keys.getKey", Some("req_after_attack"))
        .await
        .unwrap();
    let id = check_error_reply(&reply, |id| {
        KeyError::NotFound("key_123".into()).to_response(id)
    })
    .unwrap();
    assert_eq!(id, "req_after_attack");
}

#[tokio::test]
async fn a_panicking_handler_answers_the_500_envelope_with_its_request_id_and_is_logged() {
    let server = serve().await;
    let unexpected = codes::unkey::application::UNEXPECTED_ERROR;
    let envelope =
        |id: &str| ErrorResponse::new(unexpected, id.to_owned(), unexpected.description());
    let mut sender = connect(server.address).await;
    let cases = [
        (
            "/panic/literal",
            Some("req_boom_literal"),
            "cache poisoned: password=hunter2",
        ),
        (
            "/panic/formatted",
            None,
            "token sk_live_SECRET rejected by 10.1.2.3",
        ),
        (
            "/panic/any",
            Some("req_boom_any"),
            "the panic's payload is not text",
        ),
    ];
    for (path, sent_id, message) in cases {
        let reply = send(&mut sender, path, sent_id).await.unwrap();
        let id = check_error_reply(&reply, envelope).unwrap_or_else(|e| panic!("{path}: {e}"));
        match sent_id {
            Some(sent) => assert_eq!(id, sent, "{path}: the request's own id"),
            None => assert!(is_minted(&id), "{path}: {id}"),
        }
        let body = String::from_utf8_lossy(&reply.body);
        // What the panic said, and that there was one: neither is the caller's business.
        let secrets = ["hunter2", "sk_live", "10.1.2.3", "poisoned", "panic"];
        for secret in secrets {
            assert!(
                !body.contains(secret),
                "{path}: body leaks {secret}: {body}"
            );
        }
        for (name, value) in &reply.headers {
            let value = String::from_utf8_lossy(value.as_bytes());
            for secret in secrets {
                assert!(
                    !value.contains(secret),
                    "{path}: header {name} leaks {secret}"
                );
            }
        }
        let logged = captured_logs::lines_with(&id);
        assert!(
            logged
                .iter()
                .any(|line| line.contains("ERROR") && line.contains(message)),
            "{path}: the panic is logged with id {id} and its message; logged: {logged:#?}"
        );
    }
    // The panics were answered, not fatal: the same keep-alive connection goes on serving.
    let reply = send(&mut sender, "/v2/keys.getKey", Some("req_after_panics"))
        .await
        .unwrap();
    let id = check_error_reply(&reply, |id| {
        KeyError::NotFound("key_123".into()).to_response(id)
    })
    .unwrap();
    assert_eq!(id, "req_after_panics");
    assert_eq!(server.connections.load(Ordering::Relaxed), 1);
}

#[tokio::test]
async fn clients_that_leave_mid_request_do_not_stop_the_server_serving_others() {
    let mut server = serve().await;
    let address = server.address;
    const GONE: usize = 16;

    // Half a head, half a body: the server waits for the rest, then sees the socket close.
    for i in 0..GONE {
        let mut stream = TcpStream::connect(address).await.unwrap();
        let half: &[u8] = if i % 2 == 0 {
            b"GET /v2/keys.getKey HTTP/1.1\r\nhost: 127.0.0.1\r\nx-request-id: req_ha"
        } else {
            b"POST /v2/keys.createKey HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: 1000\r\n\r\nhalf a bo"
        };
        stream.write_all(half).await.unwrap();
        drop(stream);
    }

    // Whole requests whose clients leave while the handler is still working on them.
    for _ in 0..GONE {
        let mut stream = TcpStream::connect(address).await.unwrap();
        stream
            .write_all(&raw_request("/slow", b"x-request-id: req_gone\r\n"))
            .await
            .unwrap();
        timeout(PATIENCE, server.slow_started.recv())
            .await
            .expect("the slow handler starts")
            .unwrap();
        drop(stream);
    }

    // Others are served meanwhile, on new connections and complete.
    for i in 0..CONNECTIONS {
        let mut sender = connect(address).await;
        let sent = format!("req_stays_{i}");
        let reply = send(&mut sender, "/v2/keys.getKey", Some(&sent))
            .await
            .unwrap();
        let id = check_error_reply(&reply, |id| {
            KeyError::NotFound("key_123".into()).to_response(id)
        })
        .unwrap();
        assert_eq!(id, sent);
    }

    // Let every slow handler finish, those whose clients left included, and check that a
    // client that stays gets the slow route's answer.
    server.slow_gate.add_permits(GONE + 1);
    let mut sender = connect(address).await;
    let reply = send(&mut sender, "/slow", Some("req_waits")).await.unwrap();
    let id = check_error_reply(&reply, |id| {
        KeyError::NotFound("key_slow".into()).to_response(id)
    })
    .unwrap();
    assert_eq!(id, "req_waits");
    // Each client that left is logged once, with the catalogue's code for it; nothing panicked.
    let gone = captured_logs::lines_with("req_gone");
    assert_eq!(gone.len(), GONE, "{gone:#?}");
    for line in gone {
        assert!(line.trim_start().starts_with("DEBUG"), "{line}");
        for fact in [
            "error.type=err:user:bad_request:client_closed_request",
            "condition=client_closed",
        ] {
            assert!(line.contains(fact), "{fact:?} missing from {line}");
        }
    }
}
