//! Unkey's API errors, generated at compile time from one catalogue, `errors.yaml`.
//!
//! Every error the API can answer with is one entry of the catalogue: its URN code, HTTP status,
//! title, description, docs page. The [`catalogue!`] macro reads the file while this crate
//! compiles and generates [`Code`] (one value per entry), a constant per code under [`codes`],
//! and the tables behind every accessor. Nothing is written twice, so nothing can disagree.
//!
//! ```
//! use unkey_errors::{codes, Code, ErrorResponse};
//!
//! let code = codes::unkey::authorization::FORBIDDEN;
//! assert_eq!(code.as_str(), "err:unkey:authorization:forbidden");
//! assert_eq!(code.status(), 403);
//! assert_eq!(code.title(), "Forbidden");
//! assert_eq!(code.docs_url(), "https://unkey.com/docs/errors/unkey/authorization/forbidden");
//!
//! // Codes parse from their URN, with a hint for near misses.
//! assert_eq!("err:unkey:authorization:forbidden".parse::<Code>(), Ok(code));
//!
//! // `Code` is `#[non_exhaustive]`: a release that adds codes is a minor release, and a
//! // `match` outside this crate keeps a wildcard arm for them.
//! fn retry_later(code: Code) -> bool {
//!     match code {
//!         Code::FrontlineUpstreamGatewayTimeout | Code::UnkeyApplicationServiceUnavailable => true,
//!         _ => false,
//!     }
//! }
//! assert!(!retry_later(code));
//!
//! // The response body the API sends.
//! let body = ErrorResponse::new(code, "req_2c9a0jf23l4k567", "This operation is not allowed");
//! assert_eq!(body.error.status, 403);
//! ```
//!
//! A crate with a catalogue of its own calls the same macro, `unkey_errors::catalogue!("my-errors.yaml")`,
//! and gets its own `Code` type and `codes` module; [`ErrorCode`] is what they all share.

#![warn(missing_docs)]
// On docs.rs (see Cargo.toml), label items that need a feature with that feature.
#![cfg_attr(docsrs, feature(doc_cfg))]

// Generated code names this crate by its absolute path, including inside this crate.
extern crate self as unkey_errors;

mod any_code;
#[cfg(feature = "axum")]
pub mod axum;
mod code;
mod condition;
#[cfg(any(feature = "axum", feature = "metrics"))]
mod decimal;
pub mod envelope;
mod error;
#[cfg(any(feature = "axum", feature = "tonic"))]
mod error_chain;
mod gateway;
pub mod grpc;
#[cfg(feature = "metrics")]
pub mod metrics;
// Without the feature the layers still call it; its functions then count nothing.
#[cfg(not(feature = "metrics"))]
mod metrics;
#[cfg(any(feature = "axum", feature = "tonic"))]
mod request_id;
mod response;
#[cfg(any(feature = "axum", feature = "tonic"))]
mod std_error_probe;
mod surface;
#[cfg(feature = "utoipa")]
pub mod utoipa;

pub use any_code::{AnyCode, ParseAnyCodeError, UnknownCode};
pub use code::{ErrorCode, ParseCodeError};
pub use condition::{Condition, ParseConditionError};
pub use error::{UnkeyError, public_detail};
pub use gateway::{GatewayError, GatewayMeta, GatewayResponse, UNSENT_MESSAGE};
pub use grpc::{GrpcCode, ParseGrpcCodeError};
#[cfg(any(feature = "axum", feature = "tonic"))]
pub use request_id::RequestId;
pub use response::{CodeFacts, ErrorBody, ErrorResponse, Meta, ValidationError};
pub use surface::{ParseSurfaceError, Surface};
pub use unkey_errors_macros::UnkeyError;

