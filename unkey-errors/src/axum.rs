//! axum integration (feature `axum`): errors become responses in their surface's shape, with
//! the request's id and the media type the request's `Accept` header asks for.
//!
//! ```no_run
//! use axum::{middleware, routing::get, Router};
//! use unkey_errors::UnkeyError;
//!
//! #[derive(Debug, thiserror::Error, UnkeyError)]
//! enum KeyError {
//!     #[error("key {0} does not exist")]
//!     #[unkey(code = "err:unkey:data:key_not_found")]
//!     NotFound(String),
//! }
//!
//! async fn get_key() -> Result<String, KeyError> {
//!     Err(KeyError::NotFound("key_123".into()))
//! }
//!
//! let app: Router = Router::new()
//!     .route("/v2/keys.getKey", get(get_key))
//!     // Reads `x-request-id` or mints one, and puts it into every error body and response.
//!     .layer(middleware::from_fn(unkey_errors::axum::request_id));
//! ```
//!
//! A derived error returned from a handler answers with its code's status, an `x-request-id`
//! header, and the envelope:
//! `{"meta":{"requestId":"req_…"},"error":{"detail":…,"status":404,"title":"Not Found","type":…}}`.
//!
//! # Content negotiation
//!
//! [`request_id`] also keeps the request's `Accept` header (up to 4 KB; a longer one counts as
//! absent), and every error response built while serving the request picks its body by it.
//! Each comma-separated entry of the header is compared by its media type alone, ignoring case,
//! whitespace and parameters such as `q`.
//!
//! - **API** ([`Surface::Api`], and [`ErrorResponse`]):
//!   `application/problem+json` when the header lists `application/problem+json`,
//!   `application/*` or `*/*`; `application/json` otherwise, including when there is no header,
//!   so clients that ask for plain JSON (as Unkey's SDKs do) recognise the error.
//! - **Gateway** ([`Surface::Gateway`], and [`GatewayResponse`]): the
//!   JSON body when the header lists `application/json` or `application/*`, or `*/*` without
//!   `text/html`; otherwise, as for a browser or a request without the header, the HTML page
//!   ([`GatewayResponse::to_html`]), `text/html; charset=utf-8`. The status is the code's
//!   `gateway_status()`, or 500 for a code the gateway never sends.
//!
//! Negotiated responses carry `Vary: Accept`, so caches keep the variants apart. Outside the
//! middleware there is no header to read: the API answers `application/problem+json` and the
//! gateway JSON.
//!
//! A handler that panics is answered with the 500 envelope too when [`catch_panic`] is added
//! inside [`request_id`]; see there for the order of the layers.
//!
//! # Logging
//!
//! A server error's body never says what went wrong, so its response logs it, through
//! `tracing` (the `tracing` feature, which `axum` turns on): every 5xx a derived error answers
//! with emits one `ERROR` event with the fields `request_id`, `code` (the URN), `status` and
//! `error`, the error's `Display` text followed by each of its `source()`s, `: `-separated
//! (`database failure: connection reset: broken pipe`). A client error (4xx) emits the same
//! event at `DEBUG`: it is the API working as meant, and the busiest denials (401, 429) would
//! otherwise flood the log. None of it reaches the response's body or headers.
//!
//! The sources are those of the error's `std::error::Error` impl (the one `thiserror` derives);
//! a derived type without one, or a generic type whose impl needs bounds the derive does not
//! add, is logged with its `Display` text alone. [`ErrorResponse`] and [`GatewayResponse`] are
//! bodies, not errors, and log nothing; [`catch_panic`] logs the panics it answers.

use std::any::Any;
use std::error::Error;
use std::fmt;
use std::sync::Arc;

use axum::extract::{FromRequestParts, Request};
use axum::http::header::{ACCEPT, CONTENT_SECURITY_POLICY, CONTENT_TYPE, HeaderValue, VARY};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderName, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_http::catch_panic::{CatchPanicLayer, ResponseForPanic};

use crate::{ErrorCode, ErrorResponse, GatewayResponse, Surface, UnkeyError};

/// The header that carries the request id, in and out.
pub const REQUEST_ID_HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// The media type of the API's error bodies (RFC 9457), for requests that accept it; see
/// [Content negotiation](self#content-negotiation).
pub const PROBLEM_JSON: &str = "application/problem+json";

/// The media type of JSON bodies for requests that do not accept [`PROBLEM_JSON`], and of the
/// gateway's JSON bodies.
const JSON: &str = "application/json";

