//! Errors as `tonic::Status`: the catalogue's gRPC status, the public detail, and Google's
//! rich error details.

use std::error::Error;
use std::sync::Arc;

use super::log;
use super::wire::{self, CodeDetails};
use crate::{ErrorCode, UnkeyError};

/// The `tonic::Status` of an error: its code's gRPC status
/// ([`ErrorCode::grpc_code`]); as message the public detail the HTTP surface sends
/// ([`UnkeyError::detail`]: a server error's is its code's description, never its own text);
/// and as details (AIP-193's rich error model, as `tonic-types` reads them):
///
/// - `ErrorInfo` with `reason` the URN's parts in UPPER_SNAKE_CASE
///   (`UNKEY_DATA_KEY_NOT_FOUND`), `domain` the catalogue's ([`ErrorCode::DOMAIN`]) and
///   `metadata` `{"urn": "err:unkey:data:key_not_found"}`;
/// - `Help` with one link, to the code's docs page.
///
/// [`ErrorLayer`](super::ErrorLayer) adds a `RequestInfo` with the request's id when the status
/// leaves the service. A derived error's `From<E> for tonic::Status` calls this (and also
/// keeps the error's sources for the log, which this function cannot see).
///
/// ```
/// use tonic_types::StatusExt;
/// use unkey_errors::UnkeyError;
///
/// #[derive(Debug, thiserror::Error, UnkeyError)]
/// enum KeyError {
///     #[error("key {0} does not exist")]
///     #[unkey(code = "err:unkey:data:key_not_found")]
///     NotFound(String),
/// }
///
/// let status = tonic::Status::from(KeyError::NotFound("key_123".into()));
/// assert_eq!(status.code(), tonic::Code::NotFound);
/// assert_eq!(status.message(), "key key_123 does not exist");
/// let details = status.get_error_details();
/// let info = details.error_info().unwrap();
/// assert_eq!((info.reason.as_str(), info.domain.as_str()), ("UNKEY_DATA_KEY_NOT_FOUND", "unkey.com"));
/// assert_eq!(info.metadata["urn"], "err:unkey:data:key_not_found");
/// assert_eq!(details.help().unwrap().links[0].url, "https://unkey.com/docs/errors/unkey/data/key_not_found");
/// ```
pub fn into_status<E: UnkeyError + ?Sized>(error: &E) -> tonic::Status {
    status(error, None)
}

/// What `#[derive(UnkeyError)]`'s `From<E> for tonic::Status` (the `__into_status!` macro)
/// uses. Not public API: it may change in any release.
#[doc(hidden)]
pub mod __private {
    use std::error::Error;

    use crate::UnkeyError;
    pub use crate::std_error_probe::{IsStdError, NotStdError, Probe};

    /// The status of a derived error, with its sources for the log when `as_error` is the
    /// error itself as a `std::error::Error`.
    pub fn status<E: UnkeyError + ?Sized>(
        error: &E,
        as_error: Option<&dyn Error>,
    ) -> tonic::Status {
        super::status(error, as_error)
    }
}

fn status<E: UnkeyError + ?Sized>(error: &E, as_error: Option<&dyn Error>) -> tonic::Status {
    let code = error.code();
    let grpc = code.grpc_code();
    let message = error.detail().into_owned();
    let details = wire::status(
        grpc.number(),
        &message,
        &CodeDetails {
            urn: code.as_str(),
            domain: E::Code::DOMAIN,
            docs_url: code.docs_url(),
        },
    );
    let mut status = tonic::Status::with_details(grpc.into(), message, details.into());
    // The text and sources go with the status to the layer that logs it, but only when that
    // event would be recorded: otherwise the status costs nothing more than its bytes.
    // Decided by the error's status on its own surface, as its message is.
    let http_status = error.status();
    if let Some(text) = crate::error_chain::chain_if_logged(error, as_error, http_status) {
        status.set_source(Arc::new(log::LoggedCause {
            text,
            status: http_status,
        }));
    }
    status
}
