//! The `lint` mappings: an entry's allowed rules, and the top level's allowed rules and settings.

use std::collections::BTreeMap;

use super::*;
use crate::lint::{Allows, LintSettings};

/// Every rule of `unkey-errors lint`, by id: the rules an `allow` may name.
pub const LINT_RULES: [&str; 7] = [
    "stub-section",
    "identifier-in-prose",
    "title-not-reason-phrase",
    "status-name-mismatch",
    "unused-code",
    "one-way-related",
    "duplicate-prose",
];

/// Every key of the top-level `lint` mapping.
pub const LINT_KEYS: [&str; 4] = ["allow", "min_section_chars", "status_names", "proper_names"];

/// Every key of an entry's `lint` mapping.
pub const ENTRY_LINT_KEYS: [&str; 1] = ["allow"];

/// An entry's `lint` mapping: the rules it allows, with reasons.
pub(super) fn entry_lint(
    value: &Node,
    place: Place,
    outline: &Outline,
    report: &mut Report<'_>,
) -> Allows {
    let mut allows = Allows::default();
    let Some(pairs) = lint_mapping(value, place, report) else {
        return allows;
    };
    let mut seen = KeySeen::default();
    for (key, value) in pairs {
        let Some(name) = key_name(key, place, report) else {
            continue;
        };
        let Some(field) = seen.first_occurrence(outline, place, name, report, |name| {
            format!("`{name}` is set twice in this entry's `lint`")
        }) else {
            continue;
        };
        match name {
            "allow" => allows = allowed_rules(value, field, outline, report),
            _ => {
                unknown_key(name, field, &ENTRY_LINT_KEYS, "`lint` key", report);
            }
        }
    }
    allows
}

/// The top-level `lint` mapping: rules allowed everywhere, and the rules' settings.
pub(super) fn lint_settings(
    value: &Node,
    place: Place,
    outline: &Outline,
    report: &mut Report<'_>,
) -> LintSettings {
    let mut settings = LintSettings::default();
    let Some(pairs) = lint_mapping(value, place, report) else {
        return settings;
    };
    let mut seen = KeySeen::default();
    for (key, value) in pairs {
        let Some(name) = key_name(key, place, report) else {
            continue;
        };
        let Some(field) = seen.first_occurrence(outline, place, name, report, |name| {
            format!("`{name}` is set twice in `lint`")
        }) else {
            continue;
        };
        match name {
            "allow" => settings.allow = allowed_rules(value, field, outline, report),
            "min_section_chars" => match value {
                Node::Integer(chars) if *chars >= 0 => {
                    settings.min_section_chars = usize::try_from(*chars).unwrap_or(usize::MAX);
                }
                other => report.error(
                    field.value,
                    format!(
                        "`min_section_chars` must be a whole number of characters, not {}",
                        describe(other)
                    ),
                    Some(format!(
                        "write e.g. `min_section_chars: {}`; 0 turns the length check off",
                        LintSettings::DEFAULT_MIN_SECTION_CHARS
                    )),
                ),
            },
            "status_names" => {
                settings.status_names = status_names(value, field, outline, report);
            }
            "proper_names" => settings.proper_names = proper_names(value, field, outline, report),
            _ => {
                unknown_key(name, field, &LINT_KEYS, "`lint` key", report);
            }
        }
    }
    settings
}

/// The pairs of a `lint` mapping, or an error when it is not one.
fn lint_mapping<'n>(
    value: &'n Node,
    place: Place,
    report: &mut Report<'_>,
) -> Option<&'n [(Node, Node)]> {
    match value {
        Node::Mapping(pairs) => Some(pairs),
        Node::Null => None,
        other => {
            report.error(
                place.value,
                format!("`lint` must be a mapping, not {}", other.kind()),
                Some(
                    "give it indented keys, e.g. `allow:` with one `<rule-id>: <reason>` per rule"
                        .to_owned(),
                ),
            );
            None
        }
    }
}

