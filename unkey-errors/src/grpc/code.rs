//! [`GrpcCode`]: the gRPC status a catalogue gives each of its codes.

use std::fmt;
use std::str::FromStr;

/// A gRPC status code (`google.rpc.Code`): what a code is answered with over gRPC.
///
/// Every catalogue code has one, [`ErrorCode::grpc_code`](crate::ErrorCode::grpc_code): the
/// entry's `grpc` field, or else the default for its HTTP status
/// ([`GrpcCode::for_http_status`], the table in `docs/catalogue.md`). It needs no feature; with
/// the `tonic` feature it converts to and from `tonic::Code`.
///
/// ```
/// use unkey_errors::{codes, GrpcCode};
///
/// assert_eq!(codes::unkey::data::KEY_NOT_FOUND.grpc_code(), GrpcCode::NotFound);
/// assert_eq!(GrpcCode::NotFound.as_str(), "NOT_FOUND");
/// assert_eq!(GrpcCode::NotFound.number(), 5);
/// assert_eq!("FAILED_PRECONDITION".parse(), Ok(GrpcCode::FailedPrecondition));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum GrpcCode {
    /// `OK` (0): not an error; no catalogue code has it.
    Ok,
    /// `CANCELLED` (1): the caller cancelled the operation.
    Cancelled,
    /// `UNKNOWN` (2): an error with no better code.
    Unknown,
    /// `INVALID_ARGUMENT` (3): the request is wrong whatever the system's state.
    InvalidArgument,
    /// `DEADLINE_EXCEEDED` (4): the operation did not finish in time.
    DeadlineExceeded,
    /// `NOT_FOUND` (5): a requested entity does not exist.
    NotFound,
    /// `ALREADY_EXISTS` (6): the entity a request would create exists.
    AlreadyExists,
    /// `PERMISSION_DENIED` (7): the caller may not do this.
    PermissionDenied,
    /// `RESOURCE_EXHAUSTED` (8): a quota or limit ran out.
    ResourceExhausted,
    /// `FAILED_PRECONDITION` (9): the system is not in the state the operation needs.
    FailedPrecondition,
    /// `ABORTED` (10): a concurrency conflict; retry at a higher level.
    Aborted,
    /// `OUT_OF_RANGE` (11): a value past the valid range.
    OutOfRange,
    /// `UNIMPLEMENTED` (12): the operation is not supported.
    Unimplemented,
    /// `INTERNAL` (13): an invariant of the server broke.
    Internal,
    /// `UNAVAILABLE` (14): the service cannot answer now; retrying may help.
    Unavailable,
    /// `DATA_LOSS` (15): data was lost or corrupted.
    DataLoss,
    /// `UNAUTHENTICATED` (16): the request has no valid credentials.
    Unauthenticated,
}

impl GrpcCode {
    /// Every gRPC status code, by number.
    pub const ALL: [GrpcCode; 17] = [
        GrpcCode::Ok,
        GrpcCode::Cancelled,
        GrpcCode::Unknown,
        GrpcCode::InvalidArgument,
        GrpcCode::DeadlineExceeded,
        GrpcCode::NotFound,
        GrpcCode::AlreadyExists,
        GrpcCode::PermissionDenied,
        GrpcCode::ResourceExhausted,
        GrpcCode::FailedPrecondition,
        GrpcCode::Aborted,
        GrpcCode::OutOfRange,
        GrpcCode::Unimplemented,
        GrpcCode::Internal,
        GrpcCode::Unavailable,
        GrpcCode::DataLoss,
        GrpcCode::Unauthenticated,
    ];

