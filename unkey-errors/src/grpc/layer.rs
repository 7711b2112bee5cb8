//! [`ErrorLayer`]: gives each gRPC request its id and finishes every error status it answers.

use std::fmt;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use base64::Engine as _;
use http::header::{HeaderMap, HeaderName, HeaderValue};
use http::{Request, Response};
use http_body::{Body, Frame, SizeHint};
use prost::Message as _;
use tower_layer::Layer;
use tower_service::Service;

use super::log::{self, LoggedCause};
use super::wire;
use crate::request_id::{client_id, minted};
use crate::{ErrorCode, RequestId};

/// The metadata key that carries the request id, in and out: `x-request-id`.
pub const REQUEST_ID_METADATA: HeaderName = crate::request_id::HEADER_NAME;

const GRPC_STATUS: HeaderName = HeaderName::from_static("grpc-status");
const GRPC_STATUS_DETAILS: HeaderName = HeaderName::from_static("grpc-status-details-bin");

/// The layer that gives every gRPC request its id and finishes every error status of the
/// catalogue of `C` that the service answers with.
///
/// On the way in, the request's id is the client's `x-request-id` metadata (one value, 1 to
/// 128 visible ASCII characters) unless [`ignore_client_ids`](Self::ignore_client_ids) is set,
/// otherwise a minted one in Unkey's style (`req_` and 16 random `[0-9A-Za-z]`, as the axum
/// layer mints); it becomes the request's `x-request-id` metadata and a [`RequestId`] in its
/// extensions (`request.extensions().get::<RequestId>()` in a handler). On the way out, the
/// response's metadata carries `x-request-id`, and each status other than `OK` (the headers of
/// an error answered at once, or the trailers of a stream that ends in one):
///
/// - when it is the catalogue's (its `ErrorInfo` has the catalogue's domain and a URN it
///   defines), carries a `RequestInfo` detail with the request's id, and is logged once with
///   that id (the `tracing` feature; see [the module's docs](super)). A `RequestInfo` it had
///   already, such as that of a status forwarded from another service, is replaced: the
///   client's request is this one;
/// - is counted once (the `metrics` feature; see the `metrics` module).
///
/// So the id a client reads from `RequestInfo` is the one in the log.
///
/// ```no_run
/// use unkey_errors::{grpc::ErrorLayer, Code};
///
/// # async fn serve(routes: tonic::service::Routes) -> Result<(), tonic::transport::Error> {
/// tonic::transport::Server::builder()
///     .layer(ErrorLayer::<Code>::new())
///     .add_routes(routes)
///     .serve("127.0.0.1:50051".parse().unwrap())
///     .await
/// # }
/// ```
pub struct ErrorLayer<C> {
    trust_client_ids: bool,
    code: PhantomData<fn() -> C>,
}

impl<C: ErrorCode> ErrorLayer<C> {
    /// The layer for the catalogue of `C`, keeping a client's usable `x-request-id` and minting
    /// ids in Unkey's style otherwise.
    #[must_use]
    pub fn new() -> Self {
        ErrorLayer {
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

impl<C> ErrorLayer<C> {
    /// Mints every request's id, whatever `x-request-id` the client sent.
    #[must_use]
    pub fn ignore_client_ids(mut self) -> Self {
        self.trust_client_ids = false;
        self
    }
}

impl<C> Clone for ErrorLayer<C> {
    fn clone(&self) -> Self {
        ErrorLayer {
            trust_client_ids: self.trust_client_ids,
            code: PhantomData,
        }
    }
}

impl<C> fmt::Debug for ErrorLayer<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorLayer")
            .field("catalogue", &std::any::type_name::<C>())
            .field("trust_client_ids", &self.trust_client_ids)
            .finish()
    }
}

impl<S, C> Layer<S> for ErrorLayer<C> {
    type Service = ErrorService<S, C>;

    fn layer(&self, inner: S) -> Self::Service {
        ErrorService {
            inner,
            trust_client_ids: self.trust_client_ids,
            code: PhantomData,
        }
    }
}

/// The service [`ErrorLayer`] wraps a service in.
pub struct ErrorService<S, C> {
    inner: S,
    trust_client_ids: bool,
    code: PhantomData<fn() -> C>,
}

impl<S: Clone, C> Clone for ErrorService<S, C> {
    fn clone(&self) -> Self {
        ErrorService {
            inner: self.inner.clone(),
            trust_client_ids: self.trust_client_ids,
            code: PhantomData,
        }
    }
}

impl<S: fmt::Debug, C> fmt::Debug for ErrorService<S, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorService")
            .field("inner", &self.inner)
            .field("catalogue", &std::any::type_name::<C>())
            .field("trust_client_ids", &self.trust_client_ids)
            .finish()
    }
}

impl<S, C, ReqBody, ResBody> Service<Request<ReqBody>> for ErrorService<S, C>
where
    S: Service<Request<ReqBody>, Response = Response<ResBody>>,
    C: ErrorCode,
{
    type Response = Response<ResponseBody<ResBody, C>>;
    type Error = S::Error;
    type Future = ResponseFuture<S::Future, C>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request<ReqBody>) -> Self::Future {
        let id = choose(request.headers(), self.trust_client_ids);
        request
            .headers_mut()
            .insert(REQUEST_ID_METADATA, id.clone());
        // `choose` keeps only visible ASCII: always text.
        let text = id.to_str().unwrap_or_default();
        request.extensions_mut().insert(RequestId::from(text));
        ResponseFuture {
            future: self.inner.call(request),
            id: Some(id),
            code: PhantomData,
        }
    }
}

