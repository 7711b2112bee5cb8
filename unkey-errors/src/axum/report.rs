//! What an error response carries to the layer that finishes it: the facts its body is made of.
//!
//! A derived error, an [`ErrorResponse`] or a [`GatewayResponse`] turned into a response
//! cannot know the request it answers: a handler's error may be built in a spawned task or by
//! another middleware. So its response is complete on its own (its body, rendered when first
//! read, has a fresh request id and the surface's default media type), and carries its
//! [`Report`] in its extensions; the [`ErrorLayer`](super::ErrorLayer) that sees it renders the
//! body for the request instead, with the request's id and the media type its `Accept` header
//! asks for, and hands those bytes to the deferred body, which sends them instead of its own.

use std::borrow::Cow;
use std::convert::Infallible;
use std::error::Error;
use std::pin::Pin;
use std::sync::{Arc, OnceLock};
use std::task::{Context, Poll};

use axum::body::{Body, Bytes, HttpBody};
use axum::http::header::{CONTENT_SECURITY_POLICY, CONTENT_TYPE, HeaderValue, VARY};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use http_body::{Frame, SizeHint};

use super::HTML_POLICY;
use super::negotiate::Representation;
use super::request_id::{RequestId, set_header};
use crate::metrics::Counted;
use crate::{
    Condition, ErrorCode, ErrorResponse, GatewayResponse, Surface, UnkeyError, ValidationError,
};

/// An error response's facts, kept in its extensions until the layer renders it.
#[derive(Debug, Clone)]
pub(crate) struct Report {
    pub(super) surface: Surface,
    /// The status on the report's surface.
    pub(super) status: u16,
    /// The URN, e.g. `err:unkey:data:key_not_found`.
    pub(super) code: Cow<'static, str>,
    /// The title on the report's surface.
    pub(super) title: Cow<'static, str>,
    pub(super) docs_url: Cow<'static, str>,
    /// The API's `detail`, or the gateway's `message`.
    pub(super) detail: Cow<'static, str>,
    /// The API's `errors` array, for codes whose body has one.
    pub(super) errors: Option<Vec<ValidationError>>,
    /// The request id the body names, when it was built with one (an [`ErrorResponse`] or
    /// [`GatewayResponse`] a handler made); otherwise the layer's id is used.
    pub(super) request_id: Option<Cow<'static, str>>,
    /// Why the response was sent, for the log.
    #[cfg_attr(not(feature = "tracing"), allow(dead_code))]
    pub(super) cause: Cause,
    /// The code as the error counter needs it, when it is a catalogue's (the `metrics`
    /// feature); a body a handler built names its code only in `code`.
    pub(super) counted: Option<Counted>,
}

/// Why an error response was sent, as the log records it.
#[derive(Debug, Clone)]
#[cfg_attr(not(feature = "tracing"), allow(dead_code))]
pub(super) enum Cause {
    /// An error's `Display` text and sources, `: `-separated; `None` when the log would not
    /// record it (its level is off, or the `tracing` feature is).
    Error(Option<String>),
    /// A body a handler built itself: there is no error behind it to describe.
    Body,
    /// A failure of the framework's, answered with the catalogue's code for it; for a panic,
    /// its message.
    Framework(Condition, Option<String>),
}

