//! `header = "name: value"`: a response header an error adds, its value a template over the
//! item's fields (like `detail`), both checked as far as they are known at compile time.

use super::template::{self, Template};

/// A parsed `header = "…"`.
pub(crate) struct Header {
    /// The field name, lowercase (as HTTP/2 sends it and the `http` crate stores it).
    pub(crate) name: String,
    /// The value, a template over the item's fields.
    pub(crate) value: Template,
}

/// Headers the response sets itself, and why: an error's own would be overwritten or would
/// break the response's framing.
const SET_BY_THE_RESPONSE: [(&str, &str); 7] = [
    ("content-type", "the body's negotiated media type"),
    ("content-length", "the body's length"),
    ("transfer-encoding", "the body's framing"),
    ("connection", "the connection's framing"),
    ("vary", "the negotiation"),
    ("content-security-policy", "the gateway's HTML page"),
    ("x-request-id", "the request's id"),
];

/// Parses `text`, `name: value`; the error says what is wrong with it.
pub(crate) fn parse(text: &str) -> Result<Header, String> {
    let Some((name, value)) = text.split_once(':') else {
        return Err(format!(
            "`{text}` is not a header; write `name: value`, like `retry-after: {{seconds}}`"
        ));
    };
    let name = name.trim();
    if name.is_empty() {
        return Err(format!(
            "the header `{text}` has no name; write `name: value`, like `retry-after: {{seconds}}`"
        ));
    }
    if let Some(bad) = name.chars().find(|&c| !is_token_char(c)) {
        return Err(format!(
            "`{name}` is not a header name: it holds {}, but a name is letters, digits and any of \
             {TOKEN_PUNCTUATION}",
            describe(bad)
        ));
    }
    let name = name.to_ascii_lowercase();
    if let Some((_, why)) = SET_BY_THE_RESPONSE.iter().find(|(set, _)| *set == name) {
        return Err(format!(
            "`{name}` is set by the response itself ({why}); an error cannot set it"
        ));
    }
    let value = value.trim_matches([' ', '\t']);
    if value.is_empty() {
        return Err(format!("the header `{name}` has no value after `:`"));
    }
    let value = template::parse(value, &format!("value of the header `{name}`"))?;
    if let Some(bad) = value.literal.chars().find(|&c| !is_field_char(c)) {
        return Err(format!(
            "the value of the header `{name}` holds {}; a header value is visible ASCII, \
             spaces and tabs (encode other text, e.g. as RFC 8187 does)",
            describe(bad)
        ));
    }
    Ok(Header { name, value })
}

/// The punctuation a header name (an RFC 9110 token) may hold, besides letters and digits.
const TOKEN_PUNCTUATION: &str = "! # $ % & ' * + - . ^ _ ` | ~";

/// Whether `c` may be part of a header name (RFC 9110 `tchar`).
fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)
}

/// Whether `c` may be part of a header value this derive writes: visible ASCII, space or tab.
/// (HTTP also carries other octets as opaque data, which many clients cannot read as text.)
fn is_field_char(c: char) -> bool {
    c == '\t' || (' '..='~').contains(&c)
}

/// `c` as a message names it: printable characters quoted, others by their escape.
fn describe(c: char) -> String {
    if c.is_control() || c.is_whitespace() {
        format!("the character {c:?}")
    } else {
        format!("`{c}`")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_is_a_lowercase_name_and_a_value_template() {
        let header = parse("Retry-After: {seconds}").unwrap();
        assert_eq!(header.name, "retry-after");
        assert_eq!(header.value.format, "{seconds}");
        let header = parse("www-authenticate:Bearer realm=\"keys\", error=\"{{x}}\" ").unwrap();
        assert_eq!(header.name, "www-authenticate");
        assert!(header.value.members.is_empty());
        assert_eq!(header.value.literal, "Bearer realm=\"keys\", error=\"{x}\"");
    }

    #[test]
    fn each_mistake_is_named() {
        let cases = [
            (
                "retry-after",
                "`retry-after` is not a header; write `name: value`, like `retry-after: {seconds}`",
            ),
            (
                ": 5",
                "the header `: 5` has no name; write `name: value`, like `retry-after: {seconds}`",
            ),
            (
                "retry after: 5",
                "`retry after` is not a header name: it holds the character ' ', but a name is \
                 letters, digits and any of ! # $ % & ' * + - . ^ _ ` | ~",
            ),
            (
                "Content-Type: text/plain",
                "`content-type` is set by the response itself (the body's negotiated media \
                 type); an error cannot set it",
            ),
            (
                "retry-after:  ",
                "the header `retry-after` has no value after `:`",
            ),
            (
                "x-note: a\r\nset-cookie: b",
                "the value of the header `x-note` holds the character '\\r'; a header value is \
                 visible ASCII, spaces and tabs (encode other text, e.g. as RFC 8187 does)",
            ),
            (
                "x-note: café",
                "the value of the header `x-note` holds `é`; a header value is visible ASCII, \
                 spaces and tabs (encode other text, e.g. as RFC 8187 does)",
            ),
            (
                "x-note: {",
                "unclosed `{` in the value of the header `x-note`; write `{{` for a literal brace",
            ),
        ];
        for (text, message) in cases {
            assert_eq!(parse(text).err().as_deref(), Some(message), "{text}");
        }
    }
}