/// The id the request is served under: the client's, when trusted and the request has exactly
/// one usable `x-request-id`, else a minted one.
fn choose(headers: &HeaderMap, trust_client: bool) -> HeaderValue {
    if let Some(id) = client_id(headers, trust_client) {
        return id.clone();
    }
    // A minted id is `req_` and ASCII letters and digits: always a valid header value.
    HeaderValue::from_str(minted().as_str()).unwrap_or_else(|_| HeaderValue::from_static("req_"))
}

pin_project_lite::pin_project! {
    /// The response future of [`ErrorService`].
    pub struct ResponseFuture<F, C> {
        #[pin]
        future: F,
        id: Option<HeaderValue>,
        code: PhantomData<fn() -> C>,
    }
}

impl<F, E, ResBody, C> Future for ResponseFuture<F, C>
where
    F: Future<Output = Result<Response<ResBody>, E>>,
    C: ErrorCode,
{
    type Output = Result<Response<ResponseBody<ResBody, C>>, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let response = ready!(this.future.poll(cx))?;
        let id = this
            .id
            .take()
            .unwrap_or_else(|| HeaderValue::from_static("req_"));
        let (mut parts, body) = response.into_parts();
        // An error answered at once (a handler's `Err`) is all headers: tonic keeps the status
        // it was made from in the extensions, with the error's text for the log.
        let cause = parts
            .extensions
            .get::<tonic::Status>()
            .and_then(|status| std::error::Error::source(status))
            .and_then(|source| source.downcast_ref::<LoggedCause>())
            .map(|cause| (cause.text.as_str(), cause.status));
        let id_text = id.to_str().unwrap_or_default();
        // The cause is borrowed from the extensions while the headers are finished.
        finish::<C>(&mut parts.headers, id_text, cause);
        parts.headers.insert(REQUEST_ID_METADATA, id.clone());
        Poll::Ready(Ok(Response::from_parts(
            parts,
            ResponseBody {
                inner: body,
                id,
                code: PhantomData,
            },
        )))
    }
}

pin_project_lite::pin_project! {
    /// The response body of [`ErrorService`]: the service's, with the trailers of a stream
    /// that ends in an error status finished as the headers of an error answered at once are.
    pub struct ResponseBody<B, C> {
        #[pin]
        inner: B,
        id: HeaderValue,
        code: PhantomData<fn() -> C>,
    }
}

impl<B, C> fmt::Debug for ResponseBody<B, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseBody")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

impl<B: Body, C: ErrorCode> Body for ResponseBody<B, C> {
    type Data = B::Data;
    type Error = B::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        let this = self.project();
        let mut frame = ready!(this.inner.poll_frame(cx));
        if let Some(Ok(frame)) = &mut frame {
            if let Some(trailers) = frame.trailers_mut() {
                finish::<C>(trailers, this.id.to_str().unwrap_or_default(), None);
            }
        }
        Poll::Ready(frame)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// The status in `headers` (an error's headers or a stream's trailers), finished for the
/// request `request_id`: its `RequestInfo` added, logged and counted. A map without a status,
/// or with `OK`, is left alone.
fn finish<C: ErrorCode>(headers: &mut HeaderMap, request_id: &str, cause: Option<(&str, u16)>) {
    let Some(number) = headers
        .get(&GRPC_STATUS)
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.trim().parse::<i32>().ok())
    else {
        return;
    };
    if number == 0 {
        return;
    }
    let code = headers
        .get(&GRPC_STATUS_DETAILS)
        .and_then(|value| decode_details(value.as_bytes()))
        .and_then(|(bytes, status)| Some((catalogue_code::<C>(&status)?, bytes, status)));
    let Some((code, mut bytes, mut status)) = code else {
        crate::metrics::count_grpc::<C>(None, number);
        return;
    };
    let request_info = wire::REQUEST_INFO_TYPE;
    if status
        .details
        .iter()
        .any(|detail| detail.type_url == request_info)
    {
        // Another request's id (a status forwarded from the service this one called): the
        // client's request, and the log's id, is this one.
        status
            .details
            .retain(|detail| detail.type_url != request_info);
        bytes = status.encode_to_vec();
    }
    wire::append_request_info(&mut bytes, request_id);
    let encoded = BASE64.encode(&bytes);
    if let Ok(value) = HeaderValue::from_str(&encoded) {
        headers.insert(GRPC_STATUS_DETAILS, value);
    }
    // The status the error's message was made for when it came with its cause (a gateway
    // error's own); otherwise the code's.
    let http_status = cause.map_or(code.status(), |(_, status)| status);
    log::answered(
        code.as_str(),
        http_status,
        number,
        request_id,
        cause.map(|(text, _)| text),
    );
    crate::metrics::count_grpc(Some(code), number);
}

/// `grpc-status-details-bin` as tonic writes it (standard base64 without padding), read
/// padded or not.
const BASE64: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    base64::engine::GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
);

/// The bytes of a `grpc-status-details-bin` value and the `google.rpc.Status` they hold.
fn decode_details(value: &[u8]) -> Option<(Vec<u8>, tonic_types::pb::Status)> {
    let bytes = BASE64.decode(value).ok()?;
    let status = tonic_types::pb::Status::decode(bytes.as_slice()).ok()?;
    Some((bytes, status))
}

/// The catalogue code a status's `ErrorInfo` names: the first `ErrorInfo` whose domain is the
/// catalogue's and whose `urn` the catalogue defines.
pub(super) fn catalogue_code<C: ErrorCode>(status: &tonic_types::pb::Status) -> Option<C> {
    status
        .details
        .iter()
        .filter(|detail| detail.type_url == wire::ERROR_INFO_TYPE)
        .filter_map(|detail| tonic_types::pb::ErrorInfo::decode(detail.value.as_slice()).ok())
        .filter(|info| info.domain == C::DOMAIN)
        .find_map(|info| info.metadata.get(wire::URN_KEY)?.parse().ok())
}
