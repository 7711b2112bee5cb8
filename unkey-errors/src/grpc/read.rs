//! A client's side: what a gRPC error status says of its catalogue code.

use prost::Message as _;

use super::wire;
use crate::{AnyCode, ErrorCode, GrpcCode};

/// What a gRPC error status says of its catalogue code, read back by a client: the code
/// (known to this build, or newer and kept as its URN), the request's id and the docs page.
///
/// A service built with this crate sends them in the status's details (see
/// [`into_status`](super::into_status)); any server that sends an `ErrorInfo` with the
/// catalogue's domain and a `urn` in its metadata is read the same way.
///
/// The code is checked (it parses as a URN, and is this build's or kept as unknown); the
/// message, request id and docs link are the server's text as it sent it, of any length and
/// any characters. A client that shows them, or makes the link clickable, treats them as it
/// treats any text from the network: the link's scheme is the server's choice.
///
/// ```
/// use unkey_errors::{grpc::StatusFacts, AnyCode, Code, UnkeyError};
///
/// #[derive(Debug, thiserror::Error, UnkeyError)]
/// #[error("database failure")]
/// #[unkey(code = "err:unkey:application:unexpected_error")]
/// struct Broken;
///
/// let status = tonic::Status::from(Broken);
/// let facts = StatusFacts::<Code>::from_status(&status).unwrap();
/// assert_eq!(facts.code.known().map(|code| code.status()), Some(500));
/// assert_eq!(facts.grpc_code, unkey_errors::GrpcCode::Internal);
/// // A server error's message is its code's description, never its own text.
/// assert_eq!(facts.message, status.message());
/// assert!(!facts.message.contains("database"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct StatusFacts<C: ErrorCode> {
    /// The code, from the `urn` of the status's `ErrorInfo`.
    pub code: AnyCode<C>,
    /// The status's gRPC code.
    pub grpc_code: GrpcCode,
    /// The status's message: the public detail.
    pub message: String,
    /// The request's id, from the status's `RequestInfo`, when it has one.
    pub request_id: Option<String>,
    /// The first link of the status's `Help`: the code's docs page.
    pub docs_url: Option<String>,
}

impl<C: ErrorCode> StatusFacts<C> {
    /// The facts of `status`, or `None` when its details hold no `ErrorInfo` of the catalogue's
    /// domain ([`ErrorCode::DOMAIN`]) with a well-formed `urn`: a status from another service,
    /// or one with no details at all.
    pub fn from_status(status: &tonic::Status) -> Option<Self> {
        let details = tonic_types::pb::Status::decode(status.details()).ok()?;
        let code = details
            .details
            .iter()
            .filter(|detail| detail.type_url == wire::ERROR_INFO_TYPE)
            .filter_map(|detail| tonic_types::pb::ErrorInfo::decode(detail.value.as_slice()).ok())
            .filter(|info| info.domain == C::DOMAIN)
            .find_map(|info| info.metadata.get(wire::URN_KEY)?.parse::<AnyCode<C>>().ok())?;
        let request_id = details
            .details
            .iter()
            .filter(|detail| detail.type_url == wire::REQUEST_INFO_TYPE)
            .find_map(|detail| tonic_types::pb::RequestInfo::decode(detail.value.as_slice()).ok())
            .map(|info| info.request_id);
        let docs_url = details
            .details
            .iter()
            .filter(|detail| detail.type_url == wire::HELP_TYPE)
            .filter_map(|detail| tonic_types::pb::Help::decode(detail.value.as_slice()).ok())
            .find_map(|help| help.links.into_iter().next())
            .map(|link| link.url);
        Some(StatusFacts {
            code,
            grpc_code: status.code().into(),
            message: status.message().to_owned(),
            request_id,
            docs_url,
        })
    }
}
