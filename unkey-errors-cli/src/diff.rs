//! What changed between two versions of a catalogue, and whether the change breaks clients.
//!
//! [`diff`] is a pure function of two validated catalogues; the command line only formats its
//! result. The rules, by what a client or a downstream crate would notice:
//!
//! - **breaking**: a code removed (clients matching on it stop recognising it, the generated
//!   constant disappears); a status, title or `errors_array` changed (the wire format of an
//!   existing code changes); `docs_base_url` changed (every `type` URL changes); `exhaustive`
//!   turned off (the generated `Code` becomes `#[non_exhaustive]`, so exhaustive `match`es stop
//!   compiling); and a code added while both versions are `exhaustive` (an exhaustive `match`
//!   no longer covers every case).
//! - **additive**: a code added to a non-exhaustive catalogue; a code deprecated or no longer
//!   deprecated (the code keeps working either way); `exhaustive` turned on (it only removes
//!   `#[non_exhaustive]`, which lets downstream matches drop their wildcard arm).
//! - **docs**: description, detail, the prose sections, related codes, the deprecation reason,
//!   and the `internal` flag (which only decides whether the code has a public page).
//!
//! A removed code and an added code are reported together as a probable rename when they share
//! their specific part (the last URN segment), or else when exactly one added code has the
//! removed code's title. A rename is still breaking.

use std::collections::BTreeSet;
use std::fmt;

use serde_json::{Value, json};
use unkey_errors_catalogue::{Catalogue, Entry};

/// How a change affects users of the catalogue's API and generated code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// Clients or downstream code can break.
    Breaking,
    /// Something new; existing clients and code keep working.
    Additive,
    /// Only the docs change.
    Docs,
}

impl Class {
    /// Every class, in the order reports list them.
    pub const ALL: [Class; 3] = [Class::Breaking, Class::Additive, Class::Docs];

    /// The class's name in reports and JSON: `breaking`, `additive` or `docs`.
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Breaking => "breaking",
            Class::Additive => "additive",
            Class::Docs => "docs",
        }
    }
}

impl fmt::Display for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// What changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A code is gone.
    Removed,
    /// A code is gone and an added code probably replaces it.
    Renamed,
    /// A code is new.
    Added,
    /// The HTTP status of a code changed.
    Status,
    /// The title of a code changed.
    Title,
    /// Whether a code's response carries an `errors` array changed.
    ErrorsArray,
    /// The base of every docs URL changed.
    DocsBaseUrl,
    /// The catalogue's `exhaustive` flag changed.
    Exhaustive,
    /// A code became deprecated.
    Deprecated,
    /// A code is no longer deprecated.
    Undeprecated,
    /// The reason given for a deprecation changed.
    DeprecationReason,
    /// A code's description changed.
    Description,
    /// A code's example detail changed.
    Detail,
    /// A code's "what happened" section changed.
    WhatHappened,
    /// A code's "how to fix" section changed.
    HowToFix,
    /// A code's "common mistakes" section changed.
    CommonMistakes,
    /// A code's related codes changed.
    Related,
    /// Whether a code is internal (has no public page) changed.
    Internal,
    /// A surface (the API or the gateway) stopped sending a code.
    SurfaceRemoved,
    /// A surface started sending a code.
    SurfaceAdded,
    /// The status the gateway answers a code with changed.
    GatewayStatus,
    /// The title of the gateway's error page for a code changed.
    GatewayTitle,
    /// The public message of the gateway's body for a code changed, or whether it comes from
    /// the error raised.
    GatewayMessage,
    /// The docs navigation (group, icon, systems' order or names) changed.
    DocsNavigation,
}

