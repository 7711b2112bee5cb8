//! Logging each error response once, when the layer finishes it (the `tracing` feature).
//!
//! One event per error response, with the fields `error.type` (the code's URN, OpenTelemetry's
//! attribute for an error's type), `request_id`, `status`, and what caused it: `error` (an
//! error's `Display` text followed by each of its sources, `: `-separated), `condition` (a
//! framework failure) and `panic` (a panic's message). A server error (5xx) is logged at
//! `ERROR`, since nothing else records its cause; a client error at `DEBUG`, since those are
//! the API working as meant, and the busiest (401, 429) would drown the log at a higher level.
//! Without the `tracing` feature nothing is logged.

#[cfg(feature = "tracing")]
use super::report::Cause;
use super::report::Report;

/// Logs an error response the layer finished for the request `request_id`.
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
pub(super) fn answered(report: &Report, request_id: &str) {
    #[cfg(feature = "tracing")]
    {
        let code = report.code.as_ref();
        let status = report.status;
        macro_rules! event {
            ($level:expr, $message:literal) => {
                match &report.cause {
                    Cause::Error(chain) => tracing::event!(
                        $level,
                        error.type = %code,
                        %request_id,
                        status,
                        error = chain.as_deref().map(tracing::field::display),
                        $message,
                    ),
                    Cause::Body => tracing::event!(
                        $level,
                        error.type = %code,
                        %request_id,
                        status,
                        $message,
                    ),
                    Cause::Framework(condition, panic) => tracing::event!(
                        $level,
                        error.type = %code,
                        %request_id,
                        status,
                        condition = %condition,
                        panic = panic.as_deref().map(tracing::field::display),
                        $message,
                    ),
                }
            };
        }
        if status >= 500 {
            event!(tracing::Level::ERROR, "answered a server error");
        } else {
            event!(tracing::Level::DEBUG, "answered a client error");
        }
    }
}

/// Logs a request whose client went away before its answer was ready, with the catalogue's
/// code for that (`framework.client_closed`).
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
pub(super) fn client_closed(code: &'static str, request_id: &str) {
    #[cfg(feature = "tracing")]
    tracing::debug!(
        error.type = %code,
        %request_id,
        condition = %crate::Condition::ClientClosed,
        "the client went away before the answer was ready",
    );
}
