//! [`ErrorLayer`]: the one layer that finishes every error response a service sends.

use std::convert::Infallible;
use std::fmt;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};

use axum::body::{Body, Bytes, HttpBody};
use axum::http::header::{CONTENT_ENCODING, CONTENT_LENGTH, HeaderValue};
use axum::http::response::Parts;
use axum::http::{Request, Response};
use tower_http::catch_panic::{CatchPanic, CatchPanicLayer};
use tower_http::request_id::MakeRequestId;
use tower_layer::Layer;
use tower_service::Service;

use super::content_length::content_length;
use super::framework::{MAX_TEXT, Occurrence, Verdict, classify, classify_text};
use super::log;
use super::negotiate::{capture_accept, representation};
use super::panic::{Caught, MarkPanic};
use super::replay::Replay;
use super::report::{Carried, Finish, Report, deliver, set_representation};
use super::request_id::{MakeUnkeyRequestId, assign, choose, set_header};
use crate::{Condition, ErrorCode, Surface};

/// The layer that finishes every error response of a service in its catalogue's shape.
///
/// `C` is the catalogue's code type: [`Code`](crate::Code) for Unkey's, or the `Code` a
/// crate's own `catalogue!` generated. On the way in, the layer gives the request its id: the
/// client's `x-request-id` (one header, 1 to 128 visible ASCII characters) unless
/// [`ignore_client_ids`](Self::ignore_client_ids) is set, otherwise a minted one
/// ([`MakeUnkeyRequestId`], or any [`MakeRequestId`]); the id is the request's `x-request-id`
/// and the [`RequestId`](super::RequestId) extractor's. On the way out it:
///
/// - renders every error a handler or an inner layer answered with (a derived error, an
///   [`ErrorResponse`](crate::ErrorResponse), a [`GatewayResponse`](crate::GatewayResponse))
///   with the request's id and in the media type the request's `Accept` asks for (see
///   [Content negotiation](super#content-negotiation));
/// - answers the framework's own failures with the catalogue's code for each
///   ([`ErrorCode::for_condition`]): a panic, an unmatched route or method, a body axum's
///   extractors reject (malformed, the wrong shape or content type, too large, unreadable), a
///   handler timed out by `tower_http::timeout`. A failure whose condition has no code in the
///   catalogue is sent as it is;
/// - sets the response's `x-request-id`, and logs each error response once (the `tracing`
///   feature; see [Logging](super#logging)), and a client that went away before its answer.
///
/// Add it last, so that it is the outermost layer and sees every response:
///
/// ```
/// use axum::{routing::post, Router};
/// use unkey_errors::{axum::ErrorLayer, Code};
///
/// async fn create_key(body: String) -> String {
///     body
/// }
///
/// let app: Router = Router::new()
///     .route("/v2/keys.createKey", post(create_key))
///     .layer(ErrorLayer::<Code>::new());
/// ```
pub struct ErrorLayer<C, M = MakeUnkeyRequestId> {
    make_request_id: M,
    trust_client_ids: bool,
    code: PhantomData<fn() -> C>,
}

impl<C: ErrorCode> ErrorLayer<C> {
    /// The layer for the catalogue of `C`, keeping a client's usable `x-request-id` and minting
    /// ids in Unkey's style otherwise.
    #[must_use]
    pub fn new() -> Self {
        ErrorLayer {
            make_request_id: MakeUnkeyRequestId,
            trust_client_ids: true,
            code: PhantomData,
        }
    }
}

impl<C: ErrorCode> Default for ErrorLayer<C> {
    fn default() -> Self {
        Self::new()
    }
}

impl<C, M> ErrorLayer<C, M> {
    /// Mints every request's id, whatever `x-request-id` the client sent: for a service whose
    /// ids must be its own (a client's id would otherwise appear in its logs and bodies).
    #[must_use]
    pub fn ignore_client_ids(mut self) -> Self {
        self.trust_client_ids = false;
        self
    }

