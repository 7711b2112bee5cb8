//! `title-not-reason-phrase`: a title that is not the standard reason phrase of its status.

use super::{Context, Example, Findings, Rule, Severity};

/// The rule.
pub const RULE: Rule = Rule {
    id: "title-not-reason-phrase",
    level: Severity::Warning,
    explanation: "A `title` (or the gateway's `title`) that is not the standard reason phrase \
        of its status, as the IANA HTTP status code registry names it (`404` is `Not Found`; \
        where the registry renamed a status, the earlier phrase is accepted too, e.g. `413` \
        `Payload Too Large` and `422` `Unprocessable Entity`). RFC 9457 lets a problem's title \
        be any short summary, but a catalogue whose convention is the reason phrase (most are, \
        Unkey's is) reads as one API only if every title keeps it, and a client that shows the \
        title shows the same words for the same status. A status without a registered phrase \
        (e.g. nginx's `499`) is not checked. Titles are sent to clients, so changing one is a \
        breaking change: where the API deliberately sends another title, allow the rule on the \
        entry and say so; a catalogue whose titles are its own words allows it at the top \
        level.",
    bad: Example {
        language: "yaml",
        text: "err:shop:orders:not_found:
  status: 404
  title: Order missing
",
    },
    good: Example {
        language: "yaml",
        text: "err:shop:orders:not_found:
  status: 404
  title: Not Found
",
    },
    check,
};

/// The reason phrases of the error statuses in the IANA registry, the current one first, then
/// any earlier one still in use.
const REASON_PHRASES: [(u16, &[&str]); 39] = [
    (400, &["Bad Request"]),
    (401, &["Unauthorized"]),
    (402, &["Payment Required"]),
    (403, &["Forbidden"]),
    (404, &["Not Found"]),
    (405, &["Method Not Allowed"]),
    (406, &["Not Acceptable"]),
    (407, &["Proxy Authentication Required"]),
    (408, &["Request Timeout"]),
    (409, &["Conflict"]),
    (410, &["Gone"]),
    (411, &["Length Required"]),
    (412, &["Precondition Failed"]),
    (
        413,
        &[
            "Content Too Large",
            "Payload Too Large",
            "Request Entity Too Large",
        ],
    ),
    (414, &["URI Too Long", "Request-URI Too Long"]),
    (415, &["Unsupported Media Type"]),
    (
        416,
        &["Range Not Satisfiable", "Requested Range Not Satisfiable"],
    ),
    (417, &["Expectation Failed"]),
    (421, &["Misdirected Request"]),
    (422, &["Unprocessable Content", "Unprocessable Entity"]),
    (423, &["Locked"]),
    (424, &["Failed Dependency"]),
    (425, &["Too Early"]),
    (426, &["Upgrade Required"]),
    (428, &["Precondition Required"]),
    (429, &["Too Many Requests"]),
    (431, &["Request Header Fields Too Large"]),
    (451, &["Unavailable For Legal Reasons"]),
    (500, &["Internal Server Error"]),
    (501, &["Not Implemented"]),
    (502, &["Bad Gateway"]),
    (503, &["Service Unavailable"]),
    (504, &["Gateway Timeout"]),
    (505, &["HTTP Version Not Supported"]),
    (506, &["Variant Also Negotiates"]),
    (507, &["Insufficient Storage"]),
    (508, &["Loop Detected"]),
    (510, &["Not Extended"]),
    (511, &["Network Authentication Required"]),
];

/// The registered reason phrases of `status`, the current one first; empty for a status the
/// registry does not name.
pub(super) fn reason_phrases(status: u16) -> &'static [&'static str] {
    REASON_PHRASES
        .iter()
        .find(|(known, _)| *known == status)
        .map_or(&[], |(_, phrases)| phrases)
}

fn check(context: &Context<'_>, findings: &mut Findings<'_>) {
    for entry in context.catalogue.entries() {
        let mut titles = vec![("title", entry.status, entry.title.as_str())];
        if let Some(gateway) = &entry.gateway {
            if (gateway.status, gateway.title.as_str()) != (entry.status, entry.title.as_str()) {
                titles.push(("gateway's title", gateway.status, gateway.title.as_str()));
            }
        }
        for (name, status, title) in titles {
            let phrases = reason_phrases(status);
            if phrases.is_empty() || phrases.contains(&title) {
                continue;
            }
            let others = match &phrases[1..] {
                [] => String::new(),
                earlier => format!(
                    " (or the earlier {})",
                    earlier
                        .iter()
                        .map(|phrase| format!("`{phrase}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            findings.report(
                entry,
                format!(
                    "the {name} `{title}` is not the reason phrase of {status}; write `{}`{others}, \
                     or allow the rule with the reason the API sends this title",
                    phrases[0]
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::fixture::{catalogue, findings};

    #[test]
    fn a_title_other_than_the_reason_phrase_is_reported() {
        let catalogue = catalogue(
            "",
            &[
                ("err:a:b:missing", "status: 404\ntitle: Order missing"),
                ("err:a:b:case", "status: 404\ntitle: Not found"),
                ("err:a:b:large", "status: 413\ntitle: Too Large"),
            ],
        );
        assert_eq!(
            findings(&RULE, &catalogue),
            [
                (
                    "err:a:b:missing".to_owned(),
                    "the title `Order missing` is not the reason phrase of 404; write \
                     `Not Found`, or allow the rule with the reason the API sends this title"
                        .to_owned()
                ),
                (
                    "err:a:b:case".to_owned(),
                    "the title `Not found` is not the reason phrase of 404; write \
                     `Not Found`, or allow the rule with the reason the API sends this title"
                        .to_owned()
                ),
                (
                    "err:a:b:large".to_owned(),
                    "the title `Too Large` is not the reason phrase of 413; write \
                     `Content Too Large` (or the earlier `Payload Too Large`, \
                     `Request Entity Too Large`), or allow the rule with the reason the API \
                     sends this title"
                        .to_owned()
                ),
            ]
        );
    }

    #[test]
    fn reason_phrases_earlier_phrases_and_unregistered_statuses_pass() {
        let catalogue = catalogue(
            "",
            &[
                ("err:a:b:found", "status: 404\ntitle: Not Found"),
                ("err:a:b:entity", "status: 422\ntitle: Unprocessable Entity"),
                (
                    "err:a:b:closed",
                    "status: 499\ntitle: Client Closed Request",
                ),
            ],
        );
        assert_eq!(findings(&RULE, &catalogue), []);
    }

    #[test]
    fn the_gateway_s_own_title_is_checked_against_its_own_status() {
        let gateway = "surfaces: [api, gateway]\ngateway:\n  status: 401\n  title: Denied\n  message: No key.";
        let catalogue = catalogue("", &[("err:a:b:c", gateway)]);
        let found = findings(&RULE, &catalogue);
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .1
                .starts_with("the gateway's title `Denied` is not the reason phrase of 401;")
        );
    }

    #[test]
    fn every_error_status_has_at_most_one_row() {
        let mut statuses: Vec<u16> = REASON_PHRASES.iter().map(|(status, _)| *status).collect();
        statuses.dedup();
        assert_eq!(statuses.len(), REASON_PHRASES.len());
        assert!(statuses.windows(2).all(|pair| pair[0] < pair[1]));
    }
}
