//! Mapping keys: their names, repeats and unknown keys with a suggestion.

use super::*;

/// `a`, `b` and `c` as a list of quoted names, for a message.
pub(super) fn quoted_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Remembers where each key of one mapping was first seen, and how often.
#[derive(Default)]
pub(super) struct KeySeen {
    pub(super) counts: HashMap<String, (usize, Position)>,
}

impl KeySeen {
    /// The outline place of this occurrence of `name` under `parent`.
    pub(super) fn place(&self, outline: &Outline, parent: Place, name: &str) -> Place {
        let nth = self.counts.get(name).map_or(0, |(count, _)| *count);
        outline.key(parent, name, nth)
    }

    /// Records an occurrence; returns where the first one stands if this one is a repeat.
    pub(super) fn duplicate(&mut self, name: &str, place: Place) -> Option<Position> {
        let (count, first) = self.counts.entry(name.to_owned()).or_insert((0, place.key));
        *count += 1;
        (*count > 1).then_some(*first)
    }

    /// The place of this occurrence of `name` under `parent`; `None`, after reporting the
    /// repeat as `set_twice(name)` with where the first one stands, when `name` was seen before.
    pub(super) fn first_occurrence(
        &mut self,
        outline: &Outline,
        parent: Place,
        name: &str,
        report: &mut Report<'_>,
        set_twice: impl FnOnce(&str) -> String,
    ) -> Option<Place> {
        let place = self.place(outline, parent, name);
        let Some(first) = self.duplicate(name, place) else {
            return Some(place);
        };
        report.error(
            place.key,
            set_twice(name),
            Some(format!(
                "keep one of the two; the first is at line {}",
                first.line
            )),
        );
        None
    }

    pub(super) fn first(&self, name: &str) -> Option<Position> {
        self.counts.get(name).map(|(_, first)| *first)
    }
}

/// The text of a mapping key, or an error when the key is not a string.
pub(super) fn key_name<'n>(
    key: &'n Node,
    parent: Place,
    report: &mut Report<'_>,
) -> Option<&'n str> {
    if let Node::String(name) = key {
        return Some(name);
    }
    report.error(
        parent.key,
        format!("a key here is {}, not a string", key.kind()),
        Some("write keys as plain words, like `title:`".to_owned()),
    );
    None
}

/// Reports an unknown key; returns the known key it most likely meant, if any.
pub(super) fn unknown_key<'k>(
    name: &str,
    place: Place,
    known: &[&'k str],
    what: &str,
    report: &mut Report<'_>,
) -> Option<&'k str> {
    let candidates = closest(name, known.iter().copied());
    let suggestion = did_you_mean(&candidates);
    let expected = format!(
        "expected one of {}",
        known
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    report.error(
        place.key,
        format!("unknown {what} `{name}`"),
        Some(suggestion.map_or(expected.clone(), |hint| format!("{hint} ({expected})"))),
    );
    candidates.first().copied()
}
