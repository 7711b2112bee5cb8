//! Whether a derived error is a `std::error::Error`, asked without requiring it: how the
//! generated `IntoResponse` and `From<E> for tonic::Status` reach an error's sources for the
//! log. Not public API (generated code names it through each integration's `__private`).

use std::error::Error;

/// A borrowed error, for asking whether it implements `std::error::Error` without a bound:
/// `(&probe).as_std_error()` is `Some` when it does ([`IsStdError`] applies to the
/// probe itself) and `None` otherwise ([`NotStdError`] applies to a reference to it, the
/// next candidate method resolution tries). For a generic type whose `Error` impl needs
/// bounds the impl being generated lacks, the answer is `None`.
pub struct Probe<'a, T: ?Sized>(pub &'a T);

/// The answer for an error that implements `std::error::Error`.
pub trait IsStdError<'a> {
    /// The error as a `std::error::Error`.
    fn as_std_error(&self) -> Option<&'a dyn Error>;
}

impl<'a, T: Error> IsStdError<'a> for Probe<'a, T> {
    fn as_std_error(&self) -> Option<&'a dyn Error> {
        Some(self.0)
    }
}

/// The answer for any other error.
pub trait NotStdError<'a> {
    /// `None`: the error has no sources to log.
    fn as_std_error(&self) -> Option<&'a dyn Error>;
}

impl<'a, T: ?Sized> NotStdError<'a> for &Probe<'a, T> {
    fn as_std_error(&self) -> Option<&'a dyn Error> {
        None
    }
}
