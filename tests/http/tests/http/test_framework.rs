//! Every error response a service sends speaks its catalogue: the framework's own failures
//! (panics, unknown routes and methods, bodies axum's extractors reject, timeouts, clients that
//! leave) answered through one `ErrorLayer`, for a service with its own catalogue and for one
//! with Unkey's, over real HTTP on 127.0.0.1.

use crate::captured_logs;

use std::net::SocketAddr;
use std::time::Duration;

use axum::extract::{DefaultBodyLimit, Path};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tower_http::timeout::TimeoutLayer;
use unkey_errors::axum::ErrorLayer;
use unkey_errors::{Code, ErrorCode, UnkeyError};

mod shop {
    unkey_errors::catalogue!("catalogues/shop.yaml");
}

/// A catalogue with no code for any of the framework's failures.
mod orders {
    unkey_errors::catalogue!("catalogues/orders.yaml");
}

#[derive(Debug, thiserror::Error, UnkeyError)]
#[unkey(catalogue = shop)]
enum OrderError {
    #[error("order {0} does not exist")]
    #[unkey(code = "err:shop:orders:not_found")]
    NotFound(String),
}

#[derive(Debug, thiserror::Error, UnkeyError)]
enum KeyError {
    #[error("key {0} does not exist")]
    #[unkey(code = "err:unkey:data:key_not_found")]
    NotFound(String),
}

/// The body a route takes; its fields' Rust types must never reach a client.
#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)]
struct NewOrder {
    item: String,
    quantity: u32,
}

async fn create(Json(order): Json<NewOrder>) -> String {
    format!("{order:?}")
}

async fn panics() -> String {
    panic!("poisoned cache at /srv/shop/src/orders.rs:88, password=hunter2")
}

async fn slow() -> String {
    tokio::time::sleep(Duration::from_secs(30)).await;
    "late".to_owned()
}

/// The routes both services have: `GET /things/{id}` answers `not_found`, `POST /things` takes
/// a small JSON body, `/panic` panics and `/slow` outlasts its timeout.
fn routes(not_found: fn(String) -> Response) -> Router {
    Router::new()
        .route(
            "/things/{id}",
            get(move |Path(id): Path<String>| async move { not_found(id) }),
        )
        .route("/things", post(create).layer(DefaultBodyLimit::max(64)))
        .route("/panic", get(panics))
        .route(
            "/slow",
            get(slow).layer(TimeoutLayer::with_status_code(
                http::StatusCode::REQUEST_TIMEOUT,
                Duration::from_millis(50),
            )),
        )
}

fn shop_app() -> Router {
    routes(|id| OrderError::NotFound(id).into_response()).layer(ErrorLayer::<shop::Code>::new())
}

fn unkey_app() -> Router {
    routes(|id| KeyError::NotFound(id).into_response()).layer(ErrorLayer::<Code>::new())
}

async fn serve(app: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    address
}

/// A response as it came off the socket.
#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
    /// The body's bytes, as sent (`body` is them as text, a bad byte replaced).
    bytes: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

/// One HTTP/1.1 request over its own connection, written by hand so that method, headers and
/// body are exactly as given.
async fn request(address: SocketAddr, head: &str, body: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(address).await.unwrap();
    let mut bytes = format!("{head}\r\nhost: 127.0.0.1\r\nconnection: close\r\n").into_bytes();
    if !body.is_empty() {
        bytes.extend_from_slice(format!("content-length: {}\r\n", body.len()).as_bytes());
    }
    bytes.extend_from_slice(b"\r\n");
    bytes.extend_from_slice(body);
    stream.write_all(&bytes).await.unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer))
        .await
        .expect("the server answers")
        .unwrap();
    let mut headers = [httparse::EMPTY_HEADER; 32];
    let mut parsed = httparse::Response::new(&mut headers);
    let httparse::Status::Complete(head_len) = parsed.parse(&answer).unwrap() else {
        panic!("an incomplete answer: {answer:?}");
    };
    let headers: Vec<(String, String)> = parsed
        .headers
        .iter()
        .map(|h| {
            (
                h.name.to_owned(),
                String::from_utf8_lossy(h.value).into_owned(),
            )
        })
        .collect();
    let mut body = answer[head_len..].to_vec();
    if headers
        .iter()
        .any(|(n, v)| n.eq_ignore_ascii_case("transfer-encoding") && v == "chunked")
    {
        body = unchunk(&body);
    }
    Reply {
        status: parsed.code.unwrap(),
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
        bytes: body,
    }
}

