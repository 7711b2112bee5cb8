//! What changed between two versions of a catalogue, and whether the change breaks clients.
//!
//! [`diff`] is a pure function of two validated catalogues; the command line only formats its
//! result. The rules, by what a client or a downstream crate would notice:
//!
//! - **breaking**: a code removed (clients matching on it stop recognising it, the generated
//!   constant disappears); a status, title or `errors_array` changed (the wire format of an
//!   existing code changes); `docs_base_url` changed (every `type` URL changes); `exhaustive`
//!   turned off (the generated `Code` becomes `#[non_exhaustive]`, so exhaustive `match`es stop
//!   compiling); a code added while both versions are `exhaustive` (an exhaustive `match`
//!   no longer covers every case); a surface no longer sending a code, or the gateway's status
//!   or title changed; a code's gRPC status changed (its `grpc`, stated or by default: a gRPC
//!   client's handling follows it), or the catalogue's error `domain` (gRPC clients match
//!   `ErrorInfo` by it); and a change in the order of the kept codes' variants (see below).
//! - **wire**: the bytes of an existing response change, though its status, title, `type` and
//!   shape do not: the description of a server error (5xx), which is the `detail` the runtime
//!   sends for it, and of a gateway code whose message comes from the error raised, which is
//!   the message the gateway sends when none is given; and the gateway's message. Clients that
//!   follow the contract keep working; ones that compare the text, and recorded responses, do
//!   not.
//! - **additive**: a code added to a non-exhaustive catalogue; a code deprecated or no longer
//!   deprecated (the code keeps working either way); a surface starting to send a code;
//!   `exhaustive` turned on (it only removes `#[non_exhaustive]`, which lets downstream matches
//!   drop their wildcard arm).
//! - **docs**: a description the runtime never sends, the `detail` (only the docs' example),
//!   the prose sections, related codes, the deprecation reason, the docs navigation, and the
//!   `internal` flag (which only decides whether the code has a public page).
//!
//! `Code` orders by URN (`Ord`), so the order of the entries does not change how codes sort.
//! It does decide the variants' discriminants (`Code::X as u16`) and the order of `Code::ALL`,
//! which the generated docs say are not stable across releases: a kept code that moves among
//! the others ([`Kind::Moved`]), and codes inserted or removed before others
//! ([`Kind::Discriminants`]), are reported as additive, so that a release that adds a code in
//! its sorted place stays a minor release while the report still says what moved.
//!
//! A removed code and an added code are reported as a probable rename when they share their
//! system and category, or their title, and the pairing is unambiguous (see
//! [`probable_renames`]); never from the last URN segment alone. The rename is breaking (the
//! old code is gone) and the new code is still listed as added.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde_json::{Value, json};
use unkey_errors_catalogue::{Catalogue, Entry};

/// How a change affects users of the catalogue's API and generated code, most severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// Clients or downstream code can break.
    Breaking,
    /// The bytes of existing responses change, not their contract: clients that compare
    /// message text, and recorded responses, see the difference.
    Wire,
    /// Something new; existing clients and code keep working.
    Additive,
    /// Only the docs change.
    Docs,
}

impl Class {
    /// Every class, in the order reports list them.
    pub const ALL: [Class; 4] = [Class::Breaking, Class::Wire, Class::Additive, Class::Docs];