impl Report {
    /// The report of a derived (or hand-written) error: its code's facts on its surface, its
    /// public detail and problems.
    pub(super) fn for_error<E: UnkeyError + ?Sized>(
        error: &E,
        as_error: Option<&dyn Error>,
    ) -> Self {
        let code = error.code();
        let surface = error.surface();
        let status = error.status();
        let detail: Cow<'static, str> = match surface {
            Surface::Gateway => match (code.gateway_status(), code.gateway_message()) {
                (Some(_), Some(message)) => Cow::Borrowed(message),
                (Some(_), None) => owned_detail(error),
                (None, _) => Cow::Borrowed(crate::UNSENT_MESSAGE),
            },
            _ => owned_detail(error),
        };
        let errors = error.validation_errors();
        Report {
            surface,
            status,
            code: Cow::Borrowed(code.as_str()),
            title: Cow::Borrowed(error.title()),
            docs_url: Cow::Borrowed(code.docs_url()),
            detail,
            errors: (code.has_errors_array() || !errors.is_empty()).then(|| errors.to_vec()),
            request_id: None,
            cause: Cause::Error(crate::error_chain::chain_if_logged(error, as_error, status)),
            counted: Some(Counted::of(code)),
        }
    }

    /// The report of the code a catalogue answers `condition` with, and the public `detail`
    /// and problems of this occurrence.
    pub(super) fn for_condition<C: ErrorCode>(
        code: C,
        condition: Condition,
        detail: &'static str,
        errors: Vec<ValidationError>,
        panic: Option<String>,
    ) -> Self {
        // A server error says only what the catalogue says of it.
        let detail = if code.status() >= 500 {
            code.description()
        } else {
            detail
        };
        Report {
            surface: Surface::Api,
            status: code.status(),
            code: Cow::Borrowed(code.as_str()),
            title: Cow::Borrowed(code.title()),
            docs_url: Cow::Borrowed(code.docs_url()),
            detail: Cow::Borrowed(detail),
            errors: code.has_errors_array().then_some(errors),
            request_id: None,
            cause: Cause::Framework(condition, panic),
            counted: Some(Counted::of(code)),
        }
    }

    /// The report of a body a handler built: rendered as it is, in the negotiated media type.
    pub(super) fn for_body(body: &ErrorResponse) -> Self {
        let error = &body.error;
        Report {
            surface: Surface::Api,
            status: error.status,
            code: crate::any_code::split_docs_url(&error.type_url)
                .map_or(Cow::Borrowed(""), |(_, urn)| Cow::Owned(urn)),
            title: error.title.clone(),
            docs_url: error.type_url.clone(),
            detail: error.detail.clone(),
            errors: error.errors.clone(),
            request_id: Some(body.meta.request_id.clone()),
            cause: Cause::Body,
            counted: None,
        }
    }

    /// The report of a gateway body a handler built.
    pub(super) fn for_gateway_body<C: ErrorCode>(body: &GatewayResponse<C>) -> Self {
        let code = body.error.code;
        Report {
            surface: Surface::Gateway,
            status: body.status(),
            code: Cow::Borrowed(code.as_str()),
            title: Cow::Borrowed(body.title()),
            docs_url: Cow::Borrowed(code.docs_url()),
            detail: body.error.message.clone(),
            errors: None,
            request_id: Some(body.meta.request_id.clone()),
            cause: Cause::Body,
            counted: Some(Counted::of(code)),
        }
    }

    /// The report's response, complete on its own: the status, the surface's default media
    /// type (the API's problem details, the gateway's JSON), and a body rendered when it is
    /// first read, with the report's request id or a fresh one. It carries the report
    /// ([`Finish`]), so an [`ErrorLayer`](super::ErrorLayer) that sees it renders the body for
    /// the request instead and hands it to the deferred body ([`deliver`]).
    pub(super) fn into_response(self) -> Response {
        let representation = self.default_representation();
        let status = self.status_code();
        let carried = Arc::new(Carried::new(self));
        let mut response = Response::new(Body::new(Deferred {
            carried: Some(Arc::clone(&carried)),
        }));
        *response.status_mut() = status;
        set_representation(response.headers_mut(), representation, false);
        if let Some(id) = carried.report.request_id.as_deref() {
            if let Ok(id) = HeaderValue::from_str(id) {
                set_header(response.headers_mut(), &id);
            }
        }
        response.extensions_mut().insert(Finish(carried));
        response
    }

    /// The media type of the report's body where there is no request to negotiate with.
    pub(super) fn default_representation(&self) -> Representation {
        match self.surface {
            Surface::Gateway => Representation::Json,
            _ => Representation::ProblemJson,
        }
    }

    /// The report's status as a [`StatusCode`] (500 for one that is not a status).
    pub(super) fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The report's body for the request `request_id`, as `representation`.
    pub(super) fn body(&self, request_id: &str, representation: Representation) -> Vec<u8> {
        let body = match representation {
            Representation::Html => Ok(crate::gateway::page(
                self.status,
                &self.title,
                &self.detail,
                &self.code,
                &self.docs_url,
                request_id,
            )
            .into_bytes()),
            Representation::Json if self.surface == Surface::Gateway => {
                crate::response::write_gateway_body(request_id, &self.code, &self.detail)
            }
            _ => crate::response::write_body(
                request_id,
                &self.detail,
                self.status,
                &self.title,
                &self.docs_url,
                self.errors.as_deref(),
            ),
        };
        // Serializing borrowed strings and numbers into memory cannot fail; were it to, an
        // empty body is still an answer with the right status.
        body.unwrap_or_default()
    }
}

/// A report in a response's extensions: what [`ErrorLayer`](super::ErrorLayer) finishes the
/// response from. Shared with the response's [`Deferred`] body.
#[derive(Debug, Clone)]
pub(crate) struct Finish(pub(super) Arc<Carried>);

/// A report, and the body the layer rendered from it for the request.
#[derive(Debug)]
pub(crate) struct Carried {
    pub(super) report: Report,
    /// Set by the layer: what the [`Deferred`] body sends instead of rendering its own.
    rendered: OnceLock<Bytes>,
}

impl Carried {
    pub(super) fn new(report: Report) -> Self {
        Carried {
            report,
            rendered: OnceLock::new(),
        }
    }
}

