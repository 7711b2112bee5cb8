//! Logging an answered error once, with its request id and its chain of sources.

use std::error::Error;
use std::fmt;

use crate::{ErrorCode, UnkeyError};

use super::*;

/// Logs an error answered with `status`: a server error (5xx) at `ERROR`, since nothing else
/// records its cause, and a client error at `DEBUG`, since those are the API working as meant
/// (and the busiest ones, 401 and 429, would drown the log at a higher level). See
/// [Logging](self#logging).
pub(super) fn log<E: UnkeyError + ?Sized>(
    error: &E,
    as_error: Option<&dyn Error>,
    id: &RequestId,
    status: u16,
) {
    let code = error.code();
    let chain = Chain { error, as_error };
    if status >= 500 {
        tracing::error!(
            request_id = %id,
            code = code.as_str(),
            status,
            error = %chain,
            "answered a server error",
        );
    } else {
        tracing::debug!(
            request_id = %id,
            code = code.as_str(),
            status,
            error = %chain,
            "answered a client error",
        );
    }
}

/// An error's `Display` text followed by each of its sources', `: `-separated, written as the
/// log line needs it without collecting anything first.
pub(super) struct Chain<'a, E: ?Sized> {
    error: &'a E,
    /// The same error as a `std::error::Error`, when it is one: where the sources come from.
    as_error: Option<&'a dyn Error>,
}

/// How many sources are written at most, so a chain that loops cannot hang the log.
pub(super) const MAX_SOURCES: usize = 32;

impl<E: fmt::Display + ?Sized> fmt::Display for Chain<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.error)?;
        let mut next = self.as_error.and_then(Error::source);
        for _ in 0..MAX_SOURCES {
            let Some(source) = next else { break };
            write!(f, ": {source}")?;
            next = source.source();
        }
        Ok(())
    }
}
