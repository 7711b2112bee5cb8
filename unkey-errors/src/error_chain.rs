//! An error's `Display` text and its sources, as both layers' logs record it.

use std::error::Error;

use crate::UnkeyError;

/// `error`'s text and sources, when the event that would record an error answered with
/// `status` is enabled (`ERROR` for a server error, `DEBUG` otherwise): taken while the error
/// is still there, for the event a layer emits later. `None` without the `tracing` feature.
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
pub(crate) fn chain_if_logged<E: UnkeyError + ?Sized>(
    error: &E,
    as_error: Option<&dyn Error>,
    status: u16,
) -> Option<String> {
    #[cfg(feature = "tracing")]
    {
        let enabled = if status >= 500 {
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
