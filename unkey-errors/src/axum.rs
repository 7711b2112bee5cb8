//! axum integration (feature `axum`): errors become problem+json responses with the request's id.
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
//! A derived error returned from a handler answers with its code's status,
//! `Content-Type: application/problem+json`, an `x-request-id` header, and the envelope:
//! `{"meta":{"requestId":"req_…"},"error":{"detail":…,"status":404,"title":"Not Found","type":…}}`.
//!
//! A handler that panics is answered with the 500 envelope too when [`catch_panic`] is added
//! inside [`request_id`]; see there for the order of the layers.

use std::any::Any;
use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::extract::{FromRequestParts, Request};
use axum::http::header::{CONTENT_TYPE, HeaderValue};
use axum::http::request::Parts;
use axum::http::{HeaderName, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_http::catch_panic::{CatchPanicLayer, ResponseForPanic};

use crate::{ErrorResponse, UnkeyError};

/// The header that carries the request id, in and out.
pub const REQUEST_ID_HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// The media type of error bodies (RFC 9457).
pub const PROBLEM_JSON: &str = "application/problem+json";

/// The longest request id accepted from a client; a longer one is replaced.
const MAX_REQUEST_ID_LEN: usize = 128;

tokio::task_local! {
    static CURRENT_REQUEST_ID: RequestId;
}

/// The id of the request being served, e.g. `req_2c9a0jf23l4k567`.
///
/// Handlers can take it as an extractor; error bodies quote it in `meta.requestId`. Shared, so
/// the copies the middleware keeps (request extension, task-local) cost no allocation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RequestId(Arc<str>);

impl RequestId {
    /// A fresh id in Unkey's style: `req_` and 16 base-36 characters.
    pub fn mint() -> Self {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        use std::hash::{BuildHasher, Hasher};
        // A per-process random key (std's hasher seeds) over a counter: unique within the
        // process, unpredictable across processes, with no extra dependency.
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        let mut n = hasher.finish();
        let mut id = String::with_capacity(20);
        id.push_str("req_");
        for _ in 0..16 {
            let digit = (n % 36) as u8;
            n /= 36;
            id.push(char::from(if digit < 10 {
                b'0' + digit
            } else {
                b'a' + digit - 10
            }));
        }
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
        CURRENT_REQUEST_ID
            .try_with(Clone::clone)
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
/// serving the request, and returns it in the response's `x-request-id` header.
///
/// The client's id is kept only when the request has exactly one `x-request-id` header and it
/// is usable ([`RequestId::from_header`]); otherwise the request gets a fresh id.
pub async fn request_id(mut request: Request, next: Next) -> Response {
    // Several ids for one request are ambiguous (which one would the caller quote to
    // support?), and taking the first would let whoever added headers first decide: mint.
    let mut sent = request.headers().get_all(&REQUEST_ID_HEADER).iter();
    let id = match (sent.next(), sent.next()) {
        (Some(value), None) => RequestId::from_header(value),
        _ => None,
    }
    .unwrap_or_else(RequestId::mint);
    request.extensions_mut().insert(id.clone());
    let mut response = CURRENT_REQUEST_ID
        .scope(id.clone(), next.run(request))
        .await;
    if let Ok(value) = HeaderValue::from_str(id.as_str()) {
        response
            .headers_mut()
            .entry(REQUEST_ID_HEADER)
            .or_insert(value);
    }
    response
}

/// The response for an error: its code's status, the envelope as problem+json, and the id of
/// the current request. Derived errors' `IntoResponse` calls this.
pub fn into_response<E: UnkeyError + ?Sized>(error: &E) -> Response {
    error
        .to_response(RequestId::current().as_str())
        .into_response()
}

impl IntoResponse for ErrorResponse {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.error.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let request_id = HeaderValue::from_str(&self.meta.request_id).ok();
        let Ok(body) = serde_json::to_vec(&self) else {
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        };
        let mut response = (
            status,
            [(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON))],
            body,
        )
            .into_response();
        if let Some(request_id) = request_id {
            response.headers_mut().insert(REQUEST_ID_HEADER, request_id);
        }
        response
    }
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
