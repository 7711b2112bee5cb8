//! Logging each gRPC error status once, when [`ErrorLayer`](super::ErrorLayer) sends it (the
//! `tracing` feature, which `tonic` turns on).
//!
//! One event per status of the catalogue, with `error.type` (the URN), `request_id`,
//! `rpc.grpc.status_code` (the number, OpenTelemetry's attribute) and, when the status was
//! made from an error in this request's task, `error`: the error's `Display` text and each of
//! its sources, `: `-separated. A code whose HTTP status is a server error (5xx) is logged at
//! `ERROR`, any other at `DEBUG`, as on the HTTP surface; for an error of a type marked
//! `surface = "gateway"`, the status is the gateway's, which also decided its message.

use std::error::Error;
use std::fmt;

/// An error's text and sources, carried as a status's `source` from the conversion to the
/// layer that logs it. Never sent: a status's source stays in the server. Nor printed with the
/// status: tonic's `Display` and `Debug` of a `Status` print its source's `Debug`, and a
/// service may put those in a reply (a gRPC-to-HTTP bridge, an error chain shown to a caller),
/// so the `Debug` here withholds the text. It is read with `Display`, as the layer does.
pub(crate) struct LoggedCause {
    /// The error's text and sources.
    pub(crate) text: String,
    /// The HTTP status that made the status's message (the error's, on its own surface): the
    /// log's level follows it, so a code that is a 5xx where it was raised is logged as one.
    pub(crate) status: u16,
}

impl fmt::Debug for LoggedCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("LoggedCause(withheld: logged by `grpc::ErrorLayer`)")
    }
}

impl fmt::Display for LoggedCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Error for LoggedCause {}

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
