//! Request ids: taken from the client's `x-request-id` or minted in Unkey's style, and kept for the responses of the request.

use std::fmt;
use std::sync::Arc;

use axum::extract::{FromRequestParts, Request};
use axum::http::header::HeaderValue;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;

use super::negotiate::capture_accept;
use super::*;

/// The longest request id accepted from a client; a longer one is replaced.
pub(super) const MAX_REQUEST_ID_LEN: usize = 128;

tokio::task_local! {
    pub(super) static CURRENT: Current;
}

/// What the [`request_id`] middleware keeps for the responses built while serving a request.
#[derive(Clone)]
pub(super) struct Current {
    pub(super) id: RequestId,
    /// The id as a header value, made once per request: an error response's `x-request-id`
    /// is then a clone of it (a reference count), not a copy.
    pub(super) header: HeaderValue,
    /// The request's `Accept` header, or `None` when it had none that is usable. Kept as the
    /// header value (a shared buffer: no copy) and read only when an error is answered.
    pub(super) accept: Option<HeaderValue>,
}

/// The id of the request being served, e.g. `req_2c9a0jf23l4k567`.
///
/// Handlers can take it as an extractor; error bodies quote it in `meta.requestId`. Shared, so
/// the copies the middleware keeps (request extension, task-local) cost no allocation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RequestId(Arc<str>);

/// How many random characters follow `req_` in a minted id.
pub(super) const MINTED_LEN: usize = 16;

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
