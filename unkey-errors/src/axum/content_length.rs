//! `Content-Length` for the bodies the layer finishes, without an allocation.
//!
//! A header value owns its bytes, so axum's router formats every response's length into a new
//! allocation when the response has no `Content-Length`. An error body is short, so the layer
//! sets the header itself, from the crate's static decimal texts.

use axum::http::HeaderValue;

/// The `Content-Length` value of a body of `len` bytes: a static text for an error body's
/// length (below 10,000), a formatted value for a longer one.
pub(super) fn content_length(len: u64) -> HeaderValue {
    match crate::decimal::decimal(len) {
        Some(text) => HeaderValue::from_static(text),
        None => HeaderValue::from(len),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_length_is_its_decimal_form() {
        for len in (0..10_020).chain([65_536, u64::MAX]) {
            assert_eq!(content_length(len).to_str().unwrap(), len.to_string());
        }
    }
}
