//! Errors and bodies as responses: complete on their own, finished by the layer.

use std::borrow::Cow;
use std::error::Error;
use std::sync::Arc;

use axum::body::Body;
use axum::http::header::{HeaderName, HeaderValue};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::negotiate::Representation;
use super::report::{Carried, Finish, Report, set_representation};
use super::request_id::set_header;
use crate::{ErrorCode, ErrorResponse, GatewayResponse, UnkeyError};

/// The response for an error: its status, its headers ([`UnkeyError::headers`]), and its body
/// in its surface's shape ([`UnkeyError::surface`]).
///
/// Behind an [`ErrorLayer`](super::ErrorLayer), the body quotes the request's id and takes the
/// media type the request asks for, and the error is logged once. Without one, the body has a
/// fresh id and the surface's default media type (the API's `application/problem+json`, the
/// gateway's JSON).
///
/// A derived error's `IntoResponse` calls this; it also logs the error's sources, which this
/// function cannot see (it does not know whether `E` implements `std::error::Error`).
pub fn into_response<E: UnkeyError + ?Sized>(error: &E) -> Response {
    respond(error, None)
}

/// What `#[derive(UnkeyError)]`'s `IntoResponse` (the `__into_response!` macro) uses. Not
/// public API: it may change in any release.
#[doc(hidden)]
pub mod __private {
    use std::error::Error;

    use axum::response::Response;

    use crate::UnkeyError;

    /// The response for a derived error, with its sources for the log when `as_error` is the
    /// error itself as a `std::error::Error`.
    pub fn respond<E: UnkeyError + ?Sized>(error: &E, as_error: Option<&dyn Error>) -> Response {
        super::respond(error, as_error)
    }

    pub use crate::std_error_probe::{IsStdError, NotStdError, Probe};
}

fn respond<E: UnkeyError + ?Sized>(error: &E, as_error: Option<&dyn Error>) -> Response {
    let mut response = Report::for_error(error, as_error).into_response();
    add_headers(response.headers_mut(), error.headers());
    response
}

/// The error's own headers, appended (a name may repeat). The layer keeps them when it renders
/// the body. A header HTTP cannot carry (a name that is not a token, a value a field's text
/// gave a line break) is left out, and logged with the `tracing` feature.
fn add_headers(map: &mut HeaderMap, headers: Vec<(&'static str, Cow<'static, str>)>) {
    for (name, value) in headers {
        // Static names and values are used as they are, without a copy, when valid as such.
        let header_name = if name.bytes().all(is_lowercase_token) && !name.is_empty() {
            Ok(HeaderName::from_static(name))
        } else {
            HeaderName::from_bytes(name.as_bytes())
        };
        let header_value = match value {
            Cow::Borrowed(value) if value.bytes().all(is_visible) => {
                Ok(HeaderValue::from_static(value))
            }
            Cow::Borrowed(value) => HeaderValue::from_str(value),
            Cow::Owned(value) => HeaderValue::try_from(value),
        };
        match (header_name, header_value) {
            (Ok(name), Ok(value)) => {
                map.append(name, value);
            }
            #[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
            (name_result, _) => {
                #[cfg(feature = "tracing")]
                tracing::error!(
                    header = name,
                    problem = if name_result.is_err() {
                        "name"
                    } else {
                        "value"
                    },
                    "left out an error's response header that HTTP cannot carry",
                );
            }
        }
    }
}

/// A byte of a lowercase header name (RFC 9110 `tchar`), as `HeaderName::from_static` takes.
fn is_lowercase_token(byte: u8) -> bool {
    byte.is_ascii_lowercase() || byte.is_ascii_digit() || b"!#$%&'*+-.^_`|~".contains(&byte)
}

/// A byte of a header value `HeaderValue::from_static` takes: visible ASCII, space or tab.
fn is_visible(byte: u8) -> bool {
    byte == b'\t' || (b' '..=b'~').contains(&byte)
}

/// The API's answer: the body as it is (its request id, and any members a newer server added),
/// with its status, as `application/problem+json`; behind an
/// [`ErrorLayer`](super::ErrorLayer), in the media type the request asks for.
impl IntoResponse for ErrorResponse {
    fn into_response(self) -> Response {
        let Ok(bytes) = serde_json::to_vec(&self) else {
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        };
        let mut response = Response::new(Body::from(bytes));
        *response.status_mut() =
            StatusCode::from_u16(self.error.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        set_representation(response.headers_mut(), Representation::ProblemJson, false);
        if let Ok(id) = HeaderValue::from_str(&self.meta.request_id) {
            set_header(response.headers_mut(), &id);
        }
        let report = Report::for_body(&self);
        response
            .extensions_mut()
            .insert(Finish(Arc::new(Carried::new(report))));
        response
    }
}

/// The gateway's answer, with [`GatewayResponse::status`] and the body's request id: its JSON
/// body, or behind an [`ErrorLayer`](super::ErrorLayer) the HTML page when the request asks
/// for one (served with a content security policy that allows its inline styles only).
impl<C: ErrorCode> IntoResponse for GatewayResponse<C> {
    fn into_response(self) -> Response {
        Report::for_gateway_body(&self).into_response()
    }
}