    /// The class's name in reports and JSON: `breaking`, `wire`, `additive` or `docs`.
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Breaking => "breaking",
            Class::Wire => "wire",
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
    /// A code is gone and an added code probably replaces it (the addition is listed too).
    Renamed,
    /// A code is new.
    Added,
    /// The HTTP status of a code changed.
    Status,
    /// The title of a code changed.
    Title,
    /// The gRPC status of a code changed (its `grpc`, stated or the default of its status).
    Grpc,
    /// Whether a code's response carries an `errors` array changed.
    ErrorsArray,
    /// The base of every docs URL changed.
    DocsBaseUrl,
    /// The catalogue's `exhaustive` flag changed.
    Exhaustive,
    /// The catalogue's error `domain` (of its gRPC errors' `ErrorInfo`) changed.
    Domain,
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
    /// The code a framework condition is answered with changed, or a condition gained or lost
    /// its code (top-level `framework`): clients get another code, or another shape, for the
    /// same request.
    Framework,
    /// A kept code moved among the other kept codes: its variant stands elsewhere in `Code::ALL`
    /// and has another discriminant (its `Ord`, by URN, is unchanged).
    Moved,
    /// Kept codes that did not move get other discriminants (`as u16`, indices into
    /// `Code::ALL`), because codes were inserted, removed or moved before them.
    Discriminants,
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
            Kind::Grpc => "grpc",
            Kind::ErrorsArray => "errors_array",
            Kind::DocsBaseUrl => "docs_base_url",
            Kind::Exhaustive => "exhaustive",
            Kind::Domain => "domain",
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
            Kind::Framework => "framework",
            Kind::Moved => "moved",
            Kind::Discriminants => "discriminants",
        }
    }

    /// The top-level key of the catalogue that a change of this kind is about, for the kinds
    /// that concern a top-level setting rather than a code.
    pub fn top_level_key(self) -> Option<&'static str> {
        match self {
            Kind::DocsBaseUrl
            | Kind::Domain
            | Kind::Exhaustive
            | Kind::DocsNavigation
            | Kind::Framework => Some(self.as_str()),
            _ => None,
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
    /// The code it concerns (the removed code of a rename); `None` for a top-level setting and
    /// for [`Kind::Discriminants`], which concerns several codes.
    pub code: Option<String>,
    /// Where it stands in the old file: the entry's code line, or the top-level key's line
    /// once [`place_top_level_changes`] has found it, or for [`Kind::Discriminants`] the line
    /// of the first code whose discriminant changed. `None` when it is not in the old file.
    pub old_line: Option<usize>,
    /// Where it stands in the new file, as for `old_line`.
    pub new_line: Option<usize>,
    /// The old value, for a changed value.
    pub old: Option<Value>,
    /// The new value, for a changed value.
    pub new: Option<Value>,
    /// The other side of a probable rename: for a [`Kind::Renamed`] change, the added code
    /// that probably replaces `code`; for the [`Kind::Added`] change of that code, the removed
    /// code it probably replaces.
    pub probable_rename: Option<String>,
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
            probable_rename: None,
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
    /// `probable_rename`, each `null` when it does not apply.
    pub fn to_json(&self) -> Value {
        json!({
            "class": self.class.as_str(),
            "kind": self.kind.as_str(),
            "code": self.code,
            "old_line": self.old_line,
            "new_line": self.new_line,
            "old": self.old,
            "new": self.new,
            "probable_rename": self.probable_rename,
        })
    }
}