/// The data of a chunked body.
fn unchunk(mut chunked: &[u8]) -> Vec<u8> {
    let mut data = Vec::new();
    loop {
        let line_end = chunked.windows(2).position(|w| w == b"\r\n").unwrap();
        let size =
            usize::from_str_radix(std::str::from_utf8(&chunked[..line_end]).unwrap(), 16).unwrap();
        chunked = &chunked[line_end + 2..];
        if size == 0 {
            return data;
        }
        data.extend_from_slice(&chunked[..size]);
        chunked = &chunked[size + 2..];
    }
}

/// The envelope `code` answers with for the request `id`: the catalogue's status, title and
/// docs URL, `detail`, and `errors` when the code's body has them.
fn envelope<C: ErrorCode>(code: C, id: &str, detail: &str, errors: Value) -> Value {
    let mut error = json!({
        "detail": detail,
        "status": code.status(),
        "title": code.title(),
        "type": code.docs_url(),
    });
    if code.has_errors_array() {
        error["errors"] = errors;
    }
    json!({ "meta": { "requestId": id }, "error": error })
}

/// Text that would betray the service's internals: Rust types, parser wording, paths, secrets.
const LEAKS: [&str; 12] = [
    "Failed",
    "serde",
    "u32",
    "String",
    "NewOrder",
    "axum",
    "/srv",
    "orders.rs",
    "hunter2",
    "panicked",
    "invalid type",
    "line 1 column",
];

/// The conditions of the table, each as a request, and the condition it triggers.
struct Case {
    name: &'static str,
    head: &'static str,
    body: &'static [u8],
}

const CASES: [Case; 8] = [
    Case {
        name: "a panic",
        head: "GET /panic HTTP/1.1",
        body: b"",
    },
    Case {
        name: "malformed JSON",
        head: "POST /things HTTP/1.1\r\ncontent-type: application/json",
        body: br#"{"item": "pen", "quantity": }"#,
    },
    Case {
        name: "JSON of the wrong shape",
        head: "POST /things HTTP/1.1\r\ncontent-type: application/json",
        body: br#"{"item": "pen", "quantity": "two"}"#,
    },
    Case {
        name: "a missing member",
        head: "POST /things HTTP/1.1\r\ncontent-type: application/json",
        body: br#"{"quantity": 2}"#,
    },
    Case {
        name: "the wrong content type",
        head: "POST /things HTTP/1.1\r\ncontent-type: text/plain",
        body: b"pen x2",
    },
    Case {
        name: "a body over the limit",
        head: "POST /things HTTP/1.1\r\ncontent-type: application/json",
        body: br#"{"item": "a pen with a name far longer than this route's limit", "quantity": 2}"#,
    },
    Case {
        name: "the wrong method",
        head: "DELETE /things/ord_1 HTTP/1.1",
        body: b"",
    },
    Case {
        name: "an unknown route",
        head: "GET /no/such/route HTTP/1.1",
        body: b"",
    },
];

/// What each case answers with on a catalogue that maps every condition: the code, the detail,
/// the `errors` array.
fn shop_expected(name: &str) -> (shop::Code, &'static str, Value) {
    use shop::codes::shop::{application, request};
    match name {
        "a panic" => (
            application::UNEXPECTED,
            application::UNEXPECTED.description(),
            json!([]),
        ),
        "malformed JSON" => (
            request::INVALID_BODY,
            "The request body is not valid JSON.",
            json!([{"location": "body", "message": "is not valid JSON at line 1, column 29"}]),
        ),
        "JSON of the wrong shape" => (
            request::INVALID_BODY,
            "The request body does not have the shape this route accepts.",
            json!([{"location": "body.quantity", "message": "does not have the expected type or value"}]),
        ),
        "a missing member" => (
            request::INVALID_BODY,
            "The request body does not have the shape this route accepts.",
            json!([{"location": "body.item", "message": "is required"}]),
        ),
        "the wrong content type" => (
            request::INVALID_BODY,
            "The request body must be JSON, sent with `Content-Type: application/json`.",
            json!([{"location": "headers.content-type", "message": "must be application/json"}]),
        ),
        "a body over the limit" => (
            request::BODY_TOO_LARGE,
            "The request body is larger than this route accepts.",
            json!([{"location": "body", "message": "is too large"}]),
        ),
        "the wrong method" => (
            request::WRONG_METHOD,
            "This route does not take the request's method; the `Allow` header lists those it takes.",
            json!([]),
        ),
        "an unknown route" => (
            request::NO_ROUTE,
            "No route matches the request's path.",
            json!([]),
        ),
        other => panic!("no expectation for {other}"),
    }
}