impl Kind {
    /// The kind's name in reports and JSON, e.g. `removed` or `errors_array`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Removed => "removed",
            Kind::Renamed => "renamed",
            Kind::Added => "added",
            Kind::Status => "status",
            Kind::Title => "title",
            Kind::ErrorsArray => "errors_array",
            Kind::DocsBaseUrl => "docs_base_url",
            Kind::Exhaustive => "exhaustive",
            Kind::Deprecated => "deprecated",
            Kind::Undeprecated => "undeprecated",
            Kind::DeprecationReason => "deprecation_reason",
            Kind::Description => "description",
            Kind::Detail => "detail",
            Kind::WhatHappened => "what_happened",
            Kind::HowToFix => "how_to_fix",
            Kind::CommonMistakes => "common_mistakes",
            Kind::Related => "related",
            Kind::Internal => "internal",
            Kind::SurfaceRemoved => "surface_removed",
            Kind::SurfaceAdded => "surface_added",
            Kind::GatewayStatus => "gateway_status",
            Kind::GatewayTitle => "gateway_title",
            Kind::GatewayMessage => "gateway_message",
            Kind::DocsNavigation => "docs_navigation",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// One difference between the old and the new catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// How it affects users.
    pub class: Class,
    /// What changed.
    pub kind: Kind,
    /// The code it concerns (the new code of a rename); `None` for a top-level setting.
    pub code: Option<String>,
    /// Where it stands in the old file: the entry's code line, or the top-level key's line
    /// once [`place_top_level_changes`] has found it. `None` when it is not in the old file.
    pub old_line: Option<usize>,
    /// Where it stands in the new file, as for `old_line`.
    pub new_line: Option<usize>,
    /// The old value, for a changed value.
    pub old: Option<Value>,
    /// The new value, for a changed value.
    pub new: Option<Value>,
    /// For a rename, the removed code that `code` probably replaces.
    pub rename_of: Option<String>,
}

impl Change {
    fn new(class: Class, kind: Kind, code: Option<&str>) -> Change {
        Change {
            class,
            kind,
            code: code.map(str::to_owned),
            old_line: None,
            new_line: None,
            old: None,
            new: None,
            rename_of: None,
        }
    }

    fn values(mut self, old: Value, new: Value) -> Change {
        self.old = Some(old);
        self.new = Some(new);
        self
    }

    fn lines(mut self, old: Option<usize>, new: Option<usize>) -> Change {
        self.old_line = old;
        self.new_line = new;
        self
    }

    /// The change as JSON: `class`, `kind`, `code`, `old_line`, `new_line`, `old`, `new` and
    /// `rename_of`, each `null` when it does not apply.
    pub fn to_json(&self) -> Value {
        json!({
            "class": self.class.as_str(),
            "kind": self.kind.as_str(),
            "code": self.code,
            "old_line": self.old_line,
            "new_line": self.new_line,
            "old": self.old,
            "new": self.new,
            "rename_of": self.rename_of,
        })
    }
}

