//! The service the gRPC and metrics tests call, over gRPC and over HTTP: its handlers answer
//! with derived errors of a test catalogue (`catalogues/orders.yaml`) and of Unkey's.
//!
//! Shared, through `#[path]`, by `tests/http/test_grpc.rs` (a tonic client),
//! `tests/test_metrics.rs` and `examples/grpc-errors.rs` (the server `tests/tools/check-grpc.sh`
//! runs for Python's grpcio).
//!
//! gRPC service `test.Errors`, its messages raw bytes (no protobuf schema is needed):
//! - `Raise`: the request is `<catalogue> <urn>` (`orders err:orders:orders:not_found`); the
//!   answer is that code's error, or for `ok` the request's id as the handler saw it. The
//!   catalogue `forwarded` answers the orders error as another service's status, with that
//!   service's `RequestInfo`; `gateway err:user:bad_request:request_timeout` a gateway error.
//! - `Stream`: sends the message `first`, then ends with the error `Raise` would answer.
//!
//! HTTP: `GET /raise/<urn>` answers with the orders error for `<urn>`, or else Unkey's (behind
//! the orders catalogue's `ErrorLayer`); `POST /echo` answers
//! with the `ErrorResponse` body it was sent, whatever its `type` and status.

use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::{Buf, BufMut};
use tonic::codec::{Codec, DecodeBuf, Decoder, EncodeBuf, Encoder};
use tonic::{Request, Response, Status};
use unkey_errors::{ErrorResponse, RequestId, UnkeyError};

/// The test catalogue: a code per default gRPC status the tests read, and two of their own.
pub mod orders {
    unkey_errors::catalogue!("catalogues/orders.yaml");
}

/// Text that only a server error's internals hold: none of it may reach a client.
pub const SECRETS: [&str; 6] = [
    "db-7.internal",
    "10.0.0.7",
    "psp-secret.internal",
    "10.0.0.9",
    "inv-3.internal",
    "connection refused",
];