    /// Mints ids with `make` instead of in Unkey's style, e.g. tower-http's `MakeRequestUuid`.
    /// An id it does not make, or makes unusable (empty, over 128 characters, not visible
    /// ASCII), is minted in Unkey's style instead.
    #[must_use]
    pub fn make_request_id<N: MakeRequestId>(self, make: N) -> ErrorLayer<C, N> {
        ErrorLayer {
            make_request_id: make,
            trust_client_ids: self.trust_client_ids,
            code: PhantomData,
        }
    }
}

impl<C, M: Clone> Clone for ErrorLayer<C, M> {
    fn clone(&self) -> Self {
        ErrorLayer {
            make_request_id: self.make_request_id.clone(),
            trust_client_ids: self.trust_client_ids,
            code: PhantomData,
        }
    }
}

impl<C, M: fmt::Debug> fmt::Debug for ErrorLayer<C, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorLayer")
            .field("catalogue", &std::any::type_name::<C>())
            .field("make_request_id", &self.make_request_id)
            .field("trust_client_ids", &self.trust_client_ids)
            .finish()
    }
}

impl<S, C, M: Clone> Layer<S> for ErrorLayer<C, M> {
    type Service = ErrorService<S, C, M>;

    fn layer(&self, inner: S) -> Self::Service {
        ErrorService {
            // Panics are caught by tower-http, next to the handlers, and answered here.
            inner: CatchPanicLayer::custom(MarkPanic).layer(inner),
            make_request_id: self.make_request_id.clone(),
            trust_client_ids: self.trust_client_ids,
            code: PhantomData,
        }
    }
}

/// The service [`ErrorLayer`] wraps a service in.
pub struct ErrorService<S, C, M = MakeUnkeyRequestId> {
    inner: CatchPanic<S, MarkPanic>,
    make_request_id: M,
    trust_client_ids: bool,
    code: PhantomData<fn() -> C>,
}

impl<S: Clone, C, M: Clone> Clone for ErrorService<S, C, M> {
    fn clone(&self) -> Self {
        ErrorService {
            inner: self.inner.clone(),
            make_request_id: self.make_request_id.clone(),
            trust_client_ids: self.trust_client_ids,
            code: PhantomData,
        }
    }
}

impl<S: fmt::Debug, C, M: fmt::Debug> fmt::Debug for ErrorService<S, C, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorService")
            .field("inner", &self.inner)
            .field("catalogue", &std::any::type_name::<C>())
            .field("make_request_id", &self.make_request_id)
            .field("trust_client_ids", &self.trust_client_ids)
            .finish()
    }
}

impl<S, C, M, ReqBody, ResBody> Service<Request<ReqBody>> for ErrorService<S, C, M>
where
    S: Service<Request<ReqBody>, Response = Response<ResBody>, Error = Infallible>,
    ResBody: HttpBody<Data = Bytes> + Send + 'static,
    ResBody::Error: Into<axum::BoxError>,
    C: ErrorCode,
    M: MakeRequestId,
{
    type Response = Response<Body>;
    type Error = Infallible;
    type Future = ResponseFuture<S::Future, C>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request<ReqBody>) -> Self::Future {
        let id = choose(&request, self.trust_client_ids, &mut self.make_request_id);
        assign(&mut request, &id);
        let accept = capture_accept(request.headers());
        ResponseFuture {
            state: State::Inner {
                future: self.inner.call(request),
            },
            request: Pending {
                id,
                accept,
                answered: false,
                client_closed: C::for_condition(Condition::ClientClosed).map(ErrorCode::as_str),
                code: PhantomData,
            },
        }
    }
}

pin_project_lite::pin_project! {
    /// The response future of [`ErrorService`].
    pub struct ResponseFuture<F, C> {
        #[pin]
        state: State<F>,
        request: Pending<C>,
    }
}

