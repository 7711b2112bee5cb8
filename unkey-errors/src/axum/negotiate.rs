//! Content negotiation: which media type an error body takes, from the request's `Accept` header.
//!
//! RFC 9110, section 12.5.1: each media type the server can send gets the quality of the most
//! specific range of the header that matches it (`application/json` before `application/*`
//! before `*/*`); a quality of 0 means "not acceptable"; the highest quality wins. The RFC
//! leaves ties to the server: between two equally acceptable types, the one the client named
//! more specifically wins (`text/html` over the `*/*` beside it), then the surface's own
//! preference. What a request without the header gets is Unkey's rule.

use axum::http::HeaderMap;
use axum::http::header::{ACCEPT, HeaderValue};

use super::{HTML, JSON, PROBLEM_JSON};
use crate::Surface;

/// The longest `Accept` header (all of its lines together) that responses negotiate on; a
/// longer one is treated as absent, so a hostile header costs a bounded scan.
pub(super) const MAX_ACCEPT_LEN: usize = 4096;

/// The request's `Accept` header, if it has a usable one. Several `Accept` lines are one list
/// (RFC 9110, section 5.3), so they are joined; past [`MAX_ACCEPT_LEN`] in all, none is kept.
pub(super) fn capture_accept(headers: &HeaderMap) -> Option<HeaderValue> {
    let mut lines = headers.get_all(ACCEPT).iter();
    let first = lines.next()?;
    let Some(second) = lines.next() else {
        return (first.len() <= MAX_ACCEPT_LEN).then(|| first.clone());
    };
    let mut joined = first.as_bytes().to_vec();
    for line in std::iter::once(second).chain(lines) {
        if joined.len() + 1 + line.len() > MAX_ACCEPT_LEN {
            return None;
        }
        joined.push(b',');
        joined.extend_from_slice(line.as_bytes());
    }
    HeaderValue::from_bytes(&joined).ok()
}

/// The body a surface answers with, in the media type negotiated for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Representation {
    /// The API's envelope as `application/problem+json`.
    ProblemJson,
    /// The API's envelope, or the gateway's JSON body, as `application/json`.
    Json,
    /// The gateway's HTML error page.
    Html,
}

impl Representation {
    /// The `Content-Type` the representation is sent with.
    pub(super) fn content_type(self) -> HeaderValue {
        // Constants, so that no response checks the text again.
        const PROBLEM_JSON_VALUE: HeaderValue = HeaderValue::from_static(PROBLEM_JSON);
        const JSON_VALUE: HeaderValue = HeaderValue::from_static(JSON);
        const HTML_VALUE: HeaderValue = HeaderValue::from_static(HTML);
        match self {
            Representation::ProblemJson => PROBLEM_JSON_VALUE,
            Representation::Json => JSON_VALUE,
            Representation::Html => HTML_VALUE,
        }
    }
}

/// The representation `surface` answers a request with, whose `Accept` header is `accept`
/// (`None`: the request has none, or none that is usable).
///
/// - **API**: `application/problem+json` or `application/json`, whichever the header rates
///   higher, or names more specifically; on a full tie problem details (so `*/*` gets them);
///   without a header, or when the header accepts neither, `application/json` (what Unkey's
///   SDKs ask for and expect) unless the header rules it out with `q=0`.
/// - **Gateway**: its JSON body or its HTML page, whichever the header rates higher, or names
///   more specifically (so a browser's `text/html` beats the `*/*` beside it); on a full tie
///   JSON (so `*/*` from a program gets JSON); without a header, or when the header accepts
///   neither, the page unless the header rules it out with `q=0`.
pub(super) fn representation(surface: Surface, accept: Option<&str>) -> Representation {
    // Each surface's types, in the order it prefers them on a tie, and what it sends when the
    // header accepts none of them.
    let (candidates, fallback): (&[(Representation, &str)], Representation) = match surface {
        Surface::Gateway => (
            &[
                (Representation::Json, JSON),
                (Representation::Html, "text/html"),
            ],
            Representation::Html,
        ),
        _ => (
            &[
                (Representation::ProblemJson, PROBLEM_JSON),
                (Representation::Json, JSON),
            ],
            Representation::Json,
        ),
    };
    let Some(accept) = accept else {
        return fallback;
    };
    let mut best: Option<(Representation, (u16, u8))> = None;
    let mut excluded = [false; 2];
    for (index, &(representation, media_type)) in candidates.iter().enumerate() {
        let Some(rating) = rating(accept, media_type) else {
            continue;
        };
        excluded[index] = rating.0 == 0;
        // Strictly better: a full tie keeps the earlier, preferred type.
        if rating.0 > 0 && best.is_none_or(|(_, best)| rating > best) {
            best = Some((representation, rating));
        }
    }
    if let Some((representation, _)) = best {
        return representation;
    }
    // Nothing the header lists is acceptable: RFC 9110 lets the server send its default
    // rather than a 406, which would hide the error. But a type the client ruled out with
    // `q=0` is never sent while the other is not ruled out too.
    let ruled_out = |wanted: Representation| {
        candidates
            .iter()
            .zip(excluded)
            .any(|(&(representation, _), excluded)| representation == wanted && excluded)
    };
    if ruled_out(fallback) {
        if let Some(&(other, _)) = candidates
            .iter()
            .find(|&&(representation, _)| representation != fallback && !ruled_out(representation))
        {
            return other;
        }
    }
    fallback
}

