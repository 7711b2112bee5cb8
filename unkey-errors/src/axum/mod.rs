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

mod fallback;
mod log;
mod negotiate;
mod panic;
mod request_id;
mod respond;

use axum::http::HeaderName;

pub use fallback::{fallback, gateway_not_found};
pub use panic::{PanicResponse, catch_panic};
pub use request_id::{RequestId, request_id};
pub use respond::{__private, into_response};

/// The header that carries the request id, in and out.
pub const REQUEST_ID_HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// The media type of the API's error bodies (RFC 9457), for requests that accept it; see
/// [Content negotiation](self#content-negotiation).
pub const PROBLEM_JSON: &str = "application/problem+json";

/// The media type of JSON bodies for requests that do not accept [`PROBLEM_JSON`], and of the
/// gateway's JSON bodies.
pub(crate) const JSON: &str = "application/json";

/// The media type of the gateway's error page.
pub(crate) const HTML: &str = "text/html; charset=utf-8";

/// What the error page may load: its inline styles and nothing else. The page has no script
/// and fetches nothing, so this only stops markup that slipped past escaping from doing harm.
pub(crate) const HTML_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