/// Every change from `old` to `new`: top-level settings first, then removals and renames in
/// the old file's order, changes to kept codes in the new file's order, then additions, then
/// changes of the variants' order. Lines of top-level settings are left `None`; see
/// [`place_top_level_changes`].
pub fn diff(old: &Catalogue, new: &Catalogue) -> Vec<Change> {
    let mut changes = Vec::new();
    if old.docs_base_url() != new.docs_base_url() {
        changes.push(
            Change::new(Class::Breaking, Kind::DocsBaseUrl, None).values(
                Value::from(old.docs_base_url()),
                Value::from(new.docs_base_url()),
            ),
        );
    }
    if old.domain() != new.domain() {
        changes.push(
            Change::new(Class::Breaking, Kind::Domain, None)
                .values(Value::from(old.domain()), Value::from(new.domain())),
        );
    }
    if old.exhaustive() != new.exhaustive() {
        let class = if new.exhaustive() {
            Class::Additive
        } else {
            Class::Breaking
        };
        changes.push(
            Change::new(class, Kind::Exhaustive, None)
                .values(Value::from(old.exhaustive()), Value::from(new.exhaustive())),
        );
    }

    if old.docs_navigation() != new.docs_navigation() {
        let navigation = |catalogue: &Catalogue| {
            let systems: Vec<String> = catalogue
                .docs_navigation()
                .systems
                .iter()
                .map(|s| format!("{}: {}", s.system, s.group))
                .collect();
            serde_json::json!({
                "group": catalogue.docs_navigation().group,
                "icon": catalogue.docs_navigation().icon,
                "expanded": catalogue.docs_navigation().expanded,
                "systems": systems,
            })
        };
        changes.push(
            Change::new(Class::Docs, Kind::DocsNavigation, None)
                .values(navigation(old), navigation(new)),
        );
    }

    if old.framework() != new.framework() {
        let framework = |catalogue: &Catalogue| {
            Value::Object(
                catalogue
                    .framework()
                    .iter()
                    .map(|(condition, code)| (condition.key().to_owned(), code.as_str().into()))
                    .collect(),
            )
        };
        changes.push(
            Change::new(Class::Breaking, Kind::Framework, None)
                .values(framework(old), framework(new)),
        );
    }

    let removed: Vec<&Entry> = old
        .entries()
        .iter()
        .filter(|entry| new.get(entry.code.as_str()).is_none())
        .collect();
    let added: Vec<&Entry> = new
        .entries()
        .iter()
        .filter(|entry| old.get(entry.code.as_str()).is_none())
        .collect();
    let renames = probable_renames(&removed, &added);
    let renamed_to: HashMap<&str, &Entry> = renames
        .iter()
        .map(|(from, to)| (from.code.as_str(), *to))
        .collect();
    let renamed_from: HashMap<&str, &Entry> = renames
        .iter()
        .map(|(from, to)| (to.code.as_str(), *from))
        .collect();

    for from in &removed {
        match renamed_to.get(from.code.as_str()) {
            Some(to) => {
                let mut change =
                    Change::new(Class::Breaking, Kind::Renamed, Some(from.code.as_str()))
                        .lines(Some(from.line), Some(to.line));
                change.probable_rename = Some(to.code.as_str().to_owned());
                changes.push(change);
            }
            None => changes.push(
                Change::new(Class::Breaking, Kind::Removed, Some(from.code.as_str()))
                    .lines(Some(from.line), None),
            ),
        }
    }
    for after in new.entries() {
        if let Some(before) = old.get(after.code.as_str()) {
            entry_changes(before, after, &mut changes);
        }
    }
    // Downstream `match`es are exhaustive only if the old `Code` was: a new variant breaks them.
    let added_class = if old.exhaustive() && new.exhaustive() {
        Class::Breaking
    } else {
        Class::Additive
    };
    for entry in &added {
        let mut change = Change::new(added_class, Kind::Added, Some(entry.code.as_str()))
            .lines(None, Some(entry.line));
        change.probable_rename = renamed_from
            .get(entry.code.as_str())
            .map(|from| from.code.as_str().to_owned());
        changes.push(change);
    }
    order_changes(old, new, &mut changes);
    changes
}

/// Pairs of (removed, added) entries that are probably one code renamed, in the order of
/// `removed`.
///
/// A pair must share the system and category of their codes, or their title: a shared last
/// segment alone (`…:not_found`) relates unrelated codes. Pairs are taken in three rounds,
/// the surest first: both the system and category and the title shared, then only the system
/// and category, then only the title. In each round a removed code pairs with an added code
/// only when each is the other's one candidate left, so an ambiguous case (two added codes
/// titled "Not Found") pairs nothing. Each round groups the codes by what they must share, so
/// renaming every code of a large catalogue stays linear.
pub fn probable_renames<'a>(
    removed: &[&'a Entry],
    added: &[&'a Entry],
) -> Vec<(&'a Entry, &'a Entry)> {
    let rounds: [fn(&Entry) -> RenameKey<'_>; 3] = [place_and_title, place, title];
    let mut pairs: Vec<(&Entry, &Entry)> = Vec::new();
    let mut paired: HashSet<&str> = HashSet::new();
    for key in rounds {
        // For each key, the unpaired removed and added codes that have it.
        let mut by_key: HashMap<RenameKey, (Vec<&Entry>, Vec<&Entry>)> = HashMap::new();
        for from in removed.iter().filter(|e| !paired.contains(e.code.as_str())) {
            by_key.entry(key(from)).or_default().0.push(from);
        }
        for to in added.iter().filter(|e| !paired.contains(e.code.as_str())) {
            by_key.entry(key(to)).or_default().1.push(to);
        }
        for from in removed.iter().filter(|e| !paired.contains(e.code.as_str())) {
            if let Some(([_], [to])) = by_key
                .get(&key(from))
                .map(|(froms, tos)| (&froms[..], &tos[..]))
            {
                pairs.push((from, to));
            }
        }
        for (from, to) in &pairs {
            paired.insert(from.code.as_str());
            paired.insert(to.code.as_str());
        }
    }
    // Later rounds append; give the pairs in the order of `removed`.
    let position: HashMap<&str, usize> = removed
        .iter()
        .enumerate()
        .map(|(index, entry)| (entry.code.as_str(), index))
        .collect();
    pairs.sort_by_key(|(from, _)| position[from.code.as_str()]);
    pairs
}

/// What a removed and an added code must share to be paired as a rename, in one round of
/// [`probable_renames`]: system and category, title, or both (`None` where not compared).
type RenameKey<'a> = (Option<(&'a str, &'a str)>, Option<&'a str>);

/// The system and category of `entry`'s code, and its title.
fn place_and_title(entry: &Entry) -> RenameKey<'_> {
    (place(entry).0, title(entry).1)
}