/// Every change from `old` to `new`: top-level settings first, then removals and renames in
/// the old file's order, changes to kept codes in the new file's order, then additions. Lines
/// of top-level settings are left `None`; see [`place_top_level_changes`].
pub fn diff(old: &Catalogue, new: &Catalogue) -> Vec<Change> {
    let mut changes = Vec::new();
    if old.docs_base_url != new.docs_base_url {
        changes.push(
            Change::new(Class::Breaking, Kind::DocsBaseUrl, None).values(
                Value::from(old.docs_base_url.as_str()),
                Value::from(new.docs_base_url.as_str()),
            ),
        );
    }
    if old.exhaustive != new.exhaustive {
        let class = if new.exhaustive {
            Class::Additive
        } else {
            Class::Breaking
        };
        changes.push(
            Change::new(class, Kind::Exhaustive, None)
                .values(Value::from(old.exhaustive), Value::from(new.exhaustive)),
        );
    }

    if old.docs_navigation != new.docs_navigation {
        let navigation = |catalogue: &Catalogue| {
            let systems: Vec<String> = catalogue
                .docs_navigation
                .systems
                .iter()
                .map(|s| format!("{}: {}", s.system, s.group))
                .collect();
            serde_json::json!({
                "group": catalogue.docs_navigation.group,
                "icon": catalogue.docs_navigation.icon,
                "expanded": catalogue.docs_navigation.expanded,
                "systems": systems,
            })
        };
        changes.push(
            Change::new(Class::Docs, Kind::DocsNavigation, None)
                .values(navigation(old), navigation(new)),
        );
    }

    let removed: Vec<&Entry> = old
        .entries
        .iter()
        .filter(|entry| new.get(entry.code.as_str()).is_none())
        .collect();
    let added: Vec<&Entry> = new
        .entries
        .iter()
        .filter(|entry| old.get(entry.code.as_str()).is_none())
        .collect();
    let renames = probable_renames(&removed, &added);
    let renamed_to: BTreeSet<&str> = renames.iter().map(|(_, to)| to.code.as_str()).collect();

    for gone in &removed {
        match renames.iter().find(|(from, _)| from.code == gone.code) {
            Some((from, to)) => {
                let mut change =
                    Change::new(Class::Breaking, Kind::Renamed, Some(to.code.as_str()))
                        .lines(Some(from.line), Some(to.line));
                change.rename_of = Some(from.code.as_str().to_owned());
                changes.push(change);
            }
            None => changes.push(
                Change::new(Class::Breaking, Kind::Removed, Some(gone.code.as_str()))
                    .lines(Some(gone.line), None),
            ),
        }
    }
    for after in &new.entries {
        if let Some(before) = old.get(after.code.as_str()) {
            entry_changes(before, after, &mut changes);
        }
    }
    // Downstream `match`es are exhaustive only if the old `Code` was: a new variant breaks them.
    let added_class = if old.exhaustive && new.exhaustive {
        Class::Breaking
    } else {
        Class::Additive
    };
    for entry in added
        .iter()
        .filter(|entry| !renamed_to.contains(entry.code.as_str()))
    {
        changes.push(
            Change::new(added_class, Kind::Added, Some(entry.code.as_str()))
                .lines(None, Some(entry.line)),
        );
    }
    changes
}

/// Pairs of (removed, added) entries that are probably one code renamed. A removed code takes
/// the first added code with the same specific part; failing that, the only added code with
/// the same title (several share a title like "Not Found", so an ambiguous title pairs nothing).
/// Each added code is paired at most once.
fn probable_renames<'a>(removed: &[&'a Entry], added: &[&'a Entry]) -> Vec<(&'a Entry, &'a Entry)> {
    let mut pairs: Vec<(&Entry, &Entry)> = Vec::new();
    let taken = |pairs: &[(&Entry, &Entry)], entry: &Entry| {
        pairs.iter().any(|(_, to)| to.code == entry.code)
    };
    for gone in removed {
        let by_specific = added
            .iter()
            .find(|new| new.code.specific() == gone.code.specific() && !taken(&pairs, new));
        if let Some(new) = by_specific {
            pairs.push((gone, new));
        }
    }
    for gone in removed {
        if pairs.iter().any(|(from, _)| from.code == gone.code) {
            continue;
        }
        let by_title: Vec<&&Entry> = added
            .iter()
            .filter(|new| new.title == gone.title && !taken(&pairs, new))
            .collect();
        if let [new] = by_title[..] {
            pairs.push((gone, new));
        }
    }
    pairs
}

