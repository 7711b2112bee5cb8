//! `status-name-mismatch`: a code whose name implies a status it does not have.

use std::collections::BTreeMap;

use unkey_errors_catalogue::Catalogue;

use super::title_not_reason_phrase::reason_phrases;
use super::{Context, Example, Findings, Rule, Severity};

/// The rule.
pub const RULE: Rule = Rule {
    id: "status-name-mismatch",
    level: Severity::Error,
    explanation: "A code whose name implies a status it does not have: `…:service_unavailable` \
        answered with 500, `…_not_found` with 400, `…:too_many_requests:…` with 403. A client \
        reads the code and the status together, and one of the two is wrong. The name is read \
        word by word (words are separated by `_`): the specific part first, and the category \
        only if the specific part names no status. Each name in the table (the status names of \
        HTTP in snake_case, such as `not_found` and `service_unavailable`, and a few common \
        synonyms: `already_exists` 409, `rate_limited` 429, `too_large` 413) implies its \
        statuses when its words stand together in the part. The top-level \
        `lint.status_names` adds names, overrides a name's statuses, or takes a name out with \
        `[]`. Fix the status or the name; where the API deliberately sends another status, \
        allow the rule on the entry and say why.",
    bad: Example {
        language: "yaml",
        text: "err:shop:payments:service_unavailable:
  status: 500
  title: Internal Server Error
",
    },
    good: Example {
        language: "yaml",
        text: "err:shop:payments:service_unavailable:
  status: 503
  title: Service Unavailable
",
    },
    check,
};

/// The names that imply a status, before a catalogue's `lint.status_names`.
const STATUS_NAMES: [(&str, &[u16]); 31] = [
    ("bad_request", &[400]),
    ("unauthorized", &[401]),
    ("unauthenticated", &[401]),
    ("payment_required", &[402]),
    ("forbidden", &[403]),
    ("permission_denied", &[403]),
    ("not_found", &[404]),
    ("method_not_allowed", &[405]),
    ("not_acceptable", &[406]),
    ("request_timeout", &[408]),
    ("conflict", &[409]),
    ("already_exists", &[409]),
    ("gone", &[410]),
    ("length_required", &[411]),
    ("precondition_failed", &[412]),
    ("too_large", &[413]),
    ("uri_too_long", &[414]),
    ("unsupported_media_type", &[415]),
    ("range_not_satisfiable", &[416]),
    ("unprocessable_entity", &[422]),
    ("unprocessable_content", &[422]),
    ("precondition_required", &[428]),
    ("too_many_requests", &[429]),
    ("rate_limited", &[429]),
    ("internal_server_error", &[500]),
    ("internal_error", &[500]),
    ("not_implemented", &[501]),
    ("bad_gateway", &[502]),
    ("service_unavailable", &[503]),
    ("gateway_timeout", &[504]),
    ("http_version_not_supported", &[505]),
];

/// The table of names the catalogue's codes are held to: the built-in one with the catalogue's
/// `lint.status_names` applied.
fn table(catalogue: &Catalogue) -> BTreeMap<String, Vec<u16>> {
    let mut table: BTreeMap<String, Vec<u16>> = STATUS_NAMES
        .iter()
        .map(|(name, statuses)| ((*name).to_owned(), statuses.to_vec()))
        .collect();
    for (name, statuses) in &catalogue.lint_settings().status_names {
        if statuses.is_empty() {
            table.remove(name);
        } else {
            table.insert(name.clone(), statuses.clone());
        }
    }
    table
}

/// The names of `table` that stand in `part` as whole words, e.g. `not_found` in
/// `key_not_found` but not in `not_foundry`.
fn names_in<'t>(part: &str, table: &'t BTreeMap<String, Vec<u16>>) -> Vec<(&'t str, &'t [u16])> {
    let words: Vec<&str> = part.split('_').collect();
    table
        .iter()
        .filter(|(name, _)| {
            let name_words: Vec<&str> = name.split('_').collect();
            words
                .windows(name_words.len())
                .any(|window| window == name_words.as_slice())
        })
        .map(|(name, statuses)| (name.as_str(), statuses.as_slice()))
        .collect()
}

/// A status with its reason phrase, e.g. `503 Service Unavailable`.
fn status_name(status: u16) -> String {
    match reason_phrases(status).first() {
        Some(phrase) => format!("{status} {phrase}"),
        None => status.to_string(),
    }
}