/// The media type of the gateway's error page.
const HTML: &str = "text/html; charset=utf-8";

/// What the error page may load: its inline styles and nothing else. The page has no script
/// and fetches nothing, so this only stops markup that slipped past escaping from doing harm.
const HTML_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/// The longest request id accepted from a client; a longer one is replaced.
const MAX_REQUEST_ID_LEN: usize = 128;

/// The longest `Accept` header (all of its lines together) that responses negotiate on; a
/// longer one is treated as absent, so a hostile header costs a bounded scan.
const MAX_ACCEPT_LEN: usize = 4096;

tokio::task_local! {
    static CURRENT: Current;
}

/// What the [`request_id`] middleware keeps for the responses built while serving a request.
#[derive(Clone)]
struct Current {
    id: RequestId,
    /// The id as a header value, made once per request: an error response's `x-request-id`
    /// is then a clone of it (a reference count), not a copy.
    header: HeaderValue,
    /// The request's `Accept` header, or `None` when it had none that is usable. Kept as the
    /// header value (a shared buffer: no copy) and read only when an error is answered.
    accept: Option<HeaderValue>,
}

/// The id of the request being served, e.g. `req_2c9a0jf23l4k567`.
///
/// Handlers can take it as an extractor; error bodies quote it in `meta.requestId`. Shared, so
/// the copies the middleware keeps (request extension, task-local) cost no allocation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RequestId(Arc<str>);

/// How many random characters follow `req_` in a minted id.
const MINTED_LEN: usize = 16;

impl RequestId {
    /// A fresh id in Unkey's style: `req_` and 16 characters drawn uniformly from `[0-9A-Za-z]`
    /// (about 95 random bits), e.g. `req_4Tq9ZbX0pLm2Rk7w`.
    ///
    /// The characters come from the thread's cryptographically secure generator
    /// (`rand::rng()`, seeded from the operating system), so ids are unique in practice and
    /// cannot be guessed from the ones a client has seen.
    pub fn mint() -> Self {
        use rand::Rng as _;
        let mut id = [0u8; 4 + MINTED_LEN];
        id[..4].copy_from_slice(b"req_");
        let mut rng = rand::rng();
        for byte in &mut id[4..] {
            *byte = rng.sample(rand::distr::Alphanumeric);
        }
        // `req_` and ASCII letters and digits: always UTF-8.
        let id = std::str::from_utf8(&id).unwrap_or("req_");
        RequestId(id.into())
    }

    /// The id a client sent, if it is usable: 1 to 128 visible ASCII characters.
    pub fn from_header(value: &HeaderValue) -> Option<Self> {
        let text = value.to_str().ok()?;
        let usable = !text.is_empty()
            && text.len() <= MAX_REQUEST_ID_LEN
            && text.bytes().all(|b| b.is_ascii_graphic());
        usable.then(|| RequestId(text.into()))
    }

    /// The id of the request being served: the one [`request_id`] set for this task, or a
    /// fresh one outside of it.
    pub fn current() -> Self {
        CURRENT
            .try_with(|current| current.id.clone())
            .unwrap_or_else(|_| Self::mint())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for RequestId {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<RequestId>()
            .cloned()
            .unwrap_or_else(RequestId::current))
    }
}

/// Middleware (use with `axum::middleware::from_fn`): takes the request id from the
/// `x-request-id` header or mints one, makes it the id of every error body produced while
/// serving the request, and returns it in the response's `x-request-id` header. It also keeps
/// the request's `Accept` header, which error responses negotiate their media type on (see
/// [Content negotiation](self#content-negotiation)).
///
/// The client's id is kept only when the request has exactly one `x-request-id` header and it
/// is usable ([`RequestId::from_header`]); otherwise the request gets a fresh id.
pub async fn request_id(mut request: Request, next: Next) -> Response {
    // Several ids for one request are ambiguous (which one would the caller quote to
    // support?), and taking the first would let whoever added headers first decide: mint.
    let mut sent = request.headers().get_all(&REQUEST_ID_HEADER).iter();
    let sent = match (sent.next(), sent.next()) {
        (Some(value), None) => RequestId::from_header(value).map(|id| (id, value.clone())),
        _ => None,
    };
    let (id, header) = match sent {
        Some(sent) => sent,
        None => {
            let id = RequestId::mint();
            // A minted id is `req_` and ASCII letters and digits: always a valid value.
            let header = HeaderValue::from_str(id.as_str())
                .unwrap_or_else(|_| HeaderValue::from_static("req_"));
            (id, header)
        }
    };
    request.extensions_mut().insert(id.clone());
    let current = Current {
        id,
        header: header.clone(),
        accept: capture_accept(request.headers()),
    };
    let mut response = CURRENT.scope(current, next.run(request)).await;
    response
        .headers_mut()
        .entry(REQUEST_ID_HEADER)
        .or_insert(header);
    response
}

