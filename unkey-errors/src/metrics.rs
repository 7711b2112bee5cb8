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
//! Each code's keys (one per surface) are statics that `catalogue!` builds, labels and hash, so
//! counting a response sent with its catalogued status allocates nothing: with no recorder
//! installed it costs the facade's check for one and a table lookup (BENCHMARKS.md).
//!
//! Counted: every error response the axum `ErrorLayer` renders
//! (a derived error, a body a handler built, a failure of the framework's that the catalogue
//! has a code for), and every gRPC status other than `OK` that
//! `grpc::ErrorLayer` sees. A framework failure the catalogue has
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

/// The labels' names, in the order every key lists them.
#[cfg(feature = "metrics")]
pub(crate) const LABEL_NAMES: [&str; 5] = ["error_type", "status", "surface", "system", "category"];

/// A code's counter keys, built at compile time by `catalogue!` (through `__metric_keys!`):
/// one for each of the API, the gateway and gRPC, in [`Channel`] order, with the status the
/// catalogue states there (0 where the code is not sent; the gRPC status's number). Not public
/// API.
#[cfg(feature = "metrics")]
#[doc(hidden)]
#[derive(Debug)]
pub struct __CodeKeys {
    pub keys: [metrics::Key; 3],
    pub statuses: [u16; 3],
}

/// A catalogue code as the counter needs it, whatever its type: its URN and its keys. What a
/// rendered report keeps of its code, so that counting it parses nothing.
#[derive(Clone, Copy, Debug)]
#[cfg_attr(not(feature = "metrics"), allow(dead_code))]
pub(crate) struct Counted {
    /// The code's type, which names its catalogue.
    #[cfg(feature = "metrics")]
    catalogue: std::any::TypeId,
    #[cfg(feature = "metrics")]
    urn: &'static str,
    #[cfg(feature = "metrics")]
    keys: Option<&'static __CodeKeys>,
}

#[cfg_attr(not(feature = "metrics"), allow(dead_code))]
impl Counted {
    #[cfg_attr(not(feature = "metrics"), allow(unused_variables))]
    pub(crate) fn of<C: ErrorCode>(code: C) -> Self {
        Counted {
            #[cfg(feature = "metrics")]
            catalogue: std::any::TypeId::of::<C>(),
            #[cfg(feature = "metrics")]
            urn: code.as_str(),
            #[cfg(feature = "metrics")]
            keys: code.__metric_keys(),
        }
    }
}

/// Counts an error response of `surface` with HTTP status `status`, whose body names the code
/// `urn` (a URN the catalogue of `C` may not define), and which is `counted` when it is a
/// catalogue's (a derived error's, or a framework failure's: then the URN is not looked up
/// again when that catalogue is `C`'s). The axum layer calls this.
#[cfg_attr(
    not(all(feature = "metrics", feature = "axum")),
    allow(unused_variables, dead_code)
)]
pub(crate) fn count_http<C: ErrorCode>(
    surface: Surface,
    counted: Option<Counted>,
    urn: &str,
    status: u16,
) {
    #[cfg(feature = "metrics")]
    {
        let channel = match surface {
            Surface::Api => Channel::Api,
            Surface::Gateway => Channel::Gateway,
        };
        let code = match counted {
            Some(counted) if counted.catalogue == std::any::TypeId::of::<C>() => Some(counted),
            _ => urn.parse::<C>().ok().map(Counted::of),
        };
        increment(code, channel, status, || status_text(status));
    }
}

/// Counts a gRPC error status numbered `grpc_status`, of the catalogue code `code` or of none.
///
/// `grpc::ErrorLayer` (the `tonic` feature) calls it for every status it sends; it is
/// public for services that send statuses some other way.
#[cfg_attr(not(feature = "metrics"), allow(unused_variables, dead_code))]
pub fn count_grpc<C: ErrorCode>(code: Option<C>, grpc_status: i32) {
    #[cfg(feature = "metrics")]
    {
        // A gRPC status number is never 0 (`OK`) for an error, so it never matches "not sent".
        let status = u16::try_from(grpc_status).unwrap_or(0);
        increment(code.map(Counted::of), Channel::Grpc, status, || {
            GrpcCode::from_number(grpc_status).map_or(OTHER, GrpcCode::as_str)
        });
    }
}

/// Where an error response was sent: the index of its key in a code's keys (see
/// `__metric_keys!`).
#[cfg(feature = "metrics")]
#[derive(Clone, Copy)]
enum Channel {
    Api = 0,
    Gateway = 1,
    Grpc = 2,
}