/// The most ranges of one header that are looked at; the rest are ignored, so a header of
/// thousands of tiny ranges costs a bounded scan.
const MAX_RANGES: usize = 64;

/// The quality (0 to 1000, in thousandths) `accept` gives `media_type` (`type/subtype`,
/// lowercase): that of the most specific range matching it, or 0 when none does.
#[cfg(test)]
fn quality(accept: &str, media_type: &str) -> u16 {
    rating(accept, media_type).map_or(0, |(quality, _)| quality)
}

/// The quality (0 to 1000, in thousandths) `accept` gives `media_type` (`type/subtype`,
/// lowercase), and how specifically it names it (3 the type with parameters, 2 the type,
/// 1 `type/*`, 0 `*/*`): those of the most specific range matching it, or `None` when no
/// range does.
///
/// A range with parameters matches only a representation that has them (RFC 9110, section
/// 12.5.1: `text/html;level=1` does not rate a plain `text/html`). Every body sent here is
/// UTF-8 (JSON is by definition, the page says so), so `charset=utf-8` is the one parameter
/// they all have; a range with any other (`level=1`, `v=2`) rates none of them.
fn rating(accept: &str, media_type: &str) -> Option<(u16, u8)> {
    let (type_, _) = media_type.split_once('/').unwrap_or((media_type, ""));
    // (specificity, quality) of the most specific match so far.
    let mut best: Option<(u8, u16)> = None;
    for range in accept.split(',').take(MAX_RANGES) {
        let Some(range) = MediaRange::parse(range) else {
            continue;
        };
        if !range.parameters_held {
            continue;
        }
        let specificity = if range.essence.eq_ignore_ascii_case(media_type) {
            2 + u8::from(range.has_parameters)
        } else if range.essence.len() == type_.len() + 2
            && range.essence.ends_with("/*")
            && range.essence[..type_.len()].eq_ignore_ascii_case(type_)
        {
            1
        } else if range.essence == "*/*" {
            0
        } else {
            continue;
        };
        if best.is_none_or(|(s, _)| specificity > s) {
            best = Some((specificity, range.quality));
        }
    }
    best.map(|(specificity, quality)| (quality, specificity))
}

/// One range of an `Accept` header: `type/subtype`, whether it has parameters besides its
/// weight, whether every one of those is one the bodies sent here have (`charset=utf-8`), and
/// its weight.
struct MediaRange<'a> {
    essence: &'a str,
    has_parameters: bool,
    parameters_held: bool,
    quality: u16,
}