/// The request's `Accept` header, if it has a usable one. Several `Accept` lines are one list
/// (RFC 9110, section 5.3), so they are joined; past [`MAX_ACCEPT_LEN`] in all, none is kept.
fn capture_accept(headers: &HeaderMap) -> Option<HeaderValue> {
    let mut lines = headers.get_all(ACCEPT).iter();
    let first = lines.next()?;
    let Some(second) = lines.next() else {
        return (first.len() <= MAX_ACCEPT_LEN).then(|| first.clone());
    };
    let mut joined = first.as_bytes().to_vec();
    for line in std::iter::once(second).chain(lines) {
        if joined.len() + 1 + line.len() > MAX_ACCEPT_LEN {
            return None;
        }
        joined.push(b',');
        joined.extend_from_slice(line.as_bytes());
    }
    HeaderValue::from_bytes(&joined).ok()
}

/// The media types an `Accept` header lists: each comma-separated entry without its
/// parameters (`;q=0.9`, `;charset=…`) and surrounding whitespace.
fn media_types(accept: &str) -> impl Iterator<Item = &str> {
    accept
        .split(',')
        .map(|entry| entry.split(';').next().unwrap_or_default().trim())
}

/// Whether `accept` lists any of `wanted`, compared without regard to case.
fn lists_any(accept: &str, wanted: &[&str]) -> bool {
    media_types(accept).any(|listed| wanted.iter().any(|w| listed.eq_ignore_ascii_case(w)))
}

/// The API's rule: the media type of an error body for a request whose `Accept` header is
/// `accept` (`None`: no header). Problem details only for a client that says it takes them,
/// or takes anything: an SDK that asks for `application/json` only recognises a typed error
/// when the response says exactly that.
fn api_media_type(accept: Option<&str>) -> &'static str {
    match accept {
        Some(accept) if lists_any(accept, &[PROBLEM_JSON, "application/*", "*/*"]) => PROBLEM_JSON,
        _ => JSON,
    }
}

/// The gateway's rule: whether a request whose `Accept` header is `accept` (`None`: no
/// header) gets the JSON body rather than the HTML page. Browsers list `text/html` next to
/// `*/*`; a program that takes anything lists `*/*` alone.
fn gateway_wants_json(accept: Option<&str>) -> bool {
    accept.is_some_and(|accept| {
        lists_any(accept, &[JSON, "application/*"])
            || (lists_any(accept, &["*/*"]) && !lists_any(accept, &["text/html"]))
    })
}

/// `rule` applied to the current request's `Accept` header, or `None` outside [`request_id`],
/// where there is no request to negotiate with. A header that is not visible ASCII counts as
/// absent.
fn negotiate<T>(rule: fn(Option<&str>) -> T) -> Option<T> {
    CURRENT
        .try_with(|current| rule(current.accept.as_ref().and_then(|v| v.to_str().ok())))
        .ok()
}

/// An error response: `status` (500 if it is not a status), the body as `content_type`, the
/// request id header, and `Vary: Accept` when the media type was negotiated.
fn error_response(
    status: u16,
    content_type: &'static str,
    body: impl Into<axum::body::Body>,
    request_id: &str,
    negotiated: bool,
) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, body.into()).into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    if negotiated {
        headers.insert(VARY, HeaderValue::from_static("accept"));
    }
    // The current request's id has its header value already: share it rather than copy.
    let current = CURRENT
        .try_with(|current| (current.id.as_str() == request_id).then(|| current.header.clone()))
        .ok()
        .flatten();
    if let Some(request_id) = current.or_else(|| HeaderValue::from_str(request_id).ok()) {
        headers.insert(REQUEST_ID_HEADER, request_id);
    }
    response
}

/// The response for an error, in its surface's shape ([`UnkeyError::surface`]) and the media
/// type the request asks for (see [Content negotiation](self#content-negotiation)), with the
/// id of the current request.
///
/// On the API: the code's status and the envelope. On the gateway: the code's gateway status
/// (500 for a code the gateway never sends) and the gateway's body, whose message is the
/// catalogue's public sentence, or the error's public [`detail`](UnkeyError::detail) for a
/// code whose message comes from the error.
///
/// The error is logged as well (see [Logging](self#logging)), with its `Display` text only:
/// this function cannot see whether `E` implements `std::error::Error`. A derived error's own
/// `IntoResponse` logs its sources too.
pub fn into_response<E: UnkeyError + ?Sized>(error: &E) -> Response {
    respond(error, None)
}