fn check(context: &Context<'_>, findings: &mut Findings<'_>) {
    let table = table(context.catalogue);
    for entry in context.catalogue.entries() {
        let (part, names) = match names_in(entry.code.specific(), &table) {
            names if !names.is_empty() => ("name", names),
            _ => ("category", names_in(entry.code.category(), &table)),
        };
        if names.is_empty() {
            continue;
        }
        let mut statuses = vec![("answered", entry.status)];
        if let Some(gateway) = &entry.gateway {
            if gateway.status != entry.status {
                statuses.push(("answered by the gateway", gateway.status));
            }
        }
        let implied: Vec<u16> = names
            .iter()
            .flat_map(|(_, statuses)| statuses.iter().copied())
            .collect();
        for (how, status) in statuses {
            if implied.contains(&status) {
                continue;
            }
            let words = names
                .iter()
                .map(|(name, _)| format!("`{name}`"))
                .collect::<Vec<_>>()
                .join(" and ");
            let implied_text = implied
                .iter()
                .map(|status| status_name(*status))
                .collect::<Vec<_>>()
                .join(" or ");
            findings.report(
                entry,
                format!(
                    "the code's {part} says {words}, which implies {implied_text}, but it is \
                     {how} with {}; change the status or the code, or allow the rule with the \
                     reason (names and their statuses: `lint.status_names`)",
                    status_name(status)
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
    fn a_name_that_implies_another_status_is_reported() {
        let catalogue = catalogue(
            "",
            &[
                ("err:a:application:service_unavailable", "status: 500"),
                ("err:a:data:key_not_found", "status: 401"),
                ("err:a:too_many_requests:quota_used", "status: 403"),
            ],
        );
        assert_eq!(
            findings(&RULE, &catalogue),
            [
                (
                    "err:a:application:service_unavailable".to_owned(),
                    "the code's name says `service_unavailable`, which implies 503 Service \
                     Unavailable, but it is answered with 500 Internal Server Error; change the \
                     status or the code, or allow the rule with the reason (names and their \
                     statuses: `lint.status_names`)"
                        .to_owned()
                ),
                (
                    "err:a:data:key_not_found".to_owned(),
                    "the code's name says `not_found`, which implies 404 Not Found, but it is \
                     answered with 401 Unauthorized; change the status or the code, or allow \
                     the rule with the reason (names and their statuses: `lint.status_names`)"
                        .to_owned()
                ),
                (
                    "err:a:too_many_requests:quota_used".to_owned(),
                    "the code's category says `too_many_requests`, which implies 429 Too Many \
                     Requests, but it is answered with 403 Forbidden; change the status or the \
                     code, or allow the rule with the reason (names and their statuses: \
                     `lint.status_names`)"
                        .to_owned()
                ),
            ]
        );
    }

    #[test]
    fn matching_names_whole_words_and_the_specific_part_first_pass() {
        let catalogue = catalogue(
            "",
            &[
                ("err:a:data:key_not_found", "status: 404"),
                ("err:a:data:not_foundry", "status: 500"),
                // The specific part's `request_timeout` wins over the category's `bad_request`.
                ("err:a:bad_request:request_timeout", "status: 408"),
                ("err:a:bad_request:body_too_large", "status: 413"),
                ("err:a:billing:overdue", "status: 402"),
            ],
        );
        assert_eq!(findings(&RULE, &catalogue), []);
    }

    #[test]
    fn the_gateway_s_own_status_is_held_to_the_name_too() {
        let gateway =
            "status: 404\nsurfaces: [api, gateway]\ngateway:\n  status: 502\n  message: Gone.";
        let found = findings(
            &RULE,
            &catalogue("", &[("err:a:b:thing_not_found", gateway)]),
        );
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .1
                .contains("but it is answered by the gateway with 502 Bad Gateway;")
        );
    }

    #[test]
    fn the_catalogue_adds_overrides_and_removes_names() {
        let entries = [
            ("err:a:bad_request:client_closed_request", "status: 499"),
            ("err:a:data:thing_gone", "status: 404"),
            ("err:a:data:edit_conflict", "status: 412"),
        ];
        assert_eq!(findings(&RULE, &catalogue("", &entries)).len(), 3);
        let settings = "lint:\n  status_names:\n    client_closed_request: 499\n    gone: [404, 410]\n    conflict: []\n";
        assert_eq!(findings(&RULE, &catalogue(settings, &entries)), []);
    }

    #[test]
    fn an_allow_with_a_reason_silences_the_entry_only() {
        let entries = [
            (
                "err:a:application:service_unavailable",
                "status: 500\nlint:\n  allow:\n    status-name-mismatch: The API sends 500 here.",
            ),
            ("err:b:application:service_unavailable", "status: 500"),
        ];
        let catalogue = catalogue("", &entries);
        let context = Context {
            catalogue: &catalogue,
            text: "",
            sources: None,
        };
        let outcome = RULE.run(&context);
        assert_eq!(outcome.allowed, 1);
        assert_eq!(outcome.findings.len(), 1);
        assert_eq!(
            outcome.findings[0].code,
            "err:b:application:service_unavailable"
        );
    }
}
