//! Content negotiation: which media type an error body takes, from the request's `Accept` header.

use axum::http::HeaderMap;
use axum::http::header::{ACCEPT, HeaderValue};

use super::request_id::CURRENT;
use super::*;

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

/// The media types an `Accept` header lists: each comma-separated entry without its
/// parameters (`;q=0.9`, `;charset=…`) and surrounding whitespace.
pub(super) fn media_types(accept: &str) -> impl Iterator<Item = &str> {
    accept
        .split(',')
        .map(|entry| entry.split(';').next().unwrap_or_default().trim())
}

/// Whether `accept` lists any of `wanted`, compared without regard to case.
pub(super) fn lists_any(accept: &str, wanted: &[&str]) -> bool {
    media_types(accept).any(|listed| wanted.iter().any(|w| listed.eq_ignore_ascii_case(w)))
}

/// The API's rule: the media type of an error body for a request whose `Accept` header is
/// `accept` (`None`: no header). Problem details only for a client that says it takes them,
/// or takes anything: an SDK that asks for `application/json` only recognises a typed error
/// when the response says exactly that.
pub(super) fn api_media_type(accept: Option<&str>) -> &'static str {
    match accept {
        Some(accept) if lists_any(accept, &[PROBLEM_JSON, "application/*", "*/*"]) => PROBLEM_JSON,
        _ => JSON,
    }
}

/// The gateway's rule: whether a request whose `Accept` header is `accept` (`None`: no
/// header) gets the JSON body rather than the HTML page. Browsers list `text/html` next to
/// `*/*`; a program that takes anything lists `*/*` alone.
pub(super) fn gateway_wants_json(accept: Option<&str>) -> bool {
    accept.is_some_and(|accept| {
        lists_any(accept, &[JSON, "application/*"])
            || (lists_any(accept, &["*/*"]) && !lists_any(accept, &["text/html"]))
    })
}

/// `rule` applied to the current request's `Accept` header, or `None` outside [`request_id`],
/// where there is no request to negotiate with. A header that is not visible ASCII counts as
/// absent.
pub(super) fn negotiate<T>(rule: fn(Option<&str>) -> T) -> Option<T> {
    CURRENT
        .try_with(|current| rule(current.accept.as_ref().and_then(|v| v.to_str().ok())))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_api_answers_problem_json_only_to_clients_that_list_it_or_a_wildcard() {
        for accept in [
            "application/problem+json",
            "application/*",
            "*/*",
            "APPLICATION/Problem+JSON",
            "  application/problem+json ; q=0.5  ",
            "text/html, application/xhtml+xml, */*;q=0.8",
            "application/json, application/problem+json;q=0.1",
            "application/json;q=1,*/*;q=0",
        ] {
            assert_eq!(api_media_type(Some(accept)), PROBLEM_JSON, "{accept:?}");
        }
        for accept in [
            None,
            Some(""),
            Some("application/json"),
            Some("application/json; charset=utf-8"),
            Some("text/html"),
            Some("text/*"),
            Some("application/problem+xml"),
            Some("application/problem+json-seq"),
            Some("xapplication/*"),
            Some("*/*x"),
            Some(";;q=x,,/"),
        ] {
            assert_eq!(api_media_type(accept), JSON, "{accept:?}");
        }
    }

    #[test]
    fn the_gateway_answers_json_to_programs_and_html_to_browsers() {
        for accept in [
            "application/json",
            "application/*",
            "*/*",
            "Application/JSON;q=0.2",
            " */* ",
            "text/html, application/json",
            "text/html;q=0.9, application/*;q=0.1",
        ] {
            assert!(gateway_wants_json(Some(accept)), "{accept:?}");
        }
        for accept in [
            None,
            Some(""),
            Some("text/html"),
            Some("text/html,*/*"),
            Some("TEXT/HTML;q=0.1, */*;q=0.9"),
            Some("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"),
            Some("application/problem+json"),
            Some("application/jsonx"),
            Some("text/plain"),
        ] {
            assert!(!gateway_wants_json(accept), "{accept:?}");
        }
    }

    #[test]
    fn accept_lines_are_joined_and_an_oversized_header_is_dropped() {
        let mut headers = HeaderMap::new();
        assert_eq!(capture_accept(&headers), None);
        headers.append(ACCEPT, HeaderValue::from_static("text/html"));
        assert_eq!(capture_accept(&headers).unwrap(), "text/html");
        headers.append(ACCEPT, HeaderValue::from_static("*/*;q=0.8"));
        assert_eq!(capture_accept(&headers).unwrap(), "text/html,*/*;q=0.8");

        let exactly = HeaderValue::from_str(&"a".repeat(MAX_ACCEPT_LEN)).unwrap();
        let one_more = HeaderValue::from_str(&"a".repeat(MAX_ACCEPT_LEN + 1)).unwrap();
        assert!(capture_accept(&HeaderMap::from_iter([(ACCEPT, exactly)])).is_some());
        assert_eq!(
            capture_accept(&HeaderMap::from_iter([(ACCEPT, one_more)])),
            None
        );

        let mut many = HeaderMap::new();
        for _ in 0..=(MAX_ACCEPT_LEN / 8) {
            many.append(ACCEPT, HeaderValue::from_static("*/*;q=1"));
        }
        assert_eq!(
            capture_accept(&many),
            None,
            "the lines together are too long"
        );
    }
}