/// What a derived error's `IntoResponse` calls: [`into_response`], with the error as a
/// `std::error::Error` when it is one, so that its sources are logged.
fn respond<E: UnkeyError + ?Sized>(error: &E, as_error: Option<&dyn Error>) -> Response {
    let id = RequestId::current();
    match error.surface() {
        Surface::Api => {
            // Written straight from the error: nothing is copied but into the body itself.
            let code = error.code();
            let detail = error.detail();
            log(error, as_error, &id, code.status());
            let negotiated = negotiate(api_media_type);
            let Ok(body) =
                crate::response::write_body(id.as_str(), &detail, code, error.validation_errors())
            else {
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            };
            error_response(
                code.status(),
                negotiated.unwrap_or(PROBLEM_JSON),
                body,
                id.as_str(),
                negotiated.is_some(),
            )
        }
        Surface::Gateway => {
            let response = GatewayResponse::for_error(error, id.to_string());
            log(error, as_error, &id, response.status());
            response.into_response()
        }
    }
}

/// Logs an error answered with `status`: a server error (5xx) at `ERROR`, since nothing else
/// records its cause, and a client error at `DEBUG`, since those are the API working as meant
/// (and the busiest ones, 401 and 429, would drown the log at a higher level). See
/// [Logging](self#logging).
fn log<E: UnkeyError + ?Sized>(
    error: &E,
    as_error: Option<&dyn Error>,
    id: &RequestId,
    status: u16,
) {
    let code = error.code();
    let chain = Chain { error, as_error };
    if status >= 500 {
        tracing::error!(
            request_id = %id,
            code = code.as_str(),
            status,
            error = %chain,
            "answered a server error",
        );
    } else {
        tracing::debug!(
            request_id = %id,
            code = code.as_str(),
            status,
            error = %chain,
            "answered a client error",
        );
    }
}

/// An error's `Display` text followed by each of its sources', `: `-separated, written as the
/// log line needs it without collecting anything first.
struct Chain<'a, E: ?Sized> {
    error: &'a E,
    /// The same error as a `std::error::Error`, when it is one: where the sources come from.
    as_error: Option<&'a dyn Error>,
}

/// How many sources are written at most, so a chain that loops cannot hang the log.
const MAX_SOURCES: usize = 32;

impl<E: fmt::Display + ?Sized> fmt::Display for Chain<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.error)?;
        let mut next = self.as_error.and_then(Error::source);
        for _ in 0..MAX_SOURCES {
            let Some(source) = next else { break };
            write!(f, ": {source}")?;
            next = source.source();
        }
        Ok(())
    }
}

/// What `#[derive(UnkeyError)]`'s `IntoResponse` (the `__into_response!` macro) uses. Not
/// public API: it may change in any release.
#[doc(hidden)]
pub mod __private {
    use std::error::Error;

    use axum::response::Response;

    use crate::UnkeyError;

    /// The response for a derived error, logging its sources when `as_error` is the error
    /// itself as a `std::error::Error`.
    pub fn respond<E: UnkeyError + ?Sized>(error: &E, as_error: Option<&dyn Error>) -> Response {
        super::respond(error, as_error)
    }

    /// A borrowed error, for asking whether it implements `std::error::Error` without a bound:
    /// `(&probe).as_std_error()` is `Some` when it does ([`IsStdError`] applies to the
    /// probe itself) and `None` otherwise ([`NotStdError`] applies to a reference to it, the
    /// next candidate method resolution tries). For a generic type whose `Error` impl needs
    /// bounds the impl being generated lacks, the answer is `None`.
    pub struct Probe<'a, T: ?Sized>(pub &'a T);

    /// The answer for an error that implements `std::error::Error`.
    pub trait IsStdError<'a> {
        /// The error as a `std::error::Error`.
        fn as_std_error(&self) -> Option<&'a dyn Error>;
    }

    impl<'a, T: Error> IsStdError<'a> for Probe<'a, T> {
        fn as_std_error(&self) -> Option<&'a dyn Error> {
            Some(self.0)
        }
    }

    /// The answer for any other error.
    pub trait NotStdError<'a> {
        /// `None`: the error has no sources to log.
        fn as_std_error(&self) -> Option<&'a dyn Error>;
    }

    impl<'a, T: ?Sized> NotStdError<'a> for &Probe<'a, T> {
        fn as_std_error(&self) -> Option<&'a dyn Error> {
            None
        }
    }
}