/// Generates the typed API of an error catalogue in the calling module: a `Code` enum with one
/// variant per entry, its accessors, a constant per code under
/// `codes::<system>::<category>::<SPECIFIC>`, and the lookup that `#[derive(UnkeyError)]`
/// checks codes with (`#[unkey(catalogue = path::to::this::module)]`).
///
/// The path is resolved from the calling crate's directory (`CARGO_MANIFEST_DIR`). Editing the
/// file rebuilds the crate. A malformed catalogue is a compile error naming `file:line:column`
/// for every problem found. It works through a renamed dependency too
/// (`ue = { package = "unkey-errors" }`, then `ue::catalogue!(…)`).
///
/// ```ignore
/// mod errors {
///     unkey_errors::catalogue!("errors.yaml");
/// }
/// ```
#[macro_export]
macro_rules! catalogue {
    ($($input:tt)*) => {
        // `$crate` names this crate even when the dependency is renamed; the proc macro
        // cannot know that name, so it is passed along.
        $crate::__private::catalogue! { [$crate] $($input)* }
    };
}

crate::catalogue!("errors.yaml");

/// What generated code needs from this crate. Not public API: it may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::code::sealed::Sealed;
    pub use crate::code::{deserialize_code, find_urn, write_variant_path};
    #[cfg(feature = "axum")]
    pub use ::axum;
    #[cfg(feature = "metrics")]
    pub use ::metrics;
    #[cfg(feature = "tonic")]
    pub use ::tonic;
    #[cfg(feature = "utoipa")]
    pub use ::utoipa;
    pub use serde;
    pub use unkey_errors_macros::{catalogue, checked_code, unknown_code};
}

/// The error counter's keys for each code, when the `metrics` feature is on; nothing
/// otherwise. `catalogue!` calls it inside `impl ErrorCode for Code`, one line per code in
/// catalogue order: URN, system, category, gRPC status name, then the statuses it is sent with
/// on the API and the gateway (0 where it is not sent) and its gRPC status number.
///
/// The keys are statics, labels and hash computed at compile time, so counting an error
/// response with the status its catalogue states neither allocates nor hashes.
#[cfg(feature = "metrics")]
#[doc(hidden)]
#[macro_export]
macro_rules! __metric_keys {
    ($($urn:literal $system:literal $category:literal $grpc:literal
        $api:tt $gateway:tt $grpc_number:literal;)*) => {
        fn __metric_keys(self) -> ::core::option::Option<&'static $crate::metrics::__CodeKeys> {
            static KEYS: &[$crate::metrics::__CodeKeys] = &[$({
                static LABELS: [[$crate::__private::metrics::Label; 5]; 3] = [
                    $crate::__metric_keys!(
                        @labels $urn ($crate::__metric_keys!(@status $api)) "api" $system $category
                    ),
                    $crate::__metric_keys!(
                        @labels $urn ($crate::__metric_keys!(@status $gateway)) "gateway" $system
                        $category
                    ),
                    $crate::__metric_keys!(@labels $urn $grpc "grpc" $system $category),
                ];
                $crate::metrics::__CodeKeys {
                    keys: [
                        $crate::__metric_keys!(@key LABELS[0]),
                        $crate::__metric_keys!(@key LABELS[1]),
                        $crate::__metric_keys!(@key LABELS[2]),
                    ],
                    statuses: [$api, $gateway, $grpc_number],
                }
            },)*];
            KEYS.get(self as usize)
        }
    };
    // A status label: the number's text, or `_OTHER` where the code is not sent (0).
    (@status 0) => {
        $crate::metrics::OTHER
    };
    (@status $status:tt) => {
        ::core::stringify!($status)
    };
    (@key $labels:expr) => {
        $crate::__private::metrics::Key::from_static_parts($crate::metrics::ERROR_RESPONSES, &$labels)
    };
    (@labels $urn:literal $status:tt $surface:literal $system:literal $category:literal) => {
        [
            $crate::__private::metrics::Label::from_static_parts("error_type", $urn),
            $crate::__private::metrics::Label::from_static_parts("status", $status),
            $crate::__private::metrics::Label::from_static_parts("surface", $surface),
            $crate::__private::metrics::Label::from_static_parts("system", $system),
            $crate::__private::metrics::Label::from_static_parts("category", $category),
        ]
    };
}

