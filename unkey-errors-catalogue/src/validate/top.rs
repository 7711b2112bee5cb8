//! The catalogue's top level: its keys, `docs_base_url`, and the assembled [`Catalogue`].

use super::*;

pub(crate) fn validate(
    root: &Node,
    outline: &Outline,
    report: &mut Report<'_>,
) -> Option<Catalogue> {
    let top = outline.root();
    let Node::Mapping(pairs) = root else {
        let message = match root {
            Node::Null => "the catalogue is empty".to_owned(),
            other => format!("the catalogue must be a mapping, not {}", other.kind()),
        };
        report.error(
            Position::START,
            message,
            Some(format!(
                "a catalogue starts with `docs_base_url: https://…` and an `errors:` mapping \
                 from code to entry, each code of the form {}",
                Urn::FORM
            )),
        );
        return None;
    };

    let mut docs_base_url = None;
    let mut domain_name = None;
    let mut entries = None;
    let mut exhaustive = false;
    let mut navigation = None;
    let mut framework = None;
    let mut lint = None;
    let mut seen = KeySeen::default();
    for (key, value) in pairs {
        let Some(name) = key_name(key, top, report) else {
            continue;
        };
        let Some(place) = seen.first_occurrence(outline, top, name, report, |name| {
            format!("`{name}` is set twice")
        }) else {
            continue;
        };
        match name {
            "docs_base_url" => docs_base_url = docs_url(value, place, report),
            "domain" => domain_name = domain(value, place, report),
            "errors" => entries = Some(validate_entries(value, place, outline, report)),
            "exhaustive" => exhaustive = flag(name, value, place, report),
            "framework" => framework = Some(framework_fields(value, place, outline, report)),
            "lint" => lint = Some(lint_settings(value, place, outline, report)),
            "docs_navigation" => {
                navigation = Some(navigation_fields(value, place, outline, report));
            }
            _ => {
                unknown_key(name, place, &TOP_LEVEL_KEYS, "top-level key", report);
            }
        }
    }
    for (name, example) in [
        (
            "docs_base_url",
            "docs_base_url: https://example.com/docs/errors",
        ),
        ("errors", "errors:"),
    ] {
        if seen.first(name).is_none() {
            report.error(
                Position::START,
                format!("the catalogue has no `{name}`"),
                Some(format!("add a top-level `{example}`")),
            );
        }
    }
    let entries = entries?;
    let framework = resolve_framework(framework.unwrap_or_default(), &entries, report);
    let docs_navigation = match navigation {
        Some(fields) => resolve_navigation(fields, &entries, report)?,
        None => DocsNavigation::default_for(&entries),
    };
    Some(
        Catalogue::new(
            docs_base_url?,
            entries,
            exhaustive,
            docs_navigation,
            framework,
        )
        .with_domain(domain_name)
        .with_lint_settings(lint.unwrap_or_default()),
    )
    .filter(|_| !report.has_errors())
}

pub(super) fn docs_url(value: &Node, place: Place, report: &mut Report<'_>) -> Option<String> {
    match value {
        Node::String(url)
            if (url.starts_with("https://") || url.starts_with("http://"))
                && url.chars().all(is_url_char) =>
        {
            Some(url.trim_end_matches('/').to_owned())
        }
        Node::String(url) if url.starts_with("https://") || url.starts_with("http://") => {
            let bad = url.chars().find(|&c| !is_url_char(c)).unwrap_or_default();
            report.error(
                place.value,
                format!(
                    "`docs_base_url` holds {}, which a URL cannot",
                    describe_char(bad)
                ),
                Some(
                    "percent-encode it (a space is `%20`), or remove it: every docs URL, page \
                     and export starts with this text"
                        .to_owned(),
                ),
            );
            None
        }
        Node::String(url) => {
            report.error(
                place.value,
                format!("`docs_base_url` must be an http(s) URL, not `{url}`"),
                Some(
                    "write the base of the docs pages, like `https://example.com/docs/errors`"
                        .to_owned(),
                ),
            );
            None
        }
        other => {
            report.error(
                place.value,
                format!("`docs_base_url` must be a URL string, not {}", other.kind()),
                Some(
                    "write the base of the docs pages, like `https://example.com/docs/errors`"
                        .to_owned(),
                ),
            );
            None
        }
    }
}

/// Whether `c` may appear in a URL as written (RFC 3986: unreserved and reserved characters,
/// and `%` for percent-encoding). Everything else (spaces, line breaks, quotes, `<`, `{`, `\\`)
/// would have to be encoded, and written raw it would break the comments, strings and pages
/// the URL is copied into.
fn is_url_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c)
}

/// `c` named for a message: itself in backticks, or its code point when it cannot be seen.
fn describe_char(c: char) -> String {
    if c.is_whitespace() || c.is_control() {
        format!("the character U+{:04X}", u32::from(c))
    } else {
        format!("`{c}`")
    }
}