/// The API's answer: the body as `application/problem+json` or `application/json` (see
/// [Content negotiation](self#content-negotiation)), with the body's status and request id.
///
/// A body says nothing of the error behind it, so nothing is logged here (a derived error's
/// response is logged where it is built).
impl IntoResponse for ErrorResponse {
    fn into_response(self) -> Response {
        let negotiated = negotiate(api_media_type);
        let Ok(body) = crate::response::write_response(&self) else {
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        };
        error_response(
            self.error.status,
            negotiated.unwrap_or(PROBLEM_JSON),
            body,
            &self.meta.request_id,
            negotiated.is_some(),
        )
    }
}

/// The gateway's answer: the JSON body or the HTML page (see
/// [Content negotiation](self#content-negotiation)), with [`GatewayResponse::status`] and the
/// body's request id. The page is served with a content security policy that allows its
/// inline styles and nothing else.
impl<C: ErrorCode> IntoResponse for GatewayResponse<C> {
    fn into_response(self) -> Response {
        let negotiated = negotiate(gateway_wants_json);
        if negotiated.unwrap_or(true) {
            let Ok(body) = serde_json::to_vec(&self) else {
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            };
            let negotiated = negotiated.is_some();
            let id = &self.meta.request_id;
            error_response(self.status(), JSON, body, id, negotiated)
        } else {
            let page = self.to_html();
            let mut response =
                error_response(self.status(), HTML, page, &self.meta.request_id, true);
            response.headers_mut().insert(
                CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(HTML_POLICY),
            );
            response
        }
    }
}

/// A handler for requests no route matches (`Router::fallback`): the API's envelope for
/// `code`, with `detail`, negotiated like every error (see
/// [Content negotiation](self#content-negotiation)).
///
/// Unkey's catalogue has no code for an unknown route yet; a catalogue that has one passes it:
///
/// ```
/// use axum::{middleware, Router};
/// use unkey_errors::ErrorCode;
///
/// fn app<C: ErrorCode>(route_not_found: C) -> Router {
///     Router::new()
///         .fallback(unkey_errors::axum::fallback(route_not_found, "No route matches this method and path."))
///         .layer(middleware::from_fn(unkey_errors::axum::request_id))
/// }
/// ```
pub fn fallback<C: ErrorCode>(
    code: C,
    detail: &'static str,
) -> impl Fn() -> std::future::Ready<Response> + Clone + Send + Sync + 'static {
    move || {
        let id = RequestId::current();
        std::future::ready(ErrorResponse::new(code, id.to_string(), detail).into_response())
    }
}

/// A handler for requests no route matches on a gateway (`Router::fallback`):
/// `err:frontline:routing:config_not_found` (404, "No app is set up for this hostname."), as
/// JSON or as the HTML page (see [Content negotiation](self#content-negotiation)).
///
/// ```
/// use axum::{middleware, Router};
///
/// let gateway: Router = Router::new()
///     .fallback(unkey_errors::axum::gateway_not_found)
///     .layer(middleware::from_fn(unkey_errors::axum::request_id));
/// ```
pub async fn gateway_not_found() -> Response {
    let code = crate::codes::frontline::routing::CONFIG_NOT_FOUND;
    GatewayResponse::new(code, RequestId::current().to_string()).into_response()
}

/// A layer that answers a panicking handler with the 500 envelope of
/// `err:unkey:application:unexpected_error` instead of dropping the connection.
///
/// The body's `detail` is the catalogue's description of that code: the panic message describes
/// internals and never reaches the response. The panic is logged through `tracing` at error
/// level, with the request id and the message, so the id a caller quotes finds it.
///
/// Add it before (that is, inside) the [`request_id`] middleware. axum's last `.layer` is the
/// outermost, and the panic is answered where it is caught: inside `request_id`, the request's
/// id is still current, so the 500 quotes the id the client sent or was given. Outside it, the
/// middleware has already unwound and the answer could only carry a fresh, unrelated id.
///
/// ```
/// use axum::{middleware, routing::get, Router};
///
/// async fn handler() -> &'static str {
///     panic!("the cache returned a poisoned entry")
/// }
///
/// let app: Router = Router::new()
///     .route("/v2/keys.getKey", get(handler))
///     // Inner: catches the handler's panic while the request id is in scope...
///     .layer(unkey_errors::axum::catch_panic())
///     // ...outer: sets the id for everything added before it.
///     .layer(middleware::from_fn(unkey_errors::axum::request_id));
/// ```
///
/// With `tower::ServiceBuilder`, whose first layer is the outermost, list `request_id` first.
pub fn catch_panic() -> CatchPanicLayer<PanicResponse> {
    CatchPanicLayer::custom(PanicResponse)
}

