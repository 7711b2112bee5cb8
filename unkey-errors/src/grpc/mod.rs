//! gRPC: each code's status ([`GrpcCode`], always), and with the `tonic` feature, derived
//! errors as `tonic::Status` with Google's rich error model (AIP-193).
//!
//! A derived error converts into a `tonic::Status` (`From<E>`), so a handler returns it with
//! `?`. The status carries:
//!
//! | part | value |
//! |---|---|
//! | code | the code's gRPC status, [`ErrorCode::grpc_code`](crate::ErrorCode::grpc_code) (the entry's `grpc`, or the default of its HTTP status) |
//! | message | the public detail the HTTP surface sends ([`UnkeyError::detail`](crate::UnkeyError::detail)): a server error's is its code's description, never its own text |
//! | `ErrorInfo.reason` | the URN's parts after `err:` in UPPER_SNAKE_CASE, as AIP-193 asks: `UNKEY_DATA_KEY_NOT_FOUND`. Stable as long as the code is, and unique in the catalogue |
//! | `ErrorInfo.domain` | the catalogue's top-level `domain` ([`ErrorCode::DOMAIN`](crate::ErrorCode::DOMAIN)), Unkey's `unkey.com` |
//! | `ErrorInfo.metadata` | `{"urn": "err:unkey:data:key_not_found"}` |
//! | `Help` | one link, to the code's docs page |
//! | `RequestInfo` | the request's id, added by `ErrorLayer` as the status leaves |
//!
//! ```
//! use unkey_errors::UnkeyError;
//!
//! #[derive(Debug, thiserror::Error, UnkeyError)]
//! enum KeyError {
//!     #[error("key {0} does not exist")]
//!     #[unkey(code = "err:unkey:data:key_not_found")]
//!     NotFound(String),
//! }
//!
//! fn find(id: &str) -> Result<String, KeyError> {
//!     Err(KeyError::NotFound(id.to_owned()))
//! }
//!
//! // In a tonic handler, `?` turns the error into its status.
//! fn get_key(id: &str) -> Result<String, tonic::Status> {
//!     Ok(find(id)?)
//! }
//! assert_eq!(get_key("key_1").unwrap_err().code(), tonic::Code::NotFound);
//! ```
//!
//! A client reads a status back with `StatusFacts`. `ErrorLayer` gives each request its
//! id and finishes each error status: its `RequestInfo`, one log event (`tracing` feature:
//! `error.type`, `request_id`, `rpc.grpc.status_code` and for an error converted in the
//! request's task its text and sources; a code whose HTTP status is 5xx at `ERROR`, others at
//! `DEBUG`), and one count (`metrics` feature).

mod code;
#[cfg(feature = "tonic")]
mod layer;
#[cfg(feature = "tonic")]
mod log;
#[cfg(feature = "tonic")]
mod read;
#[cfg(feature = "tonic")]
mod status;
#[cfg(feature = "tonic")]
mod wire;

pub use code::{GrpcCode, ParseGrpcCodeError};
#[cfg(feature = "tonic")]
pub use layer::{ErrorLayer, ErrorService, REQUEST_ID_METADATA, ResponseBody, ResponseFuture};
#[cfg(feature = "tonic")]
pub use read::StatusFacts;
#[cfg(feature = "tonic")]
pub use status::{__private, into_status};