pin_project_lite::pin_project! {
    #[project = StateProjection]
    enum State<F> {
        /// The service is answering.
        Inner { #[pin] future: tower_http::catch_panic::ResponseFuture<F, MarkPanic> },
        /// A rejection's text is being read to tell which failure it is.
        Reading { parts: Option<Parts>, body: Option<Replay> },
    }
}

/// What the layer keeps of a request until its answer is ready.
struct Pending<C> {
    /// The request's id, as its header value (a shared buffer: every copy is a reference count).
    id: HeaderValue,
    accept: Option<HeaderValue>,
    /// Whether the answer was given; if the future is dropped before, the client went away.
    answered: bool,
    /// The catalogue's code for a client that went away, logged if it does.
    client_closed: Option<&'static str>,
    code: PhantomData<fn() -> C>,
}

impl<F, E, ResBody, C> Future for ResponseFuture<F, C>
where
    F: Future<Output = Result<Response<ResBody>, E>>,
    ResBody: HttpBody<Data = Bytes> + Send + 'static,
    ResBody::Error: Into<axum::BoxError>,
    C: ErrorCode,
{
    type Output = Result<Response<Body>, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        loop {
            match this.state.as_mut().project() {
                StateProjection::Inner { future } => {
                    let response = match ready!(future.poll(cx)) {
                        Ok(response) => response.map(Body::new),
                        Err(error) => {
                            this.request.answered = true;
                            return Poll::Ready(Err(error));
                        }
                    };
                    let (parts, body) = response.into_parts();
                    match this.request.finish(parts, body) {
                        Finished::Done(response) => return Poll::Ready(Ok(response)),
                        Finished::ReadText(parts, body) => this.state.set(State::Reading {
                            parts: Some(parts),
                            body: Some(Replay::new(body)),
                        }),
                    }
                }
                StateProjection::Reading { parts, body } => {
                    // A body that fails while it is read: what was read decides.
                    if let Some(body) = body.as_mut() {
                        ready!(body.poll_read(cx, MAX_TEXT));
                    }
                    let (Some(parts), Some(body)) = (parts.take(), body.take()) else {
                        panic!("`ErrorLayer`'s response future polled after it completed")
                    };
                    let text = body.start(MAX_TEXT);
                    let (condition, occurrence) =
                        classify_text(parts.status, &String::from_utf8_lossy(&text));
                    let response = match this.request.answer(parts, condition, occurrence, None) {
                        Answer::Sent(response) => response,
                        // No code for this condition: the rejection is sent as it was, every
                        // byte of it, the part read and the rest.
                        Answer::NoCode(parts) => Response::from_parts(parts, Body::new(body)),
                    };
                    return Poll::Ready(Ok(response));
                }
            }
        }
    }
}

/// What [`Pending::finish`] made of a response.
enum Finished {
    /// The response to send.
    Done(Response<Body>),
    /// A rejection whose text must be read to tell which failure it is.
    ReadText(Parts, Body),
}

/// What [`Pending::answer`] made of a failure of the framework's.
enum Answer {
    /// The envelope of the catalogue's code for it.
    Sent(Response<Body>),
    /// The catalogue has no code for it: the head to send unchanged, its request id set.
    NoCode(Parts),
}

impl<C: ErrorCode> Pending<C> {
    /// The response the service answered with, finished: rendered from its report, replaced by
    /// the catalogue's envelope for a failure of the framework's, or sent as it is.
    fn finish(&mut self, mut parts: Parts, body: Body) -> Finished {
        if let Some(Finish(carried)) = parts.extensions.remove::<Finish>() {
            self.answered = true;
            return Finished::Done(self.render(parts, &carried.report, Some((body, &carried))));
        }
        let failure = if let Some(Caught(message)) = parts.extensions.remove::<Caught>() {
            let occurrence = Occurrence {
                detail: "",
                errors: Vec::new(),
            };
            self.answer(parts, Condition::Panic, occurrence, Some(message))
        } else {
            match classify(&parts, &body) {
                Verdict::Pass => {
                    self.answered = true;
                    if !parts.headers.contains_key(super::REQUEST_ID_HEADER) {
                        set_header(&mut parts.headers, &self.id);
                    }
                    return Finished::Done(Response::from_parts(parts, body));
                }
                Verdict::Failure(condition, occurrence) => {
                    self.answer(parts, condition, occurrence, None)
                }
                Verdict::ReadText => return Finished::ReadText(parts, body),
            }
        };
        Finished::Done(match failure {
            Answer::Sent(response) => response,
            Answer::NoCode(parts) => Response::from_parts(parts, body),
        })
    }