/// What [`catch_panic`] answers a panic with: the 500 envelope with the current request's id.
///
/// Public so that a service building its own `CatchPanicLayer::custom` or `CatchPanic` can use
/// it; [`catch_panic`] is the usual way in.
#[derive(Debug, Clone, Copy, Default)]
pub struct PanicResponse;

impl ResponseForPanic for PanicResponse {
    type ResponseBody = axum::body::Body;

    fn response_for_panic(&mut self, panic: Box<dyn Any + Send + 'static>) -> Response {
        let code = crate::codes::unkey::application::UNEXPECTED_ERROR;
        let id = RequestId::current();
        // `panic!` with a literal carries a `&str`, with format arguments a `String`.
        let message = panic
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("(the panic's payload is not text)");
        tracing::error!(
            request_id = %id,
            panic = message,
            "a handler panicked; answered {code} with status {}",
            code.status(),
        );
        ErrorResponse::new(code, id.to_string(), code.description()).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_api_answers_problem_json_only_to_clients_that_list_it_or_a_wildcard() {
        for accept in [
            "application/problem+json",
            "application/*",
            "*/*",
            "APPLICATION/Problem+JSON",
            "  application/problem+json ; q=0.5  ",
            "text/html, application/xhtml+xml, */*;q=0.8",
            "application/json, application/problem+json;q=0.1",
            "application/json;q=1,*/*;q=0",
        ] {
            assert_eq!(api_media_type(Some(accept)), PROBLEM_JSON, "{accept:?}");
        }
        for accept in [
            None,
            Some(""),
            Some("application/json"),
            Some("application/json; charset=utf-8"),
            Some("text/html"),
            Some("text/*"),
            Some("application/problem+xml"),
            Some("application/problem+json-seq"),
            Some("xapplication/*"),
            Some("*/*x"),
            Some(";;q=x,,/"),
        ] {
            assert_eq!(api_media_type(accept), JSON, "{accept:?}");
        }
    }

    #[test]
    fn the_gateway_answers_json_to_programs_and_html_to_browsers() {
        for accept in [
            "application/json",
            "application/*",
            "*/*",
            "Application/JSON;q=0.2",
            " */* ",
            "text/html, application/json",
            "text/html;q=0.9, application/*;q=0.1",
        ] {
            assert!(gateway_wants_json(Some(accept)), "{accept:?}");
        }
        for accept in [
            None,
            Some(""),
            Some("text/html"),
            Some("text/html,*/*"),
            Some("TEXT/HTML;q=0.1, */*;q=0.9"),
            Some("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"),
            Some("application/problem+json"),
            Some("application/jsonx"),
            Some("text/plain"),
        ] {
            assert!(!gateway_wants_json(accept), "{accept:?}");
        }
    }

    #[test]
    fn accept_lines_are_joined_and_an_oversized_header_is_dropped() {
        let mut headers = HeaderMap::new();
        assert_eq!(capture_accept(&headers), None);
        headers.append(ACCEPT, HeaderValue::from_static("text/html"));
        assert_eq!(capture_accept(&headers).unwrap(), "text/html");
        headers.append(ACCEPT, HeaderValue::from_static("*/*;q=0.8"));
        assert_eq!(capture_accept(&headers).unwrap(), "text/html,*/*;q=0.8");

        let exactly = HeaderValue::from_str(&"a".repeat(MAX_ACCEPT_LEN)).unwrap();
        let one_more = HeaderValue::from_str(&"a".repeat(MAX_ACCEPT_LEN + 1)).unwrap();
        assert!(capture_accept(&HeaderMap::from_iter([(ACCEPT, exactly)])).is_some());
        assert_eq!(
            capture_accept(&HeaderMap::from_iter([(ACCEPT, one_more)])),
            None
        );

        let mut many = HeaderMap::new();
        for _ in 0..=(MAX_ACCEPT_LEN / 8) {
            many.append(ACCEPT, HeaderValue::from_static("*/*;q=1"));
        }
        assert_eq!(
            capture_accept(&many),
            None,
            "the lines together are too long"
        );
    }
}
