//! Panics answered with the catalogue's envelope instead of a dropped connection.

use std::any::Any;

use axum::response::{IntoResponse, Response};
use tower_http::catch_panic::{CatchPanicLayer, ResponseForPanic};

use crate::ErrorResponse;

use super::*;

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