/// Checks that `reply` is exactly `expected` for the request `id`, as `application/json`, with
/// the id in its header, and nothing of the service's internals.
fn assert_envelope(name: &str, reply: &Reply, status: u16, expected: &Value, id: &str) {
    assert_eq!(reply.status, status, "{name}: {}", reply.body);
    assert_eq!(
        reply.header("content-type"),
        Some("application/json"),
        "{name}"
    );
    assert_eq!(reply.header("x-request-id"), Some(id), "{name}");
    assert_eq!(&reply.json(), expected, "{name}");
    for leak in LEAKS {
        assert!(
            !reply.body.contains(leak),
            "{name}: {leak:?} in {}",
            reply.body
        );
    }
}

#[tokio::test]
async fn a_service_with_its_own_catalogue_answers_every_condition_with_its_codes() {
    captured_logs::capture();
    let address = serve(shop_app()).await;
    for case in &CASES {
        let id = format!("req_shop_{}", case.name.replace(' ', "_"));
        let head = format!(
            "{}\r\naccept: application/json\r\nx-request-id: {id}",
            case.head
        );
        let reply = request(address, &head, case.body).await;
        let (code, detail, errors) = shop_expected(case.name);
        let expected = envelope(code, &id, detail, errors);
        assert_envelope(case.name, &reply, code.status(), &expected, &id);
        if case.name == "the wrong method" {
            assert_eq!(
                reply.header("allow"),
                Some("GET,HEAD"),
                "the 405 keeps its Allow"
            );
        }
    }

    // A handler's own error, and a handler past its deadline.
    let reply = request(
        address,
        "GET /things/ord_1 HTTP/1.1\r\naccept: application/json\r\nx-request-id: req_shop_nf",
        b"",
    )
    .await;
    let code = shop::codes::shop::orders::NOT_FOUND;
    let expected = envelope(code, "req_shop_nf", "order ord_1 does not exist", json!([]));
    assert_envelope("a handler's error", &reply, 404, &expected, "req_shop_nf");
    assert_eq!(
        reply.json()["error"]["type"],
        "https://shop.example/docs/errors/shop/orders/not_found"
    );

    let reply = request(
        address,
        "GET /slow HTTP/1.1\r\naccept: application/json\r\nx-request-id: req_shop_slow",
        b"",
    )
    .await;
    let code = shop::codes::shop::request::TIMEOUT;
    let expected = envelope(
        code,
        "req_shop_slow",
        "The request took longer to answer than the service allows.",
        json!([]),
    );
    assert_envelope("a timeout", &reply, 408, &expected, "req_shop_slow");

    // The panic is logged once, with its message, under the shop's code; never sent.
    let logged = captured_logs::lines_with("req_shop_a_panic");
    assert_eq!(logged.len(), 1, "{logged:#?}");
    for fact in [
        "ERROR",
        "error.type=err:shop:application:unexpected",
        "condition=panic",
        "poisoned cache",
    ] {
        assert!(
            logged[0].contains(fact),
            "{fact:?} missing from {}",
            logged[0]
        );
    }
}