    /// The envelope of the catalogue's code for `condition`, if it has one.
    fn answer(
        &mut self,
        mut parts: Parts,
        condition: Condition,
        occurrence: Occurrence,
        panic: Option<String>,
    ) -> Answer {
        self.answered = true;
        let Some(code) = C::for_condition(condition) else {
            set_header(&mut parts.headers, &self.id);
            return Answer::NoCode(parts);
        };
        let report =
            Report::for_condition(code, condition, occurrence.detail, occurrence.errors, panic);
        Answer::Sent(self.render(parts, &report, None))
    }

    /// `report` rendered for this request into the head `parts` (keeping its headers, such as
    /// a 405's `Allow` or an error's own `Retry-After`), and logged. `carried` is the body of a
    /// response that carried its report, and what it carried: a body a handler built with its
    /// own request id keeps its bytes (only its media type is negotiated); a deferred body is
    /// given the rendered bytes to send.
    fn render(
        &self,
        mut parts: Parts,
        report: &Report,
        carried: Option<(Body, &Arc<Carried>)>,
    ) -> Response<Body> {
        // A byte outside visible ASCII (which `to_str` refuses) spoils only its own range.
        let accept = self.accept.as_ref().map(|value| match value.to_str() {
            Ok(text) => std::borrow::Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(value.as_bytes()),
        });
        let representation = representation(report.surface, accept.as_deref());
        let id = self.id.to_str().unwrap_or_default();
        let rendered_id = report.request_id.as_deref().unwrap_or(id);
        let body = match carried {
            // The handler's own body, and its length, as they are.
            Some((body, _)) if report.surface == Surface::Api && report.request_id.is_some() => {
                body
            }
            carried => {
                parts.status = report.status_code();
                let bytes = Bytes::from(report.body(rendered_id, representation));
                let len = bytes.len() as u64;
                let delivered = match carried {
                    Some((body, carried)) => deliver(body, carried, bytes),
                    None => Err(bytes),
                };
                let body = delivered.unwrap_or_else(|bytes| {
                    // A new body: an encoding an inner layer declared for the old one (such as
                    // a compressor's) is not this one's.
                    parts.headers.remove(CONTENT_ENCODING);
                    Body::from(bytes)
                });
                // Set here, from a static value, so that axum's router does not format one.
                parts.headers.insert(CONTENT_LENGTH, content_length(len));
                body
            }
        };
        set_representation(&mut parts.headers, representation, true);
        if rendered_id == id {
            set_header(&mut parts.headers, &self.id);
        } else if let Ok(value) = HeaderValue::from_str(rendered_id) {
            set_header(&mut parts.headers, &value);
        }
        log::answered(report, rendered_id);
        let status = parts.status.as_u16();
        crate::metrics::count_http::<C>(report.surface, report.counted, &report.code, status);
        Response::from_parts(parts, body)
    }
}

/// A request whose future is dropped before its answer was ready: the client went away (the
/// server drops the future when the connection closes). Logged with the catalogue's code for
/// it, if it has one.
impl<C> Drop for Pending<C> {
    fn drop(&mut self) {
        if let (false, Some(code)) = (self.answered, self.client_closed) {
            log::client_closed(code, self.id.to_str().unwrap_or_default());
        }
    }
}
