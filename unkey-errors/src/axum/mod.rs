//! axum integration (feature `axum`): every error response of a service in its catalogue's
//! shape, through one layer, [`ErrorLayer`].
//!
//! ```no_run
//! use axum::{routing::get, Router};
//! use unkey_errors::{axum::ErrorLayer, Code, UnkeyError};
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
//!     // Last, so that it is the outermost layer: it finishes every response.
//!     .layer(ErrorLayer::<Code>::new());
//! ```
//!
//! A derived error returned from a handler answers with its code's status, an `x-request-id`
//! header, and the envelope:
//! `{"meta":{"requestId":"req_…"},"error":{"detail":…,"status":404,"title":"Not Found","type":…}}`.
//! The layer also answers the framework's own failures (a panic, an unknown route, a body the
//! handler cannot use, a timeout) with the codes the catalogue names for them in its
//! `framework` mapping; see [`ErrorLayer`].
//!
//! # Content negotiation
//!
//! The layer picks each error body's media type from the request's `Accept` header (up to 4 KB;
//! a longer one counts as absent) as RFC 9110 (section 12.5.1) says: each type the surface can
//! send gets the quality of the most specific range that matches it, a quality of 0 rules a type
//! out, and the highest quality wins; between two equally acceptable types, the one the client
//! named more specifically wins (`text/html` over the `*/*` beside it). A range with
//! parameters matches only a body that has them: every body here is UTF-8, so
//! `application/json; charset=utf-8` matches, while `text/html;level=1` rates nothing. What the
//! RFC leaves to the server is Unkey's rule:
//!
//! - **API** ([`Surface::Api`](crate::Surface::Api), and [`ErrorResponse`](crate::ErrorResponse)):
//!   `application/problem+json` or `application/json`; on a full tie problem details, so
//!   `*/*` gets them; without the header, or when it accepts neither, `application/json`, so the
//!   SDKs that ask for plain JSON recognise the error.
//! - **Gateway** ([`Surface::Gateway`](crate::Surface::Gateway), and
//!   [`GatewayResponse`](crate::GatewayResponse)): its JSON body or its HTML page
//!   (`text/html; charset=utf-8`); on a full tie JSON, so a program's `*/*` gets JSON while a
//!   browser, which names `text/html` beside its `*/*`, gets the page; without the header, or
//!   when it accepts neither, the page.
//!
//! | `Accept` | API | gateway |
//! |---|---|---|
//! | (none) | `application/json` | HTML |
//! | `application/json` | `application/json` | JSON |
//! | `*/*` | `application/problem+json` | JSON |
//! | `application/json, text/plain, */*` (axios) | `application/json` | JSON |
//! | a browser's `text/html,…,*/*;q=0.8` | `application/problem+json` | HTML |
//! | `application/json;q=1, */*;q=0` | `application/json` | JSON |
//! | `application/problem+json;q=0, application/json` | `application/json` | JSON |
//!
//! Negotiated responses carry `Vary: Accept` (added to any `Vary` an inner layer set), so
//! caches keep the variants apart. A response
//! that never passes through the layer has no request to negotiate with: the API answers
//! `application/problem+json` and the gateway JSON.
//!
//! # Logging
//!
//! With the `tracing` feature, the layer logs every error response it finishes once: a server
//! error (5xx) at `ERROR`, a client error at `DEBUG` (the API working as meant; the busiest,
//! 401 and 429, would drown the log at a higher level). Each event has `error.type` (the code's
//! URN, OpenTelemetry's attribute for an error's type), `request_id` and `status`, and what
//! caused it: `error`, a derived error's `Display` text followed by each of its `source()`s,
//! `: `-separated (`database failure: connection reset: broken pipe`); `condition` for a
//! failure of the framework's; `panic` for a panic's message. A client that goes away before
//! its answer is ready is logged at `DEBUG` with the catalogue's `framework.client_closed` code.
//! None of it reaches the response.
//!
//! The sources are those of the error's `std::error::Error` impl (the one `thiserror` derives);
//! a derived type without one, or a generic type whose impl needs bounds the derive does not
//! add, is logged with its `Display` text alone. [`ErrorResponse`](crate::ErrorResponse) and
//! [`GatewayResponse`](crate::GatewayResponse) are bodies, not errors: they are logged with
//! their code and status only.

mod content_length;
mod fallback;
mod framework;
mod layer;
mod log;
mod negotiate;
mod panic;
mod replay;
mod report;
mod request_id;
mod respond;

use axum::http::HeaderName;

pub use fallback::gateway_not_found;
pub use layer::{ErrorLayer, ErrorService, ResponseFuture};
pub use request_id::{MakeUnkeyRequestId, RequestId};
pub use respond::{__private, into_response};

/// The header that carries the request id, in and out.
pub const REQUEST_ID_HEADER: HeaderName = crate::request_id::HEADER_NAME;

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