#[tokio::test]
async fn unkeys_service_answers_its_conditions_as_unkeys_api_does_and_lets_the_rest_pass() {
    let address = serve(unkey_app()).await;
    use unkey_errors::codes::{unkey, user};
    for case in &CASES {
        let id = format!("req_unkey_{}", case.name.replace(' ', "_"));
        let head = format!(
            "{}\r\naccept: application/json\r\nx-request-id: {id}",
            case.head
        );
        let reply = request(address, &head, case.body).await;
        // Unkey's catalogue maps these conditions to its own codes, with the shop's details.
        let (_, detail, errors) = shop_expected(case.name);
        let code = match case.name {
            "a panic" => unkey::application::UNEXPECTED_ERROR,
            "a body over the limit" => user::bad_request::REQUEST_BODY_TOO_LARGE,
            "the wrong method" | "an unknown route" => {
                // No code in Unkey's catalogue: axum's bare answer passes through, with the id.
                let status = if case.name == "the wrong method" {
                    405
                } else {
                    404
                };
                assert_eq!(reply.status, status, "{}", case.name);
                assert_eq!(reply.body, "", "{}", case.name);
                assert_eq!(reply.header("x-request-id"), Some(id.as_str()));
                continue;
            }
            _ => unkey::application::INVALID_INPUT,
        };
        let detail = if code.status() >= 500 {
            code.description()
        } else {
            detail
        };
        let expected = envelope(code, &id, detail, errors);
        assert_envelope(case.name, &reply, code.status(), &expected, &id);
    }
    let reply = request(
        address,
        "GET /slow HTTP/1.1\r\naccept: application/json\r\nx-request-id: req_unkey_slow",
        b"",
    )
    .await;
    let code = user::bad_request::REQUEST_TIMEOUT;
    let expected = envelope(
        code,
        "req_unkey_slow",
        "The request took longer to answer than the service allows.",
        json!([]),
    );
    assert_envelope("a timeout", &reply, 408, &expected, "req_unkey_slow");
}

/// A `text/plain` 400 is read to tell which failure it is. When the catalogue has no code for
/// it, it goes out as the handler wrote it: every byte (past the part read, and not valid
/// UTF-8), with its length, whether the body's length was known or it came as a stream.
#[tokio::test]
async fn a_rejection_the_catalogue_has_no_code_for_is_sent_whole_and_unchanged() {
    use http::header::CONTENT_TYPE;
    // Over 4 KiB, and no UTF-8 text: every byte value, over and over.
    let text: Vec<u8> = (0..10_000u32).map(|i| (i % 256) as u8).collect();
    let rejection = |body: axum::body::Body| {
        (
            http::StatusCode::BAD_REQUEST,
            [(CONTENT_TYPE, "text/plain; charset=utf-8")],
            body,
        )
            .into_response()
    };
    let whole = text.clone();
    let streamed = text.clone();
    let app = Router::new()
        .route(
            "/whole",
            get(move || {
                let text = whole.clone();
                async move { rejection(axum::body::Body::from(text)) }
            }),
        )
        .route(
            "/streamed",
            get(move || {
                let chunks = streamed.chunks(3000).map(|chunk| chunk.to_vec().into());
                let body = axum::body::Body::new(Chunks(chunks.collect()));
                async move { rejection(body) }
            }),
        )
        .layer(ErrorLayer::<orders::Code>::new());
    let address = serve(app).await;
    for path in ["/whole", "/streamed"] {
        let head = format!("GET {path} HTTP/1.1\r\nx-request-id: req_rejected");
        let reply = request(address, &head, b"").await;
        assert_eq!(reply.status, 400, "{path}");
        assert_eq!(
            reply.bytes, text,
            "{path}: the body as the handler wrote it"
        );
        assert_eq!(reply.header("x-request-id"), Some("req_rejected"), "{path}");
        assert_eq!(
            reply.header("content-type"),
            Some("text/plain; charset=utf-8"),
            "{path}"
        );
    }
    let whole = request(address, "GET /whole HTTP/1.1", b"").await;
    assert_eq!(whole.header("content-length"), Some("10000"));
}

/// A body of these chunks, each ready at once, whose length is not known in advance (as a
/// stream's is not).
struct Chunks(std::collections::VecDeque<axum::body::Bytes>);

impl http_body::Body for Chunks {
    type Data = axum::body::Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        std::task::Poll::Ready(
            self.get_mut()
                .0
                .pop_front()
                .map(|c| Ok(http_body::Frame::data(c))),
        )
    }
}

/// A body that fails while it is read, as a connection that breaks mid-upload does.
struct Broken;