#[cfg(feature = "metrics")]
impl Channel {
    fn as_str(self) -> &'static str {
        ["api", "gateway", "grpc"][self as usize]
    }
}

/// Increments the counter once, for a response sent on `channel` with `status` (its number).
/// When `code` was sent with the status its catalogue states for `channel`, as nearly every
/// error response is, its key is one the catalogue built at compile time, hash included: no
/// allocation, and with no recorder installed nothing but the facade's check for one.
/// Otherwise the key's labels are listed ([`increment_listed`]), with `status_text()` as the
/// status.
#[cfg(feature = "metrics")]
fn increment(
    code: Option<Counted>,
    channel: Channel,
    status: u16,
    status_text: impl FnOnce() -> &'static str,
) {
    let channel_index = channel as usize;
    let compiled = code.and_then(|code| code.keys).filter(|keys| {
        let expected = keys.statuses[channel_index];
        expected != 0 && expected == status
    });
    if let Some(keys) = compiled {
        return increment_key(&keys.keys[channel_index]);
    }
    increment_listed(code.map(|code| code.urn), channel, status_text());
}

/// Increments the counter once, with the labels listed here: for the code `urn` (or for no
/// code of the catalogue's), sent on `channel` with the status `status_text`. Out of the way
/// of the common case, so that it stays small.
#[cfg(feature = "metrics")]
#[cold]
#[inline(never)]
fn increment_listed(urn: Option<&'static str>, channel: Channel, status_text: &'static str) {
    let (error_type, system, category) = urn.map_or((OTHER, OTHER, OTHER), |urn| {
        let mut parts = urn.splitn(4, ':').skip(1);
        let system = parts.next().unwrap_or(OTHER);
        let category = parts.next().unwrap_or(OTHER);
        (urn, system, category)
    });
    let values = [error_type, status_text, channel.as_str(), system, category];
    // Every value is `'static`: the labels copy no text.
    let labels = LABEL_NAMES
        .iter()
        .zip(values)
        .map(|(name, value)| metrics::Label::from_static_parts(name, value));
    increment_key(&metrics::Key::from_parts(
        ERROR_RESPONSES,
        labels.collect::<Vec<_>>(),
    ));
}

/// Increments the counter of `key` once, through the facade.
#[cfg(feature = "metrics")]
#[inline]
fn increment_key(key: &metrics::Key) {
    static METADATA: metrics::Metadata<'static> =
        metrics::Metadata::new(module_path!(), metrics::Level::INFO, Some(module_path!()));
    metrics::with_recorder(|recorder| recorder.register_counter(key, &METADATA)).increment(1);
}

/// `status` as a label value, without allocating: `"404"`, or [`OTHER`] outside 100–599.
#[cfg(feature = "metrics")]
#[cfg_attr(not(feature = "axum"), allow(dead_code))]
fn status_text(status: u16) -> &'static str {
    match status {
        100..=599 => crate::decimal::decimal(status.into()).unwrap_or(OTHER),
        _ => OTHER,
    }
}

#[cfg(all(test, feature = "metrics"))]
mod tests {
    use super::{LABEL_NAMES, status_text};
    use crate::{Code, ErrorCode};

    #[test]
    fn the_compiled_labels_are_those_the_counter_would_list() {
        for &code in Code::ALL {
            let compiled = code
                .__metric_keys()
                .expect("catalogue! builds every code's keys");
            let expected_statuses = [
                code.api_status().unwrap_or(0),
                code.gateway_status().unwrap_or(0),
                u16::try_from(code.grpc_code().number()).unwrap(),
            ];
            assert_eq!(compiled.statuses, expected_statuses, "{code:?}");
            let keys = &compiled.keys;
            let (system, category) = {
                let mut parts = code.as_str().split(':').skip(1);
                (parts.next().unwrap(), parts.next().unwrap())
            };
            let statuses = [
                code.api_status()
                    .map_or("_OTHER".to_owned(), |s| s.to_string()),
                code.gateway_status()
                    .map_or("_OTHER".to_owned(), |s| s.to_string()),
                code.grpc_code().as_str().to_owned(),
            ];
            for ((key, surface), status) in
                keys.iter().zip(["api", "gateway", "grpc"]).zip(statuses)
            {
                assert_eq!(key.name(), super::ERROR_RESPONSES);
                let listed: Vec<(&str, &str)> =
                    key.labels().map(|l| (l.key(), l.value())).collect();
                let values = [code.as_str(), &status, surface, system, category];
                let expected: Vec<(&str, &str)> = LABEL_NAMES.into_iter().zip(values).collect();
                assert_eq!(listed, expected, "{code:?} on {surface}");
            }
        }
    }

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
