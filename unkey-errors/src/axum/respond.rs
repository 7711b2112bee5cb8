//! Errors and bodies to responses, in their surface's shape and the negotiated media type.

use std::error::Error;

use axum::http::StatusCode;
use axum::http::header::{CONTENT_SECURITY_POLICY, CONTENT_TYPE, HeaderValue, VARY};
use axum::response::{IntoResponse, Response};

use crate::{ErrorCode, ErrorResponse, GatewayResponse, Surface, UnkeyError};

use super::log::log;
use super::negotiate::{api_media_type, gateway_wants_json, negotiate};
use super::request_id::CURRENT;
use super::*;

/// An error response: `status` (500 if it is not a status), the body as `content_type`, the
/// request id header, and `Vary: Accept` when the media type was negotiated.
pub(super) fn error_response(
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
pub(super) fn respond<E: UnkeyError + ?Sized>(error: &E, as_error: Option<&dyn Error>) -> Response {
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
