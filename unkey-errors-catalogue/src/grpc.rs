//! gRPC status codes: the names a catalogue writes, and the default for each HTTP status.

use std::fmt;

/// A gRPC status code (`google.rpc.Code`), as an entry's `grpc` field names it.
///
/// Every code has a gRPC status: the one its entry states (`grpc: FAILED_PRECONDITION`), or
/// else the default for its HTTP status, [`GrpcCode::for_http_status`].
///
/// ```
/// use unkey_errors_catalogue::GrpcCode;
///
/// assert_eq!(GrpcCode::from_name("FAILED_PRECONDITION"), Some(GrpcCode::FailedPrecondition));
/// assert_eq!(GrpcCode::FailedPrecondition.number(), 9);
/// assert_eq!(GrpcCode::for_http_status(409), GrpcCode::Aborted);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GrpcCode {
    /// `OK` (0): not an error; no entry may have it.
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

    /// The name a catalogue writes and gRPC's libraries print, e.g. `FAILED_PRECONDITION`.
    pub fn name(self) -> &'static str {
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

    /// The code's number on the wire (`grpc-status`), 0 to 16.
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The name of the variant of the runtime's `GrpcCode` enum, e.g. `FailedPrecondition`.
    pub fn variant_name(self) -> &'static str {
        match self {
            GrpcCode::Ok => "Ok",
            GrpcCode::Cancelled => "Cancelled",
            GrpcCode::Unknown => "Unknown",
            GrpcCode::InvalidArgument => "InvalidArgument",
            GrpcCode::DeadlineExceeded => "DeadlineExceeded",
            GrpcCode::NotFound => "NotFound",
            GrpcCode::AlreadyExists => "AlreadyExists",
            GrpcCode::PermissionDenied => "PermissionDenied",
            GrpcCode::ResourceExhausted => "ResourceExhausted",
            GrpcCode::FailedPrecondition => "FailedPrecondition",
            GrpcCode::Aborted => "Aborted",
            GrpcCode::OutOfRange => "OutOfRange",
            GrpcCode::Unimplemented => "Unimplemented",
            GrpcCode::Internal => "Internal",
            GrpcCode::Unavailable => "Unavailable",
            GrpcCode::DataLoss => "DataLoss",
            GrpcCode::Unauthenticated => "Unauthenticated",
        }
    }

    /// The code whose name is `name`, exactly as gRPC spells it (`NOT_FOUND`).
    pub fn from_name(name: &str) -> Option<GrpcCode> {
        GrpcCode::ALL.into_iter().find(|code| code.name() == name)
    }

    /// The default gRPC status of an HTTP error status: the table in `docs/catalogue.md`
    /// ("gRPC status"), which follows `google.rpc.Code`'s HTTP mappings, with each other
    /// client error `FAILED_PRECONDITION` and each other server error `INTERNAL`.
    ///
    /// The runtime's `GrpcCode::for_http_status` is the same table; a test holds them equal.
    pub fn for_http_status(status: u16) -> GrpcCode {
        GRPC_DEFAULTS
            .iter()
            .find(|(listed, _)| *listed == status)
            .map_or(
                if status >= 500 {
                    GrpcCode::Internal
                } else {
                    GrpcCode::FailedPrecondition
                },
                |(_, code)| *code,
            )
    }
}

/// The HTTP statuses whose default gRPC status is not their class's (`FAILED_PRECONDITION` for
/// a client error, `INTERNAL` for a server error), in order.
pub const GRPC_DEFAULTS: [(u16, GrpcCode); 24] = [
    (400, GrpcCode::InvalidArgument),
    (401, GrpcCode::Unauthenticated),
    (403, GrpcCode::PermissionDenied),
    (404, GrpcCode::NotFound),
    (405, GrpcCode::Unimplemented),
    (406, GrpcCode::InvalidArgument),
    (407, GrpcCode::Unauthenticated),
    (408, GrpcCode::DeadlineExceeded),
    (409, GrpcCode::Aborted),
    (410, GrpcCode::NotFound),
    (411, GrpcCode::InvalidArgument),
    (413, GrpcCode::ResourceExhausted),
    (414, GrpcCode::InvalidArgument),
    (415, GrpcCode::InvalidArgument),
    (416, GrpcCode::OutOfRange),
    (422, GrpcCode::InvalidArgument),
    (429, GrpcCode::ResourceExhausted),
    (431, GrpcCode::InvalidArgument),
    (451, GrpcCode::PermissionDenied),
    (499, GrpcCode::Cancelled),
    (501, GrpcCode::Unimplemented),
    (502, GrpcCode::Unavailable),
    (503, GrpcCode::Unavailable),
    (504, GrpcCode::DeadlineExceeded),
];

impl fmt::Display for GrpcCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_names_are_grpcs() {
        for (number, code) in GrpcCode::ALL.into_iter().enumerate() {
            assert_eq!(usize::from(code.number()), number);
            assert_eq!(GrpcCode::from_name(code.name()), Some(code));
        }
        assert_eq!(GrpcCode::Unauthenticated.number(), 16);
        assert_eq!(GrpcCode::from_name("not_found"), None);
    }

    #[test]
    fn the_defaults_follow_the_documented_table() {
        for (status, name) in [
            (400, "INVALID_ARGUMENT"),
            (401, "UNAUTHENTICATED"),
            (402, "FAILED_PRECONDITION"),
            (403, "PERMISSION_DENIED"),
            (404, "NOT_FOUND"),
            (409, "ABORTED"),
            (412, "FAILED_PRECONDITION"),
            (418, "FAILED_PRECONDITION"),
            (429, "RESOURCE_EXHAUSTED"),
            (499, "CANCELLED"),
            (500, "INTERNAL"),
            (501, "UNIMPLEMENTED"),
            (503, "UNAVAILABLE"),
            (504, "DEADLINE_EXCEEDED"),
            (599, "INTERNAL"),
        ] {
            assert_eq!(GrpcCode::for_http_status(status).name(), name, "{status}");
        }
        assert!(
            GRPC_DEFAULTS.windows(2).all(|pair| pair[0].0 < pair[1].0),
            "sorted, each status once"
        );
    }
}