    /// The code's name as gRPC's libraries print it and a catalogue writes it, e.g.
    /// `FAILED_PRECONDITION`.
    pub const fn as_str(self) -> &'static str {
        match self {
            GrpcCode::Ok => "OK",
            GrpcCode::Cancelled => "CANCELLED",
            GrpcCode::Unknown => "UNKNOWN",
            GrpcCode::InvalidArgument => "INVALID_ARGUMENT",
            GrpcCode::DeadlineExceeded => "DEADLINE_EXCEEDED",
            GrpcCode::NotFound => "NOT_FOUND",
            GrpcCode::AlreadyExists => "ALREADY_EXISTS",
            GrpcCode::PermissionDenied => "PERMISSION_DENIED",
            GrpcCode::ResourceExhausted => "RESOURCE_EXHAUSTED",
            GrpcCode::FailedPrecondition => "FAILED_PRECONDITION",
            GrpcCode::Aborted => "ABORTED",
            GrpcCode::OutOfRange => "OUT_OF_RANGE",
            GrpcCode::Unimplemented => "UNIMPLEMENTED",
            GrpcCode::Internal => "INTERNAL",
            GrpcCode::Unavailable => "UNAVAILABLE",
            GrpcCode::DataLoss => "DATA_LOSS",
            GrpcCode::Unauthenticated => "UNAUTHENTICATED",
        }
    }

    /// The code's number on the wire (the `grpc-status` header), 0 to 16.
    pub const fn number(self) -> i32 {
        self as i32
    }

    /// The code numbered `number`, or `None` for a number gRPC does not define.
    pub const fn from_number(number: i32) -> Option<GrpcCode> {
        if number < 0 || number >= GrpcCode::ALL.len() as i32 {
            return None;
        }
        Some(GrpcCode::ALL[number as usize])
    }

    /// The default gRPC status of an HTTP error status, for an entry that states no `grpc`:
    /// `google.rpc.Code`'s HTTP mappings (400 `INVALID_ARGUMENT`, 401 `UNAUTHENTICATED`, 403
    /// `PERMISSION_DENIED`, 404 `NOT_FOUND`, 409 `ABORTED`, 429 `RESOURCE_EXHAUSTED`, 499
    /// `CANCELLED`, 501 `UNIMPLEMENTED`, 503 `UNAVAILABLE`, 504 `DEADLINE_EXCEEDED`), a few more
    /// (the whole table is in `docs/catalogue.md`), and otherwise `FAILED_PRECONDITION` for a
    /// client error and `INTERNAL` for a server error.
    ///
    /// ```
    /// use unkey_errors::GrpcCode;
    ///
    /// assert_eq!(GrpcCode::for_http_status(412), GrpcCode::FailedPrecondition);
    /// assert_eq!(GrpcCode::for_http_status(500), GrpcCode::Internal);
    /// ```
    pub const fn for_http_status(status: u16) -> GrpcCode {
        match status {
            400 | 406 | 411 | 414 | 415 | 422 | 431 => GrpcCode::InvalidArgument,
            401 | 407 => GrpcCode::Unauthenticated,
            403 | 451 => GrpcCode::PermissionDenied,
            404 | 410 => GrpcCode::NotFound,
            405 | 501 => GrpcCode::Unimplemented,
            408 | 504 => GrpcCode::DeadlineExceeded,
            409 => GrpcCode::Aborted,
            413 | 429 => GrpcCode::ResourceExhausted,
            416 => GrpcCode::OutOfRange,
            499 => GrpcCode::Cancelled,
            502 | 503 => GrpcCode::Unavailable,
            500.. => GrpcCode::Internal,
            _ => GrpcCode::FailedPrecondition,
        }
    }
}

impl fmt::Display for GrpcCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// A string that is not a gRPC status code's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseGrpcCodeError(String);

impl fmt::Display for ParseGrpcCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a gRPC status code; the names are OK, CANCELLED, … UNAUTHENTICATED",
            self.0
        )
    }
}

impl std::error::Error for ParseGrpcCodeError {}

/// Parses a name as gRPC spells it, `NOT_FOUND`.
impl FromStr for GrpcCode {
    type Err = ParseGrpcCodeError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        GrpcCode::ALL
            .into_iter()
            .find(|code| code.as_str() == name)
            .ok_or_else(|| ParseGrpcCodeError(name.to_owned()))
    }
}

#[cfg(feature = "tonic")]
impl From<GrpcCode> for tonic::Code {
    fn from(code: GrpcCode) -> Self {
        tonic::Code::from_i32(code.number())
    }
}

#[cfg(feature = "tonic")]
impl From<tonic::Code> for GrpcCode {
    fn from(code: tonic::Code) -> Self {
        GrpcCode::from_number(code as i32).unwrap_or(GrpcCode::Unknown)
    }
}

#[cfg(test)]
mod tests {
    use super::GrpcCode;

    #[test]
    fn numbers_and_names_round_trip() {
        for (number, code) in GrpcCode::ALL.into_iter().enumerate() {
            assert_eq!(code.number(), number as i32);
            assert_eq!(GrpcCode::from_number(code.number()), Some(code));
            assert_eq!(code.as_str().parse(), Ok(code));
        }
        assert_eq!(GrpcCode::from_number(17), None);
        assert_eq!(GrpcCode::from_number(-1), None);
        assert!("not_found".parse::<GrpcCode>().is_err());
    }
}