impl http_body::Body for Broken {
    type Data = axum::body::Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        std::task::Poll::Ready(Some(Err(std::io::Error::other("connection reset"))))
    }
}

#[tokio::test]
async fn a_body_that_cannot_be_read_is_the_unreadable_body_code() {
    use tower::ServiceExt as _;
    for (app, code, urn) in [
        (
            shop_app(),
            shop::codes::shop::request::UNREADABLE_BODY.status(),
            "err:shop:request:unreadable_body",
        ),
        (
            unkey_app(),
            unkey_errors::codes::user::bad_request::REQUEST_BODY_UNREADABLE.status(),
            "err:user:bad_request:request_body_unreadable",
        ),
    ] {
        let request = http::Request::post("/things")
            .header("content-type", "application/json")
            .header("x-request-id", "req_broken")
            .body(axum::body::Body::new(Broken))
            .unwrap();
        let response = app.oneshot(request).await.unwrap();
        assert_eq!(response.status(), code);
        let body = http_body_util::BodyExt::collect(response.into_body())
            .await
            .unwrap()
            .to_bytes();
        let body: Value = serde_json::from_slice(&body).unwrap();
        assert!(
            body["error"]["type"]
                .as_str()
                .unwrap()
                .ends_with(&urn.replace("err:", "").replace(':', "/"))
        );
        assert_eq!(
            body["error"]["detail"],
            "The request body could not be read."
        );
        assert_eq!(body["meta"]["requestId"], "req_broken");
    }
}

#[tokio::test]
async fn an_error_answered_from_a_spawned_task_or_an_inner_layer_has_the_requests_id() {
    async fn spawned() -> Response {
        tokio::spawn(async { KeyError::NotFound("key_spawned".into()).into_response() })
            .await
            .unwrap()
    }
    async fn require_token(
        request: axum::extract::Request,
        next: axum::middleware::Next,
    ) -> Response {
        if request.headers().contains_key("authorization") {
            next.run(request).await
        } else {
            KeyError::NotFound("no token".into()).into_response()
        }
    }
    let app = Router::new()
        .route("/spawned", get(spawned))
        .route("/guarded", get(|| async { "in" }))
        .route_layer(axum::middleware::from_fn(require_token))
        .layer(ErrorLayer::<Code>::new());
    let address = serve(app).await;
    for (path, id) in [
        ("/spawned", "req_from_a_task"),
        ("/guarded", "req_from_a_layer"),
    ] {
        let head = format!("GET {path} HTTP/1.1\r\nx-request-id: {id}\r\nauthorization: x");
        let head = if path == "/guarded" {
            head.replace("\r\nauthorization: x", "")
        } else {
            head
        };
        let reply = request(address, &head, b"").await;
        assert_eq!(reply.status, 404, "{path}");
        assert_eq!(reply.json()["meta"]["requestId"], id, "{path}");
        assert_eq!(reply.header("x-request-id"), Some(id), "{path}");
    }
}

/// The length of the envelope the routes below send (their ids are all as long), for the inner
/// layer that replaces it with a body of the same length.
static ENVELOPE_LEN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Extensions an inner layer kept copies of.
static KEPT: std::sync::Mutex<Vec<axum::http::Extensions>> = std::sync::Mutex::new(Vec::new());

