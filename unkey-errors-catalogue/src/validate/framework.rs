//! The top-level `framework` mapping: the code the service answers each framework condition with.

use super::*;
use crate::model::Condition;

/// A `framework` item as read: the condition, the code as written, and where the code stands.
pub(super) struct ListedCondition {
    pub(super) condition: Condition,
    pub(super) code: String,
    pub(super) at: Position,
}

/// Reads the `framework` mapping: each key a known condition, each value a code string. The
/// codes are checked against the entries later ([`resolve_framework`]), since `errors` may come
/// after `framework` in the file.
pub(super) fn framework_fields(
    value: &Node,
    place: Place,
    outline: &Outline,
    report: &mut Report<'_>,
) -> Vec<ListedCondition> {
    let pairs = match value {
        Node::Mapping(pairs) => pairs,
        // `framework:` with nothing under it: no condition has a code.
        Node::Null => return Vec::new(),
        other => {
            report.error(
                place.value,
                format!("`framework` must be a mapping, not {}", other.kind()),
                Some(
                    "give it one indented line per condition, e.g. `panic: err:shop:application:unexpected_error`"
                        .to_owned(),
                ),
            );
            return Vec::new();
        }
    };
    let mut listed = Vec::new();
    let mut seen = KeySeen::default();
    for (key, value) in pairs {
        let Some(name) = key_name(key, place, report) else {
            continue;
        };
        let Some(field) = seen.first_occurrence(outline, place, name, report, |name| {
            format!("`{name}` is set twice in `framework`")
        }) else {
            continue;
        };
        let Some(condition) = Condition::from_key(name) else {
            unknown_key(name, field, &FRAMEWORK_KEYS, "framework condition", report);
            continue;
        };
        match value {
            Node::String(code) => listed.push(ListedCondition {
                condition,
                code: code.clone(),
                at: field.value,
            }),
            other => {
                report.error(
                    field.value,
                    format!(
                        "the code for `{name}` must be a code string, not {}",
                        other.kind()
                    ),
                    Some(format!(
                        "write one of the catalogue's codes ({}), or remove the line to let the condition pass through",
                        Urn::FORM
                    )),
                );
            }
        }
    }
    listed
}

/// Checks each listed code against the entries: it exists, the API sends it, and its status
/// has the condition's class. Returns the conditions with a usable code, in
/// [`Condition::ALL`]'s order.
pub(super) fn resolve_framework(
    listed: Vec<ListedCondition>,
    entries: &[Entry],
    report: &mut Report<'_>,
) -> Vec<(Condition, Urn)> {
    let mut resolved = Vec::with_capacity(listed.len());
    for ListedCondition {
        condition,
        code,
        at,
    } in listed
    {
        let key = condition.key();
        let Some(entry) = entries.iter().find(|entry| entry.code.as_str() == code) else {
            let candidates = closest(&code, entries.iter().map(|entry| entry.code.as_str()));
            let help = did_you_mean(&candidates).unwrap_or_else(|| {
                "name one of the catalogue's codes, or add an entry for this one".to_owned()
            });
            report.error(
                at,
                format!("`framework.{key}` names `{code}`, which the catalogue does not define"),
                Some(help),
            );
            continue;
        };
        let mut usable = true;
        if !entry.api {
            report.error(
                at,
                format!(
                    "`framework.{key}` names `{code}`, which the API never sends (its `surfaces` lack `api`)"
                ),
                Some(
                    "the framework's failures are answered by the API: add `api` to the entry's `surfaces`, or name an API code"
                        .to_owned(),
                ),
            );
            usable = false;
        }
        let statuses = condition.statuses();
        if !statuses.contains(&entry.status) {
            let (class, why) = match condition {
                Condition::Panic => ("a server error (5xx)", "a panic is the service's fault"),
                _ => ("a client error (4xx)", "the request caused it"),
            };
            report.error(
                at,
                format!(
                    "`framework.{key}` names `{code}`, whose status is {}, but its code must be {class}: {why}",
                    entry.status
                ),
                Some(format!(
                    "name a code with a status in {}..={}",
                    statuses.start(),
                    statuses.end()
                )),
            );
            usable = false;
        }
        if usable {
            resolved.push((condition, entry.code.clone()));
        }
    }
    resolved.sort_by_key(|(condition, _)| *condition);
    resolved
}
