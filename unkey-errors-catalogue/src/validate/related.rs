//! `related` lists, and the checks across entries that they name real, distinct codes.

use super::*;

/// The codes of a `related` list, each with the position of its item.
pub(super) fn related(
    value: &Node,
    place: Place,
    outline: &Outline,
    report: &mut Report<'_>,
) -> Vec<(Urn, Position)> {
    let items = match value {
        Node::Sequence(items) => items,
        Node::Null => return Vec::new(),
        other => {
            report.error(
                place.value,
                format!("`related` must be a list of codes, not {}", other.kind()),
                Some("write one `- err:…` line per related code".to_owned()),
            );
            return Vec::new();
        }
    };
    let mut codes = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let at = outline.item(place, index).value;
        match item {
            Node::String(text) => match Urn::parse(text) {
                Ok(urn) => codes.push((urn, at)),
                Err(error) => report.error(at, format!("malformed related code: {error}"), None),
            },
            other => report.error(
                at,
                format!("a related code must be a string, not {}", other.kind()),
                None,
            ),
        }
    }
    codes
}

/// How many unknown related codes get a "did you mean" suggestion.
const MAX_SUGGESTIONS: usize = 100;

/// Every related code must name another entry of the catalogue, once. Checked for every entry
/// whose code could be read, even one with other problems, so one build reports them all.
pub(super) fn check_related(links: &[Links], report: &mut Report<'_>) {
    let known: HashMap<&str, &Links> = links.iter().map(|l| (l.code.as_str(), l)).collect();
    // Each suggestion compares the unknown code with every code: past this many, a catalogue
    // that renamed a system would take minutes to report, so the rest get the plain help.
    let mut suggestions_left = MAX_SUGGESTIONS;
    for entry in links {
        let mut listed = HashMap::new();
        for (related, at) in &entry.related {
            let at = *at;
            if related == &entry.code {
                report.error(
                    at,
                    format!("`{related}` lists itself as related"),
                    Some("remove it from its own `related` list".to_owned()),
                );
            } else if !known.contains_key(related.as_str()) {
                let hint = if suggestions_left > 0 {
                    suggestions_left -= 1;
                    let others = known
                        .keys()
                        .copied()
                        .filter(|code| *code != entry.code.as_str());
                    did_you_mean(&closest(related.as_str(), others))
                } else {
                    None
                };
                report.error(
                    at,
                    format!("related code `{related}` is not in the catalogue"),
                    Some(hint.unwrap_or_else(|| {
                        "add an entry for it, or remove it from `related`".to_owned()
                    })),
                );
            } else if known[related.as_str()].internal && !entry.internal {
                report.error(
                    at,
                    format!("related code `{related}` is internal and has no docs page to link to"),
                    Some("remove it from `related`, or give it a public page".to_owned()),
                );
            } else if let Some(first) = listed.insert(related.as_str(), at) {
                report.error(
                    at,
                    format!("`{related}` is listed twice in `related`"),
                    Some(format!(
                        "remove one of the two; the first is at line {}",
                        first.line
                    )),
                );
            }
        }
    }
}