/// The error counter's labels for each code, when the `metrics` feature is on; nothing
/// otherwise.
#[cfg(not(feature = "metrics"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __metric_keys {
    ($($anything:tt)*) => {};
}

/// `IntoResponse` for a derived error when the `axum` feature is on; nothing otherwise.
/// `#[derive(UnkeyError)]` calls it, since the derive cannot see this crate's features.
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __into_response {
    ([$($generics:tt)*] $ty:ty, [$($predicates:tt)*]) => {
        impl<$($generics)*> $crate::__private::axum::response::IntoResponse for $ty
        where
            $($predicates)*
        {
            fn into_response(self) -> $crate::__private::axum::response::Response {
                // Whether `Self` is a `std::error::Error`, without requiring it: the probe's
                // first method applies when it is, the second otherwise (see the probe's docs).
                #[allow(unused_imports)]
                use $crate::axum::__private::{IsStdError as _, NotStdError as _};
                let probe = $crate::axum::__private::Probe(&self);
                let as_error = (&probe).as_std_error();
                $crate::axum::__private::respond(&self, as_error)
            }
        }
    };
}

/// `IntoResponse` for a derived error when the `axum` feature is on; nothing otherwise.
#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __into_response {
    ($($anything:tt)*) => {};
}

/// `From<E> for tonic::Status` for a derived error when the `tonic` feature is on; nothing
/// otherwise. `#[derive(UnkeyError)]` calls it, since the derive cannot see this crate's
/// features.
#[cfg(feature = "tonic")]
#[doc(hidden)]
#[macro_export]
macro_rules! __into_status {
    ([$($generics:tt)*] $ty:ty, [$($predicates:tt)*]) => {
        impl<$($generics)*> ::core::convert::From<$ty> for $crate::__private::tonic::Status
        where
            $($predicates)*
        {
            fn from(error: $ty) -> Self {
                // Whether the error is a `std::error::Error`, for its sources in the log (see
                // the probe's docs).
                #[allow(unused_imports)]
                use $crate::grpc::__private::{IsStdError as _, NotStdError as _};
                let probe = $crate::grpc::__private::Probe(&error);
                let as_error = (&probe).as_std_error();
                $crate::grpc::__private::status(&error, as_error)
            }
        }
    };
}

/// `From<E> for tonic::Status` for a derived error when the `tonic` feature is on; nothing
/// otherwise.
#[cfg(not(feature = "tonic"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __into_status {
    ($($anything:tt)*) => {};
}

/// `utoipa::IntoResponses` for a derived error when the `utoipa` feature is on; nothing
/// otherwise. `#[derive(UnkeyError)]` calls it with the surface the type answers on and the
/// codes of its variants (see [`crate::utoipa::responses`]).
#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __into_responses {
    ([$($generics:tt)*] $ty:ty, [$($predicates:tt)*], $surface:expr, [$($code:expr),* $(,)?]) => {
        impl<$($generics)*> $crate::__private::utoipa::IntoResponses for $ty
        where
            $($predicates)*
        {
            // The codes are named here too; their use is checked (and a deprecated one warned
            // about) once, on the code string, by the derive's `code`.
            #[allow(deprecated)]
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::__private::utoipa::openapi::RefOr<
                    $crate::__private::utoipa::openapi::response::Response,
                >,
            > {
                $crate::utoipa::responses::<<Self as $crate::UnkeyError>::Code>(
                    $surface,
                    &[$($code),*],
                )
            }
        }
    };
}

/// `utoipa::IntoResponses` for a derived error when the `utoipa` feature is on; nothing otherwise.
#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __into_responses {
    ($($anything:tt)*) => {};
}
