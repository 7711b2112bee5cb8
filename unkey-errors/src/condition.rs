//! The failures a web framework meets outside any handler, which a catalogue gives codes.

use std::fmt;
use std::str::FromStr;

/// A failure the framework meets outside any handler: a panic, a request no route takes, a body
/// the handler cannot use, a deadline, a client that left.
///
/// A catalogue names the code it answers each condition with in its top-level `framework`
/// mapping ([`ErrorCode::for_condition`](crate::ErrorCode::for_condition)), and the axum
/// integration's `ErrorLayer` answers each one with that code's envelope. A condition without a
/// code passes through unchanged.
///
/// `#[non_exhaustive]`: a release may recognise more conditions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Condition {
    /// A handler panicked (`framework.panic`; a 5xx code).
    Panic,
    /// No route matches the request's path (`framework.route_not_found`).
    RouteNotFound,
    /// A route matches the path but not the method (`framework.method_not_allowed`).
    MethodNotAllowed,
    /// The body is malformed JSON, JSON of the wrong shape, or of an unsupported content type
    /// (`framework.invalid_body`).
    InvalidBody,
    /// The body is larger than the service accepts (`framework.body_too_large`).
    BodyTooLarge,
    /// The body could not be read (`framework.unreadable_body`).
    UnreadableBody,
    /// The handler did not answer in time (`framework.timeout`).
    Timeout,
    /// The client went away before the answer was ready (`framework.client_closed`); nothing
    /// can be sent, so it is only logged.
    ClientClosed,
}

impl Condition {
    /// Every condition, in the order the catalogue format documents them.
    pub const ALL: [Condition; 8] = [
        Condition::Panic,
        Condition::RouteNotFound,
        Condition::MethodNotAllowed,
        Condition::InvalidBody,
        Condition::BodyTooLarge,
        Condition::UnreadableBody,
        Condition::Timeout,
        Condition::ClientClosed,
    ];

    /// The condition's key in a catalogue's `framework` mapping, e.g. `route_not_found`.
    pub const fn key(self) -> &'static str {
        match self {
            Condition::Panic => "panic",
            Condition::RouteNotFound => "route_not_found",
            Condition::MethodNotAllowed => "method_not_allowed",
            Condition::InvalidBody => "invalid_body",
            Condition::BodyTooLarge => "body_too_large",
            Condition::UnreadableBody => "unreadable_body",
            Condition::Timeout => "timeout",
            Condition::ClientClosed => "client_closed",
        }
    }
}

/// The condition's key, e.g. `route_not_found`.
impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Why a string is not a condition's key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseConditionError(String);

impl fmt::Display for ParseConditionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a framework condition; expected one of ",
            self.0
        )?;
        for (index, condition) in Condition::ALL.iter().enumerate() {
            let separator = if index == 0 { "" } else { ", " };
            write!(f, "{separator}`{condition}`")?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseConditionError {}

/// Parses a condition's key, as a catalogue's `framework` mapping writes it.
///
/// ```
/// use unkey_errors::Condition;
///
/// assert_eq!("body_too_large".parse(), Ok(Condition::BodyTooLarge));
/// assert!("too_large".parse::<Condition>().unwrap_err().to_string().contains("`body_too_large`"));
/// ```
impl FromStr for Condition {
    type Err = ParseConditionError;

    fn from_str(key: &str) -> Result<Self, Self::Err> {
        Condition::ALL
            .into_iter()
            .find(|condition| condition.key() == key)
            .ok_or_else(|| ParseConditionError(key.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_parses_back_to_its_condition() {
        for condition in Condition::ALL {
            assert_eq!(condition.to_string().parse(), Ok(condition));
        }
        assert!("Panic".parse::<Condition>().is_err());
    }
}