/// The system and category of `entry`'s code.
fn place(entry: &Entry) -> RenameKey<'_> {
    (Some((entry.code.system(), entry.code.category())), None)
}

/// The title of `entry`.
fn title(entry: &Entry) -> RenameKey<'_> {
    (None, Some(entry.title.as_str()))
}

/// The changes to the order of `Code`'s variants among the codes both catalogues hold: each
/// kept code that moved relative to the others, then one change for the kept codes whose
/// discriminant shifted without their moving.
///
/// The codes that stay put are a longest run of kept codes in the same relative order in both
/// files; the rest moved. So swapping two entries moves one, and inserting a code moves none.
fn order_changes(old: &Catalogue, new: &Catalogue, changes: &mut Vec<Change>) {
    let new_index: HashMap<&str, usize> = new
        .entries()
        .iter()
        .enumerate()
        .map(|(index, entry)| (entry.code.as_str(), index))
        .collect();
    // The kept codes in the old file's order, with their old and new positions.
    let kept: Vec<(&Entry, usize, &Entry, usize)> = old
        .entries()
        .iter()
        .enumerate()
        .filter_map(|(old_index, before)| {
            let index = *new_index.get(before.code.as_str())?;
            Some((before, old_index, &new.entries()[index], index))
        })
        .collect();
    let new_positions: Vec<usize> = kept.iter().map(|&(_, _, _, index)| index).collect();
    let stay = longest_increasing_run(&new_positions);
    let mut shifted = Vec::new();
    for (i, &(before, old_index, after, new_index)) in kept.iter().enumerate() {
        if !stay[i] {
            changes.push(
                Change::new(Class::Additive, Kind::Moved, Some(after.code.as_str()))
                    .lines(Some(before.line), Some(after.line))
                    .values(old_index.into(), new_index.into()),
            );
        } else if old_index != new_index {
            shifted.push((before, old_index, after, new_index));
        }
    }
    let Some(&(first_before, _, first_after, _)) = shifted.first() else {
        return;
    };
    let discriminants = |pick: fn(&(&Entry, usize, &Entry, usize)) -> usize| -> Value {
        Value::Object(
            shifted
                .iter()
                .map(|kept| (kept.2.code.as_str().to_owned(), pick(kept).into()))
                .collect(),
        )
    };
    changes.push(
        Change::new(Class::Additive, Kind::Discriminants, None)
            .lines(Some(first_before.line), Some(first_after.line))
            .values(discriminants(|kept| kept.1), discriminants(|kept| kept.3)),
    );
}

