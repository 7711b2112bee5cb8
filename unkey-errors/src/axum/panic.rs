//! Panics caught by tower-http's catch-panic layer, marked for [`ErrorLayer`](super::ErrorLayer).

use std::any::Any;

use axum::body::Body;
use axum::http::StatusCode;
use axum::response::Response;
use tower_http::catch_panic::ResponseForPanic;

/// What a caught panic's response carries to the layer: the panic's message, for the log.
#[derive(Debug, Clone)]
pub(super) struct Caught(pub(super) String);

/// Answers a panic with a bare 500 that carries its message ([`Caught`]): the layer then sends
/// the catalogue's code for a panic (`framework.panic`), or the bare 500 when it has none.
/// The message is logged, never sent.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct MarkPanic;

impl ResponseForPanic for MarkPanic {
    type ResponseBody = Body;

    fn response_for_panic(&mut self, panic: Box<dyn Any + Send + 'static>) -> Response {
        // `panic!` with a literal carries a `&str`, with format arguments a `String`.
        let message = panic
            .downcast_ref::<&str>()
            .map(|message| (*message).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(the panic's payload is not text)".to_owned());
        let mut response = Response::new(Body::empty());
        *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
        response.extensions_mut().insert(Caught(message));
        response
    }
}
