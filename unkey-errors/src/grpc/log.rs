//! Logging each gRPC error status once, when [`ErrorLayer`](super::ErrorLayer) sends it (the
//! `tracing` feature, which `tonic` turns on).
//!
//! One event per status of the catalogue, with `error.type` (the URN), `request_id`,
//! `rpc.grpc.status_code` (the number, OpenTelemetry's attribute) and, when the status was
//! made from an error in this request's task, `error`: the error's `Display` text and each of
//! its sources, `: `-separated. A code whose HTTP status is a server error (5xx) is logged at
//! `ERROR`, any other at `DEBUG`, as on the HTTP surface.

use std::error::Error;
use std::fmt;

use crate::UnkeyError;

/// An error's text and sources, carried as a status's `source` from the conversion to the
/// layer that logs it. Never sent: a status's source stays in the server.
#[derive(Debug)]
pub(crate) struct LoggedCause(pub(crate) String);

impl fmt::Display for LoggedCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Error for LoggedCause {}

/// An error's text and sources, when the event that would record them is enabled.
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
pub(crate) fn chain_if_logged<E: UnkeyError + ?Sized>(
    error: &E,
    as_error: Option<&dyn Error>,
) -> Option<String> {
    #[cfg(feature = "tracing")]
    {
        let enabled = if crate::ErrorCode::status(error.code()) >= 500 {
            tracing::enabled!(tracing::Level::ERROR)
        } else {
            tracing::enabled!(tracing::Level::DEBUG)
        };
        if enabled {
            return Some(chain(error, as_error));
        }
    }
    None
}

/// How many sources are written at most, so a chain that loops cannot hang the log.
#[cfg(feature = "tracing")]
const MAX_SOURCES: usize = 32;

/// `error`'s `Display` text and each of its sources', `: `-separated.
#[cfg(feature = "tracing")]
fn chain<E: UnkeyError + ?Sized>(error: &E, as_error: Option<&dyn Error>) -> String {
    use std::fmt::Write as _;
    let mut text = error.to_string();
    let mut next = as_error.and_then(Error::source);
    for _ in 0..MAX_SOURCES {
        let Some(source) = next else { break };
        let _ = write!(text, ": {source}");
        next = source.source();
    }
    text
}

/// Logs a status of the catalogue's code `urn` sent for the request `request_id`.
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
pub(super) fn answered(
    urn: &str,
    http_status: u16,
    grpc_status: i32,
    request_id: &str,
    cause: Option<&str>,
) {
    #[cfg(feature = "tracing")]
    {
        macro_rules! event {
            ($level:expr, $message:literal) => {
                tracing::event!(
                    $level,
                    error.type = %urn,
                    %request_id,
                    rpc.grpc.status_code = grpc_status,
                    error = cause.map(tracing::field::display),
                    $message,
                )
            };
        }
        if http_status >= 500 {
            event!(tracing::Level::ERROR, "answered a server error over gRPC");
        } else {
            event!(tracing::Level::DEBUG, "answered a client error over gRPC");
        }
    }
}