/// The changes between two versions of one code.
fn entry_changes(before: &Entry, after: &Entry, changes: &mut Vec<Change>) {
    let code = Some(after.code.as_str());
    let lines = (Some(before.line), Some(after.line));
    let mut push = |class: Class, kind: Kind, old: Value, new: Value| {
        changes.push(
            Change::new(class, kind, code)
                .lines(lines.0, lines.1)
                .values(old, new),
        );
    };
    if before.status != after.status {
        push(
            Class::Breaking,
            Kind::Status,
            before.status.into(),
            after.status.into(),
        );
    }
    if before.title != after.title {
        push(
            Class::Breaking,
            Kind::Title,
            before.title.as_str().into(),
            after.title.as_str().into(),
        );
    }
    if before.errors_array != after.errors_array {
        push(
            Class::Breaking,
            Kind::ErrorsArray,
            before.errors_array.into(),
            after.errors_array.into(),
        );
    }
    match (&before.deprecated, &after.deprecated) {
        (None, Some(reason)) => push(
            Class::Additive,
            Kind::Deprecated,
            Value::Null,
            reason.as_str().into(),
        ),
        (Some(reason), None) => push(
            Class::Additive,
            Kind::Undeprecated,
            reason.as_str().into(),
            Value::Null,
        ),
        (Some(old), Some(new)) if old != new => push(
            Class::Docs,
            Kind::DeprecationReason,
            old.as_str().into(),
            new.as_str().into(),
        ),
        _ => {}
    }
    for (kind, old, new) in [
        (Kind::Description, &before.description, &after.description),
        (Kind::Detail, &before.detail, &after.detail),
        (
            Kind::WhatHappened,
            &before.what_happened,
            &after.what_happened,
        ),
        (Kind::HowToFix, &before.how_to_fix, &after.how_to_fix),
        (
            Kind::CommonMistakes,
            &before.common_mistakes,
            &after.common_mistakes,
        ),
    ] {
        if old != new {
            push(Class::Docs, kind, old.as_str().into(), new.as_str().into());
        }
    }
    if before.related != after.related {
        let codes = |entry: &Entry| -> Value {
            entry
                .related
                .iter()
                .map(|code| Value::from(code.as_str()))
                .collect()
        };
        push(Class::Docs, Kind::Related, codes(before), codes(after));
    }
    if before.internal != after.internal {
        push(
            Class::Docs,
            Kind::Internal,
            before.internal.into(),
            after.internal.into(),
        );
    }
    surface_changes(before, after, &mut push);
}

/// The changes of which surfaces send a code, and of what the gateway sends for it. Clients of
/// a surface that stops sending a code, or sends it with another status or title, break.
fn surface_changes(
    before: &Entry,
    after: &Entry,
    push: &mut impl FnMut(Class, Kind, Value, Value),
) {
    for (surface, was, is) in [
        ("api", before.api, after.api),
        ("gateway", before.gateway.is_some(), after.gateway.is_some()),
    ] {
        match (was, is) {
            (true, false) => push(
                Class::Breaking,
                Kind::SurfaceRemoved,
                surface.into(),
                Value::Null,
            ),
            (false, true) => push(
                Class::Additive,
                Kind::SurfaceAdded,
                Value::Null,
                surface.into(),
            ),
            _ => {}
        }
    }
    let (Some(old), Some(new)) = (&before.gateway, &after.gateway) else {
        return;
    };
    if old.status != new.status {
        push(
            Class::Breaking,
            Kind::GatewayStatus,
            old.status.into(),
            new.status.into(),
        );
    }
    if old.title != new.title {
        push(
            Class::Breaking,
            Kind::GatewayTitle,
            old.title.as_str().into(),
            new.title.as_str().into(),
        );
    }
    if old.message != new.message {
        // `null`: the message comes from the error raised.
        let message =
            |message: &Option<String>| message.as_deref().map_or(Value::Null, Value::from);
        push(
            Class::Docs,
            Kind::GatewayMessage,
            message(&old.message),
            message(&new.message),
        );
    }
}

/// Fills in the lines of top-level changes (`docs_base_url`, `exhaustive`) from the two files'
/// text: the validated catalogue keeps no position for its top-level keys.
pub fn place_top_level_changes(changes: &mut [Change], old_text: &str, new_text: &str) {
    for change in changes.iter_mut().filter(|change| change.code.is_none()) {
        // A top-level change's kind is named after its YAML key (`docs_base_url`, `exhaustive`).
        let key = change.kind.as_str();
        change.old_line = top_level_line(old_text, key);
        change.new_line = top_level_line(new_text, key);
    }
}

/// The line (from 1) where the top-level `key:` of a block-style YAML file stands.
pub fn top_level_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start_matches([' ', '\t']).starts_with(':'))
        })
        .map(|index| index + 1)
}

/// How many changes of each class `changes` holds, in the order of [`Class::ALL`].
pub fn count_by_class(changes: &[Change]) -> [usize; 3] {
    Class::ALL.map(|class| changes.iter().filter(|c| c.class == class).count())
}
