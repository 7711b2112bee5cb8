//! The codes of Unkey's catalogue, listed by this crate's build script so that a derive checks
//! codes without parsing YAML. Editing `errors.yaml` reruns the build script and rebuilds
//! every crate that derives `UnkeyError`.

include!(concat!(env!("OUT_DIR"), "/unkey_codes.rs"));

/// Whether `code` is in Unkey's catalogue.
pub(crate) fn contains(code: &str) -> bool {
    CODES.contains(&code)
}

/// The codes closest to `code`, for a "did you mean" hint.
pub(crate) fn suggest(code: &str) -> Vec<&'static str> {
    unkey_errors_catalogue::closest(code, CODES.iter().copied())
}