/// The order service's errors: one variant per code of its catalogue.
#[derive(Debug, thiserror::Error, UnkeyError)]
#[unkey(catalogue = crate::grpc_service::orders)]
pub enum OrderError {
    #[error("quantity {0} is not between 1 and 99")]
    #[unkey(code = "err:orders:request:invalid_quantity")]
    InvalidQuantity(i64),
    #[error("the request has no session")]
    #[unkey(code = "err:orders:auth:unauthenticated")]
    Unauthenticated,
    #[error("order ord_7 belongs to another account")]
    #[unkey(code = "err:orders:auth:forbidden")]
    Forbidden,
    #[error("order {0} does not exist")]
    #[unkey(code = "err:orders:orders:not_found")]
    NotFound(String),
    #[error("order {0} is archived")]
    #[unkey(code = "err:orders:orders:archived")]
    Archived(String),
    #[error("order {0} was placed already")]
    #[unkey(code = "err:orders:orders:already_placed")]
    AlreadyPlaced(String),
    #[error("order ord_7 changed since it was read")]
    #[unkey(code = "err:orders:orders:edited_concurrently")]
    EditedConcurrently,
    #[error("order ord_7 is not paid")]
    #[unkey(code = "err:orders:orders:not_paid")]
    NotPaid,
    #[error("more than 10 orders a minute")]
    #[unkey(code = "err:orders:limits:rate_limited")]
    RateLimited,
    #[error("database query failed on db-7.internal")]
    #[unkey(code = "err:orders:application:unexpected")]
    Database(#[source] io::Error),
    #[error("payment provider psp-secret.internal is down")]
    #[unkey(code = "err:orders:application:unavailable")]
    Unavailable(#[source] io::Error),
    #[error("inventory lookup on inv-3.internal took 31 s")]
    #[unkey(code = "err:orders:application:timeout")]
    Timeout,
}

impl OrderError {
    /// The error whose code is `urn`.
    pub fn for_urn(urn: &str) -> Option<OrderError> {
        Some(match urn {
            "err:orders:request:invalid_quantity" => OrderError::InvalidQuantity(120),
            "err:orders:auth:unauthenticated" => OrderError::Unauthenticated,
            "err:orders:auth:forbidden" => OrderError::Forbidden,
            "err:orders:orders:not_found" => OrderError::NotFound("ord_404".into()),
            "err:orders:orders:archived" => OrderError::Archived("ord_2019".into()),
            "err:orders:orders:already_placed" => OrderError::AlreadyPlaced("ord_1".into()),
            "err:orders:orders:edited_concurrently" => OrderError::EditedConcurrently,
            "err:orders:orders:not_paid" => OrderError::NotPaid,
            "err:orders:limits:rate_limited" => OrderError::RateLimited,
            "err:orders:application:unexpected" => {
                OrderError::Database(io::Error::other("connection refused by 10.0.0.7:5432"))
            }
            "err:orders:application:unavailable" => {
                OrderError::Unavailable(io::Error::other("TLS handshake with 10.0.0.9 failed"))
            }
            "err:orders:application:timeout" => OrderError::Timeout,
            _ => return None,
        })
    }
}

/// A sample of Unkey's codes: the common 4xx, two stated gRPC statuses, and the 5xx.
#[derive(Debug, thiserror::Error, UnkeyError)]
pub enum KeyError {
    #[error("key {0} does not exist")]
    #[unkey(code = "err:unkey:data:key_not_found")]
    KeyNotFound(String),
    #[error("root keys cannot be deleted")]
    #[unkey(code = "err:unkey:authorization:forbidden")]
    Forbidden,
    #[error("role {0} exists")]
    #[unkey(code = "err:unkey:data:role_already_exists")]
    RoleExists(String),
    #[error("workspace ws_1 sent 1000 requests this second")]
    #[unkey(code = "err:user:too_many_requests:workspace_rate_limited")]
    RateLimited,
    #[error("the request has no Authorization header")]
    #[unkey(code = "err:unkey:authentication:missing")]
    MissingAuthorization,
    #[error("the deployment is not stopped")]
    #[unkey(code = "err:unkey:application:precondition_failed")]
    PreconditionFailed,
    #[error("the query ran past 30 s")]
    #[unkey(code = "err:user:unprocessable_entity:query_execution_timeout")]
    QueryTimeout,
    #[error("the client went away")]
    #[unkey(code = "err:user:bad_request:client_closed_request")]
    ClientClosed,
    #[error("database query failed on db-7.internal")]
    #[unkey(code = "err:unkey:application:unexpected_error")]
    Unexpected(#[source] io::Error),
    #[error("payment provider psp-secret.internal is down")]
    #[unkey(code = "err:unkey:application:service_unavailable")]
    Unavailable,
}

impl KeyError {
    /// The error whose code is `urn`.
    pub fn for_urn(urn: &str) -> Option<KeyError> {
        Some(match urn {
            "err:unkey:data:key_not_found" => KeyError::KeyNotFound("key_123".into()),
            "err:unkey:authorization:forbidden" => KeyError::Forbidden,
            "err:unkey:data:role_already_exists" => KeyError::RoleExists("admin".into()),
            "err:user:too_many_requests:workspace_rate_limited" => KeyError::RateLimited,
            "err:unkey:authentication:missing" => KeyError::MissingAuthorization,
            "err:unkey:application:precondition_failed" => KeyError::PreconditionFailed,
            "err:user:unprocessable_entity:query_execution_timeout" => KeyError::QueryTimeout,
            "err:user:bad_request:client_closed_request" => KeyError::ClientClosed,
            "err:unkey:application:unexpected_error" => {
                KeyError::Unexpected(io::Error::other("connection refused by 10.0.0.7:5432"))
            }
            "err:unkey:application:service_unavailable" => KeyError::Unavailable,
            _ => return None,
        })
    }
}

/// Every URN of the Unkey sample.
pub const UNKEY_SAMPLE: [&str; 10] = [
    "err:unkey:data:key_not_found",
    "err:unkey:authorization:forbidden",
    "err:unkey:data:role_already_exists",
    "err:user:too_many_requests:workspace_rate_limited",
    "err:unkey:authentication:missing",
    "err:unkey:application:precondition_failed",
    "err:user:unprocessable_entity:query_execution_timeout",
    "err:user:bad_request:client_closed_request",
    "err:unkey:application:unexpected_error",
    "err:unkey:application:service_unavailable",
];

/// An error raised on the gateway's surface, whose code is a client error on the API (408) but
/// a server error on the gateway (504): its gateway status decides both its message and how it
/// is logged.
#[derive(Debug, thiserror::Error, UnkeyError)]
#[unkey(surface = "gateway")]
pub enum EdgeError {
    #[error("upstream inv-3.internal did not answer within 30 s")]
    #[unkey(code = "err:user:bad_request:request_timeout")]
    Timeout,
}

/// The answer to a `Raise` of `request` (`<catalogue> <urn>`, or `ok`), made with `?` as a
/// handler would.
fn raise(request: &str, id: Option<&RequestId>) -> Result<Vec<u8>, Status> {
    if request == "ok" {
        return Ok(id.map_or("", RequestId::as_str).as_bytes().to_vec());
    }
    match request.split_once(' ') {
        Some(("orders", urn)) => match OrderError::for_urn(urn) {
            Some(error) => Err(error)?,
            None => Err(Status::invalid_argument("no such orders code")),
        },
        Some(("unkey", urn)) => match KeyError::for_urn(urn) {
            Some(error) => Err(error)?,
            None => Err(Status::invalid_argument("no such unkey code")),
        },
        Some(("gateway", "err:user:bad_request:request_timeout")) => Err(EdgeError::Timeout)?,
        // A status as a service gets it back from another service behind the same layer: with
        // that other request's id in its `RequestInfo`, forwarded as it is.
        Some(("forwarded", urn)) => match OrderError::for_urn(urn) {
            Some(error) => {
                use tonic_types::StatusExt as _;
                let upstream = Status::from(error);
                let mut details = upstream.get_error_details();
                details.set_request_info("req_upstream", "");
                Err(Status::with_error_details(
                    upstream.code(),
                    upstream.message(),
                    details,
                ))
            }
            None => Err(Status::invalid_argument("no such orders code")),
        },
        _ => Err(Status::invalid_argument("send `<catalogue> <urn>`")),
    }
}

/// The messages of `test.Errors`: raw bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct RawCodec;

impl Codec for RawCodec {
    type Encode = Vec<u8>;
    type Decode = Vec<u8>;
    type Encoder = RawCodec;
    type Decoder = RawCodec;

    fn encoder(&mut self) -> RawCodec {
        RawCodec
    }

    fn decoder(&mut self) -> RawCodec {
        RawCodec
    }
}

impl Encoder for RawCodec {
    type Item = Vec<u8>;
    type Error = Status;

    fn encode(&mut self, item: Vec<u8>, dst: &mut EncodeBuf<'_>) -> Result<(), Status> {
        dst.put_slice(&item);
        Ok(())
    }
}

impl Decoder for RawCodec {
    type Item = Vec<u8>;
    type Error = Status;

    fn decode(&mut self, src: &mut DecodeBuf<'_>) -> Result<Option<Vec<u8>>, Status> {
        let mut message = vec![0; src.remaining()];
        src.copy_to_slice(&mut message);
        Ok(Some(message))
    }
}

/// The `test.Errors` service, routed by method.
#[derive(Debug, Clone, Copy, Default)]
pub struct ErrorsService;

impl tonic::server::NamedService for ErrorsService {
    const NAME: &'static str = "test.Errors";
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;
type MessageStream = tokio_stream::Iter<std::vec::IntoIter<Result<Vec<u8>, Status>>>;

impl<B> tower::Service<http::Request<B>> for ErrorsService
where
    B: http_body::Body + Send + 'static,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>> + Send,
{
    type Response = http::Response<tonic::body::Body>;
    type Error = Infallible;
    type Future = BoxFuture<Result<Self::Response, Infallible>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        Box::pin(async move {
            let mut grpc = tonic::server::Grpc::new(RawCodec);
            let response = match request.uri().path() {
                "/test.Errors/Raise" => {
                    let handler = tower::service_fn(|request: Request<Vec<u8>>| async move {
                        let text = String::from_utf8_lossy(request.get_ref()).into_owned();
                        raise(&text, request.extensions().get::<RequestId>()).map(Response::new)
                    });
                    grpc.unary(handler, request).await
                }
                "/test.Errors/Stream" => {
                    let handler = tower::service_fn(|request: Request<Vec<u8>>| async move {
                        let text = String::from_utf8_lossy(request.get_ref()).into_owned();
                        let end = raise(&text, None);
                        let messages = vec![Ok(b"first".to_vec()), end];
                        Ok::<_, Status>(Response::new(tokio_stream::iter(messages)))
                            as Result<Response<MessageStream>, Status>
                    });
                    grpc.server_streaming(handler, request).await
                }
                _ => Status::unimplemented("no such method").into_http(),
            };
            Ok(response)
        })
    }
}

/// The HTTP routes: `GET /raise/<urn>` and `POST /echo`, behind the orders catalogue's layer.
pub fn http_router() -> axum::Router {
    use axum::routing::{get, post};
    async fn raise_http(
        axum::extract::Path(urn): axum::extract::Path<String>,
    ) -> axum::response::Response {
        use axum::response::IntoResponse as _;
        match (OrderError::for_urn(&urn), KeyError::for_urn(&urn)) {
            (Some(error), _) => error.into_response(),
            (None, Some(error)) => error.into_response(),
            (None, None) => (http::StatusCode::NOT_FOUND, "no such code").into_response(),
        }
    }
    async fn echo(body: axum::body::Bytes) -> axum::response::Response {
        use axum::response::IntoResponse as _;
        match serde_json::from_slice::<ErrorResponse>(&body) {
            Ok(response) => response.into_response(),
            Err(_) => (http::StatusCode::BAD_REQUEST, "not an error body").into_response(),
        }
    }
    axum::Router::new()
        .route("/raise/{urn}", get(raise_http))
        .route("/echo", post(echo))
        .layer(unkey_errors::axum::ErrorLayer::<orders::Code>::new())
}