#[tokio::test]
async fn the_layers_body_is_sent_with_its_length_whatever_an_inner_layer_did_to_the_body() {
    use http_body_util::BodyExt as _;
    // Inner layers that keep the response's extensions and:
    // wrap its body in one that passes the length through (the body is kept),
    async fn pass(response: Response) -> Response {
        response.map(|body| axum::body::Body::new(body.map_err(|error| error)))
    }
    // replace its body,
    async fn replace(response: Response) -> Response {
        response.map(|_| axum::body::Body::from("replaced"))
    }
    // wrap it in a stream of unknown length,
    async fn stream(response: Response) -> Response {
        response.map(|body| axum::body::Body::from_stream(body.into_data_stream()))
    }
    // do that and declare an encoding, as a compressor does,
    async fn encode(response: Response) -> Response {
        let mut response = stream(response).await;
        response.headers_mut().insert(
            "content-encoding",
            axum::http::HeaderValue::from_static("gzip"),
        );
        response
    }
    // or keep a copy of the extensions (the report's second owner) and replace the body with
    // one exactly as long as the envelope.
    async fn copy(response: Response) -> Response {
        let (parts, _) = response.into_parts();
        KEPT.lock().unwrap().push(parts.extensions.clone());
        let len = ENVELOPE_LEN.load(std::sync::atomic::Ordering::SeqCst);
        Response::from_parts(parts, axum::body::Body::from("x".repeat(len)))
    }
    let derived = || async { KeyError::NotFound("key_1".into()).into_response() };
    let app = Router::new()
        .route("/derived", get(derived))
        .route(
            "/passed",
            get(derived).layer(axum::middleware::map_response(pass)),
        )
        .route(
            "/replaced",
            get(derived).layer(axum::middleware::map_response(replace)),
        )
        .route(
            "/streamed",
            get(derived).layer(axum::middleware::map_response(stream)),
        )
        .route(
            "/encoded",
            get(derived).layer(axum::middleware::map_response(encode)),
        )
        .route(
            "/copied",
            get(derived).layer(axum::middleware::map_response(copy)),
        )
        .layer(ErrorLayer::<Code>::new());
    let address = serve(app).await;
    for path in [
        "/derived",
        "/passed",
        "/replaced",
        "/streamed",
        "/encoded",
        "/copied",
    ] {
        // Ids of one length, so every envelope is as long as the first.
        let id = format!("req_{:_<9}", &path[1..]);
        let head = format!("GET {path} HTTP/1.1\r\nx-request-id: {id}");
        let reply = request(address, &head, b"").await;
        if path == "/derived" {
            ENVELOPE_LEN.store(reply.body.len(), std::sync::atomic::Ordering::SeqCst);
        }
        let expected = envelope(
            Code::UnkeyDataKeyNotFound,
            &id,
            "key key_1 does not exist",
            Value::Null,
        );
        assert_envelope(path, &reply, 404, &expected, &id);
        assert_eq!(reply.header("transfer-encoding"), None, "{path}");
        assert_eq!(reply.header("content-encoding"), None, "{path}");
        assert_eq!(
            reply.header("content-length"),
            Some(reply.body.len().to_string().as_str()),
            "{path}"
        );
    }
    assert_eq!(KEPT.lock().unwrap().len(), 1, "the copying layer ran");
}

#[tokio::test]
async fn a_head_request_gets_the_length_of_the_body_a_get_would() {
    use http_body_util::BodyExt as _;
    use tower::ServiceExt as _;
    // The layer outside the router, which answers HEAD itself: the body it hands the layer is
    // empty, with the GET body's length.
    let router = Router::new()
        .route(
            "/derived",
            get(|| async { KeyError::NotFound("key_1".into()).into_response() }),
        )
        .route(
            "/built",
            get(|| async {
                let code = Code::UnkeyDataKeyNotFound;
                unkey_errors::ErrorResponse::new(code, "req_built_by_hand", "no such key")
                    .into_response()
            }),
        );
    let app = tower::Layer::layer(&ErrorLayer::<Code>::new(), router);
    for path in ["/derived", "/built"] {
        let call = |method: axum::http::Method| {
            let request = axum::http::Request::builder()
                .method(method)
                .uri(path)
                .header("x-request-id", "req_head_and_get")
                .body(axum::body::Body::empty())
                .unwrap();
            app.clone().oneshot(request)
        };
        let get = call(axum::http::Method::GET).await.unwrap();
        let length = get.headers()["content-length"].clone();
        let body = get.into_body().collect().await.unwrap().to_bytes();
        assert_eq!(length.to_str().unwrap(), body.len().to_string(), "{path}");
        let head = call(axum::http::Method::HEAD).await.unwrap();
        assert_eq!(head.headers()["content-length"], length, "{path}");
    }
}

