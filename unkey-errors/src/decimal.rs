//! The decimal text of small numbers as `&'static str`, sliced from one string built at compile
//! time: for header and label values that must not allocate (an error body's `Content-Length`,
//! the error counter's `status` label).

/// Numbers below this have a static text: 38,890 bytes of read-only data.
const STATIC_BELOW: usize = 10_000;

/// Where the decimal text of `n` (below [`STATIC_BELOW`]) starts in [`DIGITS`], and its width:
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

/// `n` in decimal, when it is below 10,000.
pub(crate) fn decimal(n: u64) -> Option<&'static str> {
    let n = usize::try_from(n).ok().filter(|&n| n < STATIC_BELOW)?;
    let (start, width) = position(n);
    DIGITS.get(start..start + width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_number_below_the_bound_is_its_decimal_text_and_no_other_has_one() {
        for n in 0..STATIC_BELOW as u64 {
            assert_eq!(decimal(n), Some(n.to_string().as_str()));
        }
        for n in [STATIC_BELOW as u64, 65_536, u64::MAX] {
            assert_eq!(decimal(n), None);
        }
    }
}
