//! Counting error responses (the `metrics` feature): one counter, through the `metrics`
//! facade, incremented once per error response a layer finishes.
//!
//! The counter is [`ERROR_RESPONSES`], `error_responses_total`, a Prometheus counter name
//! (`_total`; in OpenTelemetry's terms a monotonic counter `error_responses`, unit
//! `{response}`), with five labels, each named as OpenTelemetry's attributes are once exported
//! to Prometheus:
//!
//! | label | value |
//! |---|---|
//! | `error_type` | the code's URN, e.g. `err:unkey:data:key_not_found` (OpenTelemetry's `error.type`) |
//! | `status` | the status sent: the HTTP status (`404`) on `api` and `gateway`, the gRPC status code's name (`NOT_FOUND`) on `grpc` |
//! | `surface` | `api`, `gateway` or `grpc` |
//! | `system` | the code's system, e.g. `unkey` |
//! | `category` | the code's category, e.g. `data` |
//!
//! Every value comes from the catalogue or from a fixed list, never from the request: a code
//! the catalogue does not define (a body a handler built with another `type`, a gRPC status
//! that is not the catalogue's, such as tonic's own `UNIMPLEMENTED` for an unknown method) is
//! counted as `_OTHER` (OpenTelemetry's value for an error type outside the known set) in
//! `error_type`, `system` and `category`, and a status outside 100–599 (or a gRPC number
//! outside 0–16) as `_OTHER` too. So the counter has at most one series per code and status
//! and surface, however hostile the traffic.
//!
//! Counted: every error response the axum [`ErrorLayer`](crate::axum::ErrorLayer) renders
//! (a derived error, a body a handler built, a failure of the framework's that the catalogue
//! has a code for), and every gRPC status other than `OK` that
//! [`grpc::ErrorLayer`](crate::grpc::ErrorLayer) sees. A framework failure the catalogue has
//! no code for passes the axum layer unchanged, and uncounted.
//!
//! ```
//! use metrics_util::debugging::DebuggingRecorder;
//!
//! let recorder = DebuggingRecorder::new();
//! let snapshotter = recorder.snapshotter();
//! metrics::with_local_recorder(&recorder, || {
//!     unkey_errors::metrics::count_grpc(Some(unkey_errors::codes::unkey::data::KEY_NOT_FOUND), 5);
//! });
//! let counted = snapshotter.snapshot().into_vec();
//! assert_eq!(counted[0].0.key().name(), "error_responses_total");
//! ```

#[cfg(feature = "metrics")]
use crate::GrpcCode;
use crate::{ErrorCode, Surface};

/// The name of the counter of error responses.
#[cfg_attr(not(feature = "metrics"), allow(dead_code))]
pub const ERROR_RESPONSES: &str = "error_responses_total";

/// The value of a label whose real value is outside the catalogue (OpenTelemetry's convention).
#[cfg_attr(not(feature = "metrics"), allow(dead_code))]
pub const OTHER: &str = "_OTHER";

/// Counts an error response of `surface` with HTTP status `status`, whose body names the code
/// `urn` (a URN the catalogue of `C` may not define). The axum layer calls this.
#[cfg_attr(
    not(all(feature = "metrics", feature = "axum")),
    allow(unused_variables, dead_code)
)]
pub(crate) fn count_http<C: ErrorCode>(surface: Surface, urn: &str, status: u16) {
    #[cfg(feature = "metrics")]
    increment(urn.parse::<C>().ok(), status_text(status), surface.as_str());
}

/// Counts a gRPC error status numbered `grpc_status`, of the catalogue code `code` or of none.
///
/// [`grpc::ErrorLayer`](crate::grpc::ErrorLayer) calls it for every status it sends; it is
/// public for services that send statuses some other way.
#[cfg_attr(not(feature = "metrics"), allow(unused_variables, dead_code))]
pub fn count_grpc<C: ErrorCode>(code: Option<C>, grpc_status: i32) {
    #[cfg(feature = "metrics")]
    increment(
        code,
        GrpcCode::from_number(grpc_status).map_or(OTHER, GrpcCode::as_str),
        "grpc",
    );
}

#[cfg(feature = "metrics")]
fn increment<C: ErrorCode>(code: Option<C>, status: &'static str, surface: &'static str) {
    let (error_type, system, category) = code.map_or((OTHER, OTHER, OTHER), |code| {
        let urn = code.as_str();
        let mut parts = urn.splitn(4, ':').skip(1);
        let system = parts.next().unwrap_or(OTHER);
        let category = parts.next().unwrap_or(OTHER);
        (urn, system, category)
    });
    // Every value is `'static`: the labels copy no text.
    metrics::counter!(
        ERROR_RESPONSES,
        "error_type" => error_type,
        "status" => status,
        "surface" => surface,
        "system" => system,
        "category" => category,
    )
    .increment(1);
}

/// The text of every status from 100 to 599, three ASCII digits each, built at compile time.
#[cfg(feature = "metrics")]
#[cfg_attr(not(feature = "axum"), allow(dead_code))]
static STATUS_DIGITS: [[u8; 3]; 500] = {
    let mut table = [[0u8; 3]; 500];
    let mut index = 0;
    while index < 500 {
        let status = index + 100;
        table[index] = [
            b'0' + (status / 100) as u8,
            b'0' + (status / 10 % 10) as u8,
            b'0' + (status % 10) as u8,
        ];
        index += 1;
    }
    table
};

/// `status` as a label value, without allocating: `"404"`, or [`OTHER`] outside 100–599.
#[cfg(feature = "metrics")]
#[cfg_attr(not(feature = "axum"), allow(dead_code))]
fn status_text(status: u16) -> &'static str {
    match STATUS_DIGITS.get(usize::from(status).wrapping_sub(100)) {
        Some(digits) => std::str::from_utf8(digits).unwrap_or(OTHER),
        None => OTHER,
    }
}

#[cfg(all(test, feature = "metrics"))]
mod tests {
    use super::status_text;

    #[test]
    fn statuses_are_their_digits_and_others_are_other() {
        assert_eq!(status_text(100), "100");
        assert_eq!(status_text(404), "404");
        assert_eq!(status_text(599), "599");
        assert_eq!(status_text(99), "_OTHER");
        assert_eq!(status_text(600), "_OTHER");
        assert_eq!(status_text(0), "_OTHER");
    }
}
