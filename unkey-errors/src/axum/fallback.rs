//! A handler for requests no route matches on a gateway.

use axum::response::{IntoResponse, Response};

use super::RequestId;
use crate::GatewayResponse;

/// A handler for requests no route matches on Unkey's gateway (`Router::fallback`):
/// `err:frontline:routing:config_not_found` (404, "No app is set up for this hostname."), as
/// JSON or as the HTML page (see [Content negotiation](super#content-negotiation)).
///
/// An API answers unknown routes through its catalogue's `framework.route_not_found` instead
/// (see [`ErrorLayer`](super::ErrorLayer)).
///
/// ```
/// use axum::Router;
/// use unkey_errors::{axum::ErrorLayer, Code};
///
/// let gateway: Router = Router::new()
///     .fallback(unkey_errors::axum::gateway_not_found)
///     .layer(ErrorLayer::<Code>::new());
/// ```
pub async fn gateway_not_found(id: RequestId) -> Response {
    let code = crate::codes::frontline::routing::CONFIG_NOT_FOUND;
    GatewayResponse::new(code, id.to_string()).into_response()
}
