//! `Content-Length` for the bodies the layer finishes, without an allocation.
//!
//! A header value owns its bytes, so axum's router formats every response's length into a new
//! allocation when the response has no `Content-Length`. An error body is short, so the layer
//! sets the header itself from one static string holding every length below [`STATIC_BELOW`]:
//! 38,890 bytes of read-only data, against one allocation per error response.

use axum::http::HeaderValue;

/// Lengths below this are slices of [`DIGITS`]; longer ones are formatted.
const STATIC_BELOW: usize = 10_000;

/// Where the decimal form of `n` (below [`STATIC_BELOW`]) starts in [`DIGITS`], and its width:
/// the one-digit numbers come first, then the two-digit ones, and so on.
const fn position(n: usize) -> (usize, usize) {
    match n {
        0..10 => (n, 1),
        10..100 => (10 + 2 * (n - 10), 2),
        100..1000 => (190 + 3 * (n - 100), 3),
        _ => (2890 + 4 * (n - 1000), 4),
    }
}

/// The length of [`DIGITS`]: where the first number past it would start.
const DIGITS_LEN: usize = position(STATIC_BELOW - 1).0 + 4;

/// Every number below [`STATIC_BELOW`] in decimal, one after another: `012…9101112…9999`.
static DIGIT_BYTES: [u8; DIGITS_LEN] = {
    let mut bytes = [0; DIGITS_LEN];
    let mut n = 0;
    while n < STATIC_BELOW {
        let (start, width) = position(n);
        let mut rest = n;
        let mut i = width;
        while i > 0 {
            i -= 1;
            bytes[start + i] = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        n += 1;
    }
    bytes
};

/// [`DIGIT_BYTES`] as text (ASCII digits only).
static DIGITS: &str = match std::str::from_utf8(&DIGIT_BYTES) {
    Ok(digits) => digits,
    Err(_) => panic!("the digits are ASCII"),
};

/// The `Content-Length` value of a body of `len` bytes: a static slice for an error body's
/// length, a formatted value for a longer one.
pub(super) fn content_length(len: u64) -> HeaderValue {
    match usize::try_from(len) {
        Ok(len) if len < STATIC_BELOW => {
            let (start, width) = position(len);
            HeaderValue::from_static(&DIGITS[start..start + width])
        }
        _ => HeaderValue::from(len),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_length_is_its_decimal_form() {
        for len in (0..STATIC_BELOW as u64 + 20).chain([65_536, u64::MAX]) {
            assert_eq!(content_length(len).to_str().unwrap(), len.to_string());
        }
    }
}