/// Which items of `values` (distinct numbers) belong to one longest strictly increasing
/// subsequence, found by patience sorting in O(n log n): a catalogue may hold 65,535 codes.
fn longest_increasing_run(values: &[usize]) -> Vec<bool> {
    // tails[k]: the item ending the increasing run of length k + 1 with the smallest last value
    // found so far; previous[i]: the item before i in the run that i ends.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; values.len()];
    for (i, &value) in values.iter().enumerate() {
        let length = tails.partition_point(|&tail| values[tail] < value);
        previous[i] = length.checked_sub(1).map(|before| tails[before]);
        if length == tails.len() {
            tails.push(i);
        } else {
            tails[length] = i;
        }
    }
    let mut in_run = vec![false; values.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        in_run[i] = true;
        at = previous[i];
    }
    in_run
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
    // The entry's own status and title are the API's, on a code the API sends before and
    // after. On a gateway-only code they are the gateway's, compared with its other facts; a
    // code the API starts or stops sending is a surface added or removed, not a new status.
    let api_both = before.api && after.api;
    if api_both && before.status != after.status {
        push(
            Class::Breaking,
            Kind::Status,
            before.status.into(),
            after.status.into(),
        );
    }
    if api_both && before.title != after.title {
        push(
            Class::Breaking,
            Kind::Title,
            before.title.as_str().into(),
            after.title.as_str().into(),
        );
    }
    if before.grpc != after.grpc {
        push(
            Class::Breaking,
            Kind::Grpc,
            before.grpc.name().into(),
            after.grpc.name().into(),
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
    if before.description != after.description {
        push(
            description_class(after),
            Kind::Description,
            before.description.as_str().into(),
            after.description.as_str().into(),
        );
    }
    // `detail` is only the docs' example: the runtime sends the detail an error makes.
    for (kind, old, new) in [
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

/// How a change of `entry`'s description affects users. The runtime sends the description
/// as the `detail` of a server error (5xx) made without a detail of its own, and as the
/// gateway's message for a code whose message comes from the error raised when none is given;
/// so for those codes a new description changes the bytes clients receive. Otherwise it is
/// only read in the docs.
fn description_class(entry: &Entry) -> Class {
    let gateway_default = entry
        .gateway
        .as_ref()
        .is_some_and(|gateway| gateway.message.is_none());
    if entry.status >= 500 || gateway_default {
        Class::Wire
    } else {
        Class::Docs
    }
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
        // The message is the gateway's body, so a new one changes what clients receive.
        push(
            Class::Wire,
            Kind::GatewayMessage,
            message(&old.message),
            message(&new.message),
        );
    }
}

/// Fills in the lines of top-level changes (`docs_base_url`, `exhaustive`, `docs_navigation`)
/// from the two files' text: the validated catalogue keeps no position for its top-level keys.
pub fn place_top_level_changes(changes: &mut [Change], old_text: &str, new_text: &str) {
    for change in changes.iter_mut() {
        let Some(key) = change.kind.top_level_key() else {
            continue;
        };
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
pub fn count_by_class(changes: &[Change]) -> [usize; Class::ALL.len()] {
    Class::ALL.map(|class| changes.iter().filter(|c| c.class == class).count())
}

/// The whole diff as the JSON document `diff --json` prints: the two files as named, every
/// change ([`Change::to_json`]) and the number of changes of each class.
pub fn to_json(changes: &[Change], old_name: &str, new_name: &str) -> Value {
    let counts = count_by_class(changes);
    let summary: serde_json::Map<String, Value> = Class::ALL
        .iter()
        .zip(counts)
        .map(|(class, count)| (class.as_str().to_owned(), count.into()))
        .collect();
    json!({
        "old": old_name,
        "new": new_name,
        "changes": changes.iter().map(Change::to_json).collect::<Vec<_>>(),
        "summary": summary,
    })
}

/// The human report: changes grouped by class, one line each with its place in the files, then
/// a one-line summary.
pub fn report(changes: &[Change], old_name: &str, new_name: &str) -> String {
    let mut report = String::new();
    for class in Class::ALL {
        let of_class: Vec<&Change> = changes.iter().filter(|c| c.class == class).collect();
        if of_class.is_empty() {
            continue;
        }
        report.push_str(&format!("{class} ({}):\n", of_class.len()));
        for change in of_class {
            let place = match (change.old_line, change.new_line) {
                (Some(old), Some(new)) => format!("{old_name}:{old} -> {new_name}:{new}"),
                (Some(old), None) => format!("{old_name}:{old}"),
                (None, Some(new)) => format!("{new_name}:{new}"),
                (None, None) => format!("{old_name} -> {new_name}"),
            };
            report.push_str(&format!("  {}  ({place})\n", change.describe()));
        }
    }
    if changes.is_empty() {
        report.push_str(&format!("no changes from {old_name} to {new_name}\n"));
    } else {
        let counts = count_by_class(changes);
        let parts: Vec<String> = Class::ALL
            .iter()
            .zip(counts)
            .map(|(class, count)| format!("{count} {class}"))
            .collect();
        let last = counts[Class::ALL.len() - 1];
        report.push_str(&format!(
            "{} change{} from {old_name} to {new_name}\n",
            parts.join(", "),
            if last == 1 { "" } else { "s" }
        ));
    }
    report
}

impl Change {
    /// The change in words, naming its code first, e.g.
    /// `err:shop:orders:gone  status: 404 -> 410`.
    pub fn describe(&self) -> String {
        let shown = |value: &Option<Value>| {
            value
                .as_ref()
                .map_or_else(|| "none".to_owned(), ToString::to_string)
        };
        let what = match self.kind {
            Kind::Removed => "removed".to_owned(),
            Kind::Renamed => format!(
                "removed, probably renamed to {}",
                self.probable_rename.as_deref().unwrap_or_default()
            ),
            Kind::Added => match &self.probable_rename {
                Some(from) => format!("added, probably the new name of {from}"),
                None => "added".to_owned(),
            },
            Kind::Deprecated => format!(
                "deprecated: {}",
                self.new
                    .as_ref()
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
            ),
            Kind::Undeprecated => "no longer deprecated".to_owned(),
            Kind::WhatHappened | Kind::HowToFix | Kind::CommonMistakes => {
                format!("{} changed", self.kind)
            }
            Kind::Description if self.class == Class::Wire => format!(
                "description, which the runtime sends as the response's text: {} -> {}",
                shown(&self.old),
                shown(&self.new)
            ),
            Kind::Related => self.describe_related(),
            Kind::Moved => format!(
                "moved among the existing codes: it stands elsewhere in `Code::ALL` and its \
                 discriminant (`as u16`, not stable across releases) is {} -> {}; it sorts \
                 (`Ord`, by URN) as before",
                shown(&self.old),
                shown(&self.new)
            ),
            Kind::Discriminants => self.describe_discriminants(),
            _ => format!(
                "{}: {} -> {}",
                self.kind,
                shown(&self.old),
                shown(&self.new)
            ),
        };
        match &self.code {
            Some(code) => format!("{code}  {what}"),
            None => what,
        }
    }

    /// A [`Kind::Related`] change: the codes listed (`+`) and no longer listed (`-`).
    fn describe_related(&self) -> String {
        let list = |value: &Option<Value>| -> Vec<String> {
            value
                .as_ref()
                .and_then(|v| v.as_array())
                .map(|codes| {
                    codes
                        .iter()
                        .filter_map(|c| c.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        let (old, new) = (list(&self.old), list(&self.new));
        let mut parts: Vec<String> = new
            .iter()
            .filter(|code| !old.contains(code))
            .map(|code| format!("+{code}"))
            .collect();
        parts.extend(
            old.iter()
                .filter(|code| !new.contains(code))
                .map(|code| format!("-{code}")),
        );
        if parts.is_empty() {
            "related reordered".to_owned()
        } else {
            format!("related {}", parts.join(" "))
        }
    }

    /// A [`Kind::Discriminants`] change: how many codes shifted, the first of them, and what
    /// that changes.
    fn describe_discriminants(&self) -> String {
        let (Some(Value::Object(old)), Some(Value::Object(new))) = (&self.old, &self.new) else {
            return "discriminants changed".to_owned();
        };
        // The first shifted code in the file: the one with the smallest new discriminant.
        let first = new
            .iter()
            .filter_map(|(code, index)| Some((index.as_u64()?, code)))
            .min();
        let example = first.map_or_else(String::new, |(index, code)| {
            let before = old
                .get(code)
                .map_or_else(|| "?".to_owned(), ToString::to_string);
            format!(", from {code} ({before} -> {index})")
        });
        let count = match new.len() {
            1 => "1 existing code gets".to_owned(),
            n => format!("{n} existing codes get"),
        };
        format!(
            "{count} another discriminant{example}: `as u16` and indices into `Code::ALL` name \
             other codes than before (neither is stable across releases; `Ord`, by URN, is \
             unchanged)"
        )
    }
}
