//! Handlers for requests no route matches.

use axum::response::{IntoResponse, Response};

use crate::{ErrorCode, ErrorResponse, GatewayResponse};

use super::*;

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