impl<'a> MediaRange<'a> {
    /// Reads `text/html;level=1;q=0.5`; `None` for a range that is malformed (no `/`, an
    /// unreadable weight), which is then ignored as RFC 9110 lets a recipient do.
    fn parse(range: &'a str) -> Option<Self> {
        let mut parts = range.split(';');
        let essence = parts.next()?.trim();
        let (type_, subtype) = essence.split_once('/')?;
        if type_.is_empty() || subtype.is_empty() || (type_ == "*" && subtype != "*") {
            return None;
        }
        let mut has_parameters = false;
        let mut parameters_held = true;
        let mut quality = 1000;
        for parameter in parts {
            // An empty parameter (`text/html;` or `;;`) is allowed, and says nothing
            // (RFC 9110, section 5.6.6).
            if parameter.trim().is_empty() {
                continue;
            }
            let (name, value) = parameter.split_once('=')?;
            let name = name.trim();
            if name.eq_ignore_ascii_case("q") {
                quality = weight(value.trim())?;
                // Parameters after the weight are extensions of the weight, not of the type.
                break;
            }
            has_parameters = true;
            let value = value.trim();
            let value = value
                .strip_prefix('"')
                .and_then(|quoted| quoted.strip_suffix('"'))
                .unwrap_or(value);
            parameters_held &=
                name.eq_ignore_ascii_case("charset") && value.eq_ignore_ascii_case("utf-8");
        }
        Some(MediaRange {
            essence,
            has_parameters,
            parameters_held,
            quality,
        })
    }
}

/// A weight (`qvalue`, RFC 9110 section 12.4.2): `0` to `1` with at most three decimals, in
/// thousandths; `None` when it is not one.
fn weight(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = fraction
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(3)
        .fold(0u16, |n, digit| n * 10 + u16::from(digit - b'0'));
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_are_read_as_rfc_9110_writes_them() {
        for (text, expected) in [
            ("1", Some(1000)),
            ("1.000", Some(1000)),
            ("0", Some(0)),
            ("0.5", Some(500)),
            ("0.05", Some(50)),
            ("0.001", Some(1)),
            ("0.", Some(0)),
            ("1.001", None),
            ("0.0001", None),
            ("2", None),
            ("-1", None),
            ("", None),
            ("0.x", None),
        ] {
            assert_eq!(weight(text), expected, "{text:?}");
        }
    }

    #[test]
    fn the_most_specific_range_decides_a_types_quality() {
        // RFC 9110's own example: the range with `level=1` names a representation not sent
        // here, so the plain `text/html` gets the quality of the range that names it.
        let accept = "text/*;q=0.3, text/html;q=0.7, text/html;level=1, */*;q=0.5";
        assert_eq!(quality(accept, "text/html"), 700);
        assert_eq!(quality("text/html;level=1, text/*;q=0.2", "text/html"), 200);
        // `charset=utf-8` (any case, quoted or not) is every body's, and more specific.
        assert_eq!(
            quality("application/json;charset=utf-8;q=0.8, */*", JSON),
            800
        );
        assert_eq!(
            quality("*/*, application/json; Charset=\"UTF-8\"; q=0.4", JSON),
            400
        );
        assert_eq!(quality("application/json;charset=latin1", JSON), 0);
        // A type ruled out stays ruled out whatever a range with other parameters says.
        assert_eq!(
            quality("application/json;q=0, application/json;v=2", JSON),
            0
        );
        assert_eq!(quality(accept, "text/plain"), 300);
        assert_eq!(quality(accept, "image/jpeg"), 500);
        assert_eq!(quality("application/json;q=0, */*", JSON), 0);
        assert_eq!(quality("*/*;q=0.1", JSON), 100);
        assert_eq!(quality("text/html", JSON), 0);
        assert_eq!(quality("application/jsonx, xapplication/*", JSON), 0);
    }

    #[test]
    fn malformed_ranges_are_ignored_and_long_headers_are_bounded() {
        assert_eq!(quality(";;q=x,,/, */x, application/json;q=2", JSON), 0);
        // Empty parameters are allowed and say nothing; a parameter without `=` is malformed.
        assert_eq!(
            quality("text/html;, application/json;q=0.5", "text/html"),
            1000
        );
        assert_eq!(quality("text/html;;q=0.5", "text/html"), 500);
        assert_eq!(quality("text/html; ;q=0.3", "text/html"), 300);
        assert_eq!(quality("text/html;level", "text/html"), 0);
        let many = format!("{}application/json", "a/b,".repeat(MAX_RANGES));
        assert_eq!(
            quality(&many, JSON),
            0,
            "ranges past the limit are not read"
        );
    }
}