/// An `allow` mapping: each key a rule id, each value the reason for allowing it.
fn allowed_rules(value: &Node, place: Place, outline: &Outline, report: &mut Report<'_>) -> Allows {
    let mut allows = Allows::default();
    let pairs = match value {
        Node::Mapping(pairs) => pairs,
        Node::Null => return allows,
        other => {
            report.error(
                place.value,
                format!(
                    "`allow` must be a mapping from rule to reason, not {}",
                    other.kind()
                ),
                Some(
                    "write one `<rule-id>: <why the rule does not apply here>` line per rule"
                        .to_owned(),
                ),
            );
            return allows;
        }
    };
    let mut seen = KeySeen::default();
    for (key, value) in pairs {
        let Some(rule) = key_name(key, place, report) else {
            continue;
        };
        let Some(field) = seen.first_occurrence(outline, place, rule, report, |rule| {
            format!("the rule `{rule}` is allowed twice")
        }) else {
            continue;
        };
        if !LINT_RULES.contains(&rule) {
            unknown_key(rule, field, &LINT_RULES, "lint rule", report);
            continue;
        }
        let help = Some(format!(
            "say why the rule does not apply, e.g. `{rule}: \"the API sends this on purpose; see …\"`"
        ));
        match value {
            Node::String(reason) if !reason.trim().is_empty() && !reason.trim().contains('\n') => {
                allows.insert(rule.to_owned(), reason.trim().to_owned());
            }
            Node::String(reason) if !reason.trim().is_empty() => report.error(
                field.value,
                format!("the reason for allowing `{rule}` must be one line"),
                help,
            ),
            Node::Null | Node::String(_) => {
                report.error(field.key, format!("allowing `{rule}` needs a reason"), help)
            }
            other => report.error(
                field.value,
                format!(
                    "the reason for allowing `{rule}` must be text, not {}",
                    other.kind()
                ),
                help,
            ),
        }
    }
    allows
}

/// `status_names`: each name, a `_`-separated run of lowercase words, to a status or a list of
/// statuses.
fn status_names(
    value: &Node,
    place: Place,
    outline: &Outline,
    report: &mut Report<'_>,
) -> BTreeMap<String, Vec<u16>> {
    let mut names = BTreeMap::new();
    let pairs = match value {
        Node::Mapping(pairs) => pairs,
        Node::Null => return names,
        other => {
            report.error(
                place.value,
                format!(
                    "`status_names` must be a mapping from name to status, not {}",
                    other.kind()
                ),
                Some("write one `<name>: <status>` line per name, e.g. `gone: 410`".to_owned()),
            );
            return names;
        }
    };
    let mut seen = KeySeen::default();
    for (key, value) in pairs {
        let Some(name) = key_name(key, place, report) else {
            continue;
        };
        let Some(field) = seen.first_occurrence(outline, place, name, report, |name| {
            format!("`{name}` is set twice in `status_names`")
        }) else {
            continue;
        };
        let well_formed = !name.is_empty()
            && name.split('_').all(|word| {
                !word.is_empty()
                    && word
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            });
        if !well_formed {
            report.error(
                field.key,
                format!("`{name}` is not a name that can stand in a code"),
                Some(
                    "write lowercase words joined by `_`, as a code's parts are, e.g. `not_found`"
                        .to_owned(),
                ),
            );
            continue;
        }
        let items: Vec<&Node> = match value {
            Node::Sequence(items) => items.iter().collect(),
            single => vec![single],
        };
        let mut statuses = Vec::with_capacity(items.len());
        for item in items {
            match item {
                Node::Integer(status) if (400..=599).contains(status) => {
                    statuses.extend(u16::try_from(*status).ok());
                }
                other => report.error(
                    field.value,
                    format!(
                        "the statuses of `{name}` must be error statuses (400 to 599), not {}",
                        describe(other)
                    ),
                    Some(format!(
                        "write `{name}: 404`, a list such as `{name}: [404, 410]`, or `{name}: []` to take a built-in name out of the table"
                    )),
                ),
            }
        }
        names.insert(name.to_owned(), statuses);
    }
    names
}

/// `proper_names`: a list of single words.
fn proper_names(
    value: &Node,
    place: Place,
    outline: &Outline,
    report: &mut Report<'_>,
) -> Vec<String> {
    let items = match value {
        Node::Sequence(items) => items,
        Node::Null => return Vec::new(),
        other => {
            report.error(
                place.value,
                format!(
                    "`proper_names` must be a list of words, not {}",
                    other.kind()
                ),
                Some("write e.g. `proper_names: [OpenAPI, ClickHouse]`".to_owned()),
            );
            return Vec::new();
        }
    };
    let mut names = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let at = outline.item(place, index).value;
        match item {
            Node::String(word) if !word.is_empty() && !word.contains(char::is_whitespace) => {
                names.push(word.clone());
            }
            other => report.error(
                at,
                format!("a proper name must be one word, not {}", describe(other)),
                Some("list each name as one word, e.g. `- OpenAPI`".to_owned()),
            ),
        }
    }
    names
}

/// A value in words for a message: its text when it is a string, else its kind.
fn describe(value: &Node) -> String {
    match value {
        Node::String(text) => format!("`{text}`"),
        Node::Integer(number) => number.to_string(),
        other => other.kind().to_owned(),
    }
}