/// The media type each surface answers each `Accept` header with (`None`: no header; several
/// headers joined by `\n`).
const NEGOTIATION: &[(Option<&str>, &str, &str)] = &[
    // (Accept, API, gateway)
    (None, JSON, HTML),
    (Some("application/json"), JSON, JSON),
    (Some("application/problem+json"), PROBLEM, HTML),
    (Some("*/*"), PROBLEM, JSON),
    (Some("application/*"), PROBLEM, JSON),
    (Some("text/html"), JSON, HTML),
    (Some("text/*"), JSON, HTML),
    (Some("text/plain"), JSON, HTML),
    // axios
    (Some("application/json, text/plain, */*"), JSON, JSON),
    // Chrome, Firefox
    (
        Some(
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7",
        ),
        PROBLEM,
        HTML,
    ),
    (
        Some("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
        PROBLEM,
        HTML,
    ),
    (Some("application/json;q=1, */*;q=0"), JSON, JSON),
    (
        Some("application/problem+json;q=0, application/json"),
        JSON,
        JSON,
    ),
    (Some("application/problem+json;q=0"), JSON, HTML),
    (Some("application/json;q=0"), PROBLEM, HTML),
    (Some("application/json;q=0, */*"), PROBLEM, HTML),
    (Some("text/html;q=0, */*"), PROBLEM, JSON),
    (
        Some("application/json;q=0.5, application/problem+json;q=0.6"),
        PROBLEM,
        JSON,
    ),
    (
        Some("application/json;q=0.6, application/problem+json;q=0.5"),
        JSON,
        JSON,
    ),
    (Some("*/*;q=0.5, application/json;q=0.4"), PROBLEM, HTML),
    (Some("text/html;q=0.1, application/json"), JSON, JSON),
    (Some("text/html, application/json"), JSON, JSON),
    (Some("text/html,*/*"), PROBLEM, HTML),
    (Some("APPLICATION/JSON; charset=UTF-8"), JSON, JSON),
    (Some("text/html\napplication/problem+json"), PROBLEM, HTML),
    (Some(";;q=x,,/, */x, application/json;q=2"), JSON, HTML),
    // A range with a parameter the bodies do not have rates none of them (RFC 9110's
    // `text/html;level=1`); `charset=utf-8` they all have.
    (
        Some("text/html;level=1, application/json;q=0.5"),
        JSON,
        JSON,
    ),
    (
        Some("application/json;q=0, application/json;v=2"),
        PROBLEM,
        HTML,
    ),
    (
        Some("text/html;charset=utf-8, application/json;q=0.5"),
        JSON,
        HTML,
    ),
    // An empty parameter is allowed.
    (Some("text/html;, application/json;q=0.5"), JSON, HTML),
    (
        Some("application/problem+json;, application/json;q=0.5"),
        PROBLEM,
        JSON,
    ),
    // A byte outside visible ASCII spoils only the range it is in.
    (Some("application/problem+json, text/x;p=é"), PROBLEM, HTML),
];

const JSON: &str = "application/json";
const PROBLEM: &str = "application/problem+json";
const HTML: &str = "text/html; charset=utf-8";

#[derive(Debug, thiserror::Error, UnkeyError)]
#[unkey(surface = "gateway")]
enum EdgeError {
    #[error("no credentials")]
    #[unkey(code = "err:unkey:authentication:missing")]
    Missing,
}

#[tokio::test]
async fn each_surface_negotiates_every_accept_header_as_rfc_9110_and_unkeys_rule_say() {
    let app = Router::new()
        .route("/api", get(|| async { KeyError::NotFound("k".into()) }))
        .route("/gateway", get(|| async { EdgeError::Missing }))
        .layer(ErrorLayer::<Code>::new());
    let address = serve(app).await;
    for &(accept, api, gateway) in NEGOTIATION {
        let lines: String = accept
            .map(|accept| {
                accept
                    .split('\n')
                    .map(|line| format!("\r\naccept: {line}"))
                    .collect()
            })
            .unwrap_or_default();
        for (path, expected, status) in [("/api", api, 404), ("/gateway", gateway, 401)] {
            let reply = request(address, &format!("GET {path} HTTP/1.1{lines}"), b"").await;
            assert_eq!(reply.status, status, "{path} {accept:?}");
            assert_eq!(
                reply.header("content-type"),
                Some(expected),
                "{path} {accept:?}"
            );
            assert_eq!(reply.header("vary"), Some("accept"), "{path} {accept:?}");
        }
    }
}