/// Hands `bytes`, the body the layer rendered from `carried` for the request, to the response's
/// own `body` when that is the report's deferred body (`Ok`: send `body`); otherwise gives them
/// back for a new body (`Err`).
///
/// Only the deferred body reports an unknown length until it is given its bytes and exactly
/// their length after, and it can only be alive while the report has two owners (it and the
/// layer). So `body` is kept when the report has two owners and `body`'s length goes from
/// unknown to exactly `bytes`' when they are handed over: `body` is the deferred body, or a
/// wrapper that passes its length through. An inner layer that replaced the body, or wrapped it
/// in one of another length (a stream, a compressor), gets a new body.
pub(super) fn deliver(body: Body, carried: &Arc<Carried>, bytes: Bytes) -> Result<Body, Bytes> {
    let len = bytes.len() as u64;
    if Arc::strong_count(carried) != 2 || body.size_hint().exact().is_some() {
        return Err(bytes);
    }
    match carried.rendered.set(bytes) {
        Ok(()) if body.size_hint().exact() == Some(len) => Ok(body),
        // The deferred body is inside a body of another length, which is not sent: the new
        // body shares the bytes just set.
        Ok(()) => Err(carried.rendered.get().cloned().unwrap_or_default()),
        // Another layer rendered the report first (it kept a copy of the extensions): this
        // layer's bytes are the ones sent.
        Err(bytes) => Err(bytes),
    }
}

/// The body of a report's response: what the layer rendered for the request, or if no layer
/// did, rendered when first read, with the report's own request id or a fresh one, in the
/// surface's default media type.
struct Deferred {
    carried: Option<Arc<Carried>>,
}

impl HttpBody for Deferred {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        let Some(mut carried) = self.carried.take() else {
            return Poll::Ready(None);
        };
        // The layer has let go of the report by now, so its bytes are moved out, not shared.
        let rendered = match Arc::get_mut(&mut carried) {
            Some(only) => only.rendered.take(),
            None => carried.rendered.get().cloned(),
        };
        let body = rendered.unwrap_or_else(|| {
            let report = &carried.report;
            let minted;
            let id = match report.request_id.as_deref() {
                Some(id) => id,
                None => {
                    minted = RequestId::mint();
                    minted.as_str()
                }
            };
            Bytes::from(report.body(id, report.default_representation()))
        });
        Poll::Ready(Some(Ok(Frame::data(body))))
    }

    fn is_end_stream(&self) -> bool {
        self.carried.is_none()
    }

    fn size_hint(&self) -> SizeHint {
        let rendered = self.carried.as_ref().map(|carried| carried.rendered.get());
        match rendered {
            None => SizeHint::with_exact(0),
            Some(Some(bytes)) => SizeHint::with_exact(bytes.len() as u64),
            Some(None) => SizeHint::default(),
        }
    }
}

/// `Content-Type` for `representation`, `Vary: Accept` when it was negotiated, and for the
/// HTML page the policy that lets it use its inline styles and nothing else.
pub(super) fn set_representation(
    headers: &mut HeaderMap,
    representation: Representation,
    negotiated: bool,
) {
    const POLICY: HeaderValue = HeaderValue::from_static(HTML_POLICY);
    headers.insert(CONTENT_TYPE, representation.content_type());
    if negotiated {
        vary_on_accept(headers);
    }
    if representation == Representation::Html {
        headers.insert(CONTENT_SECURITY_POLICY, POLICY);
    }
}

/// Adds `accept` to the response's `Vary`, keeping what an inner layer listed there (a CORS
/// layer's `origin`, say: dropping it would let a cache serve one origin's answer to another).
/// `Vary` is a list (RFC 9110, section 12.5.5), so `accept` goes in a field line of its own,
/// unless a line already names it, or `*`, which covers it.
fn vary_on_accept(headers: &mut HeaderMap) {
    const ACCEPT: HeaderValue = HeaderValue::from_static("accept");
    let covered = headers.get_all(VARY).iter().any(|line| {
        line.to_str().is_ok_and(|list| {
            list.split(',').any(|name| {
                let name = name.trim();
                name == "*" || name.eq_ignore_ascii_case("accept")
            })
        })
    });
    if !covered {
        headers.append(VARY, ACCEPT);
    }
}

/// An error's public detail, owned for as long as the report lives: the catalogue's
/// description (a server error's) is borrowed, any other detail copied.
fn owned_detail<E: UnkeyError + ?Sized>(error: &E) -> Cow<'static, str> {
    let description = error.code().description();
    match error.detail() {
        Cow::Borrowed(detail) if std::ptr::eq(detail, description) => Cow::Borrowed(description),
        detail => Cow::Owned(detail.into_owned()),
    }
}
