//! The parsed YAML tree to a validated [`Catalogue`], reporting every problem found.

use std::collections::HashMap;

use crate::diagnostic::{Position, Report};
use crate::model::{
    Catalogue, DocsNavigation, Entry, GatewayFacts, NavigationSystem, Surface, Urn, title_case,
};
use crate::outline::{Outline, Place};
use crate::suggest::{closest, did_you_mean};
use crate::yaml::Node;

/// The most entries a catalogue may hold. Past it the generated enum would no longer fit a
/// `u16` and users' builds would slow to a crawl; split such a catalogue by system instead.
pub const MAX_ENTRIES: usize = 65_535;

/// Every top-level key a catalogue may have.
pub const TOP_LEVEL_KEYS: [&str; 4] = ["docs_base_url", "docs_navigation", "exhaustive", "errors"];

/// Every key of the top-level `docs_navigation` mapping.
pub const DOCS_NAVIGATION_KEYS: [&str; 4] = ["group", "icon", "expanded", "systems"];

/// Every key of an item of `docs_navigation.systems`.
pub const DOCS_NAVIGATION_SYSTEM_KEYS: [&str; 2] = ["system", "group"];

/// The keys every item of `docs_navigation.systems` must have.
pub const REQUIRED_DOCS_NAVIGATION_SYSTEM_KEYS: [&str; 1] = ["system"];

/// The top-level keys every catalogue must have.
pub const REQUIRED_TOP_LEVEL_KEYS: [&str; 2] = ["docs_base_url", "errors"];

/// The fields every entry must have.
pub const REQUIRED_ENTRY_FIELDS: [&str; 4] = ["status", "title", "description", "detail"];

/// The docs page's sections: required of every entry but an `internal: true` one.
pub const PAGE_SECTIONS: [&str; 3] = ["what_happened", "how_to_fix", "common_mistakes"];

/// Every field of an entry's `gateway` mapping.
pub const GATEWAY_FIELDS: [&str; 4] = ["status", "title", "message", "message_from_error"];

/// Every field an entry may have.
pub const ENTRY_FIELDS: [&str; 14] = [
    "status",
    "title",
    "description",
    "detail",
    "errors_array",
    "internal",
    "deprecated",
    "surfaces",
    "gateway",
    "related",
    "what_happened",
    "how_to_fix",
    "common_mistakes",
    // Accepted for readers of the YAML: an entry may restate its own code, which must agree.
    "code",
];

/// Parts that cannot name a generated module, even as raw identifiers.
const RESERVED_PARTS: [&str; 3] = ["self", "super", "crate"];

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
    let mut entries = None;
    let mut exhaustive = false;
    let mut navigation = None;
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
            "errors" => entries = Some(validate_entries(value, place, outline, report)),
            "exhaustive" => exhaustive = flag(name, value, place, report),
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
    let docs_navigation = match navigation {
        Some(fields) => resolve_navigation(fields, &entries, report)?,
        None => DocsNavigation::default_for(&entries),
    };
    Some(Catalogue::new(
        docs_base_url?,
        entries,
        exhaustive,
        docs_navigation,
    ))
    .filter(|_| !report.has_errors())
}

/// The top-level `docs_navigation` mapping as read, before it is checked against the systems
/// the entries have.
#[derive(Default)]
struct NavigationFields {
    group: Option<String>,
    icon: Option<String>,
    expanded: bool,
    /// `systems`, when given: the items that could be read, whether any item had a mistake
    /// (reported, and the item left out), and where the list stands.
    systems: Option<(Vec<ListedSystem>, bool, Place)>,
}

/// An item of `docs_navigation.systems` as read.
struct ListedSystem {
    system: String,
    group: Option<String>,
    /// Where the item's `system` value stands.
    at: Position,
}

fn navigation_fields(
    value: &Node,
    place: Place,
    outline: &Outline,
    report: &mut Report<'_>,
) -> NavigationFields {
    let mut fields = NavigationFields::default();
    let Node::Mapping(pairs) = value else {
        report.error(
            place.value,
            format!(
                "`docs_navigation` must be a mapping, not {}",
                value.kind()
            ),
            Some(
                "give it indented keys, e.g. `group: Errors` and `systems:` with one `- system: …` per system"
                    .to_owned(),
            ),
        );
        return fields;
    };
    let mut seen = KeySeen::default();
    for (key, value) in pairs {
        let Some(name) = key_name(key, place, report) else {
            continue;
        };
        let Some(field) = seen.first_occurrence(outline, place, name, report, |name| {
            format!("`{name}` is set twice in `docs_navigation`")
        }) else {
            continue;
        };
        match name {
            "group" => fields.group = line_text(name, value, field, report),
            "icon" => fields.icon = line_text(name, value, field, report),
            "expanded" => fields.expanded = flag(name, value, field, report),
            "systems" => {
                let errors_before = report.error_count();
                let listed = navigation_systems(value, field, outline, report);
                let with_mistakes = report.error_count() > errors_before;
                fields.systems = Some((listed, with_mistakes, field));
            }
            _ => {
                unknown_key(
                    name,
                    field,
                    &DOCS_NAVIGATION_KEYS,
                    "`docs_navigation` key",
                    report,
                );
            }
        }
    }
    fields
}

/// The items of `docs_navigation.systems`: each a mapping with `system` and an optional `group`.
fn navigation_systems(
    value: &Node,
    place: Place,
    outline: &Outline,
    report: &mut Report<'_>,
) -> Vec<ListedSystem> {
    let example =
        "write one `- system: <system>` item per system, each with an optional `group: <name>`";
    let Node::Sequence(items) = value else {
        report.error(
            place.value,
            format!("`systems` must be a list, not {}", value.kind()),
            Some(example.to_owned()),
        );
        return Vec::new();
    };
    let mut systems = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let item_place = outline.item(place, index);
        let Node::Mapping(pairs) = item else {
            report.error(
                item_place.value,
                format!(
                    "an item of `systems` must be a mapping, not {}",
                    item.kind()
                ),
                Some(example.to_owned()),
            );
            continue;
        };
        let mut system = None;
        let mut group = None;
        let mut readable = true;
        let mut seen = KeySeen::default();
        for (key, value) in pairs {
            let Some(name) = key_name(key, item_place, report) else {
                readable = false;
                continue;
            };
            let field = item_field(outline, report, item_place, &seen, name);
            if let Some(first) = seen.duplicate(name, field) {
                report.error(
                    field.key,
                    format!("`{name}` is set twice in this item of `systems`"),
                    Some(format!(
                        "keep one of the two; the first is at line {}",
                        first.line
                    )),
                );
                readable = false;
                continue;
            }
            match name {
                "system" => match value {
                    Node::String(text) => system = Some((text.clone(), field.value)),
                    other => {
                        report.error(
                            field.value,
                            format!("`system` must be a system's name, not {}", other.kind()),
                            Some("write the system part of its codes, e.g. `system: unkey` for `err:unkey:…`".to_owned()),
                        );
                        readable = false;
                    }
                },
                "group" => {
                    group = line_text(name, value, field, report);
                    readable &= group.is_some();
                }
                _ => {
                    unknown_key(
                        name,
                        field,
                        &DOCS_NAVIGATION_SYSTEM_KEYS,
                        "key of a navigation system",
                        report,
                    );
                    readable = false;
                }
            }
        }
        match system {
            Some((system, at)) if readable => systems.push(ListedSystem { system, group, at }),
            Some(_) => {}
            None if readable => report.error(
                item_place.key,
                "this item of `systems` has no `system`",
                Some("add `system: <system>`, the system part of the codes it groups".to_owned()),
            ),
            None => {}
        }
    }
    systems
}

/// Where the key `name` of a list item stands. The outline knows the keys on the lines below
/// the item's dash; the first key shares the dash's line (`- system: unkey`), where the item's
/// own place is, so its key and value are found on that line.
fn item_field(
    outline: &Outline,
    report: &Report<'_>,
    item: Place,
    seen: &KeySeen,
    name: &str,
) -> Place {
    let field = seen.place(outline, item, name);
    if field.key != item.key {
        return field;
    }
    let mut field = item;
    field.key = item.value;
    if let Some(line) = report.line(item.value.line) {
        let skip = item.value.column.saturating_sub(1);
        let rest: String = line.chars().skip(skip).collect();
        if let Some(after_key) = rest
            .strip_prefix(name)
            .and_then(|rest| rest.strip_prefix(':'))
        {
            let value = after_key.trim_start();
            field.value.column = skip + (rest.chars().count() - value.chars().count()) + 1;
        }
    }
    field
}

/// The navigation settings checked against the entries: every system listed once and has
/// codes, every system with codes listed, and no two group names alike. Unlisted defaults are
/// filled in.
fn resolve_navigation(
    fields: NavigationFields,
    entries: &[Entry],
    report: &mut Report<'_>,
) -> Option<DocsNavigation> {
    let defaults = DocsNavigation::default_for(entries);
    let Some((listed, listed_with_mistakes, systems_place)) = fields.systems else {
        return Some(DocsNavigation {
            group: fields.group.unwrap_or(defaults.group),
            icon: fields.icon,
            expanded: fields.expanded,
            systems: defaults.systems,
        });
    };
    let entries_incomplete = report.has_errors();
    let errors_before_checks = report.error_count();
    let with_codes: Vec<&str> = defaults
        .systems
        .iter()
        .map(|system| system.system.as_str())
        .collect();
    let mut systems: Vec<NavigationSystem> = Vec::with_capacity(listed.len());
    let mut first_at: HashMap<String, Position> = HashMap::new();
    let mut group_at: HashMap<String, (String, Position)> = HashMap::new();
    for ListedSystem { system, group, at } in listed {
        if let Some(first) = first_at.get(&system) {
            report.error_spanning(
                at,
                system.chars().count(),
                format!("system `{system}` is listed twice in `docs_navigation.systems`"),
                Some(format!(
                    "list each system once; the first is at line {}",
                    first.line
                )),
            );
            continue;
        }
        first_at.insert(system.clone(), at);
        // An entry with a mistake is left out of `entries`: its system may have codes after all.
        if !with_codes.contains(&system.as_str()) && !entries_incomplete {
            let hint = did_you_mean(&closest(&system, with_codes.iter().copied()));
            report.error_spanning(
                at,
                system.chars().count(),
                format!("`docs_navigation` lists the system `{system}`, but no code has it"),
                Some(hint.unwrap_or_else(|| {
                    format!(
                        "remove the item; the systems with codes are {}",
                        quoted_list(&with_codes)
                    )
                })),
            );
            continue;
        }
        let group = group.unwrap_or_else(|| title_case(&system));
        if let Some((other, _)) = group_at.get(&group) {
            report.error_spanning(
                at,
                system.chars().count(),
                format!("systems `{other}` and `{system}` both have the group name `{group}`"),
                Some(
                    "give each system its own `group:`: a reader could not tell the two apart"
                        .to_owned(),
                ),
            );
            continue;
        }
        group_at.insert(group.clone(), (system.clone(), at));
        systems.push(NavigationSystem { system, group });
    }
    // A mistake in the list (an unreadable item, an unknown system) most likely stands where
    // the missing system was meant: that problem is reported, and no second one for it.
    let list_had_mistakes = listed_with_mistakes || report.error_count() > errors_before_checks;
    let missing: Vec<&str> = with_codes
        .iter()
        .copied()
        .filter(|system| !first_at.contains_key(*system))
        .collect();
    if !missing.is_empty() && !list_had_mistakes {
        let items: Vec<String> = missing
            .iter()
            .map(|system| format!("`- system: {system}`"))
            .collect();
        report.error(
            systems_place.key,
            format!(
                "`docs_navigation.systems` leaves out {} {}, which {} codes",
                if missing.len() == 1 {
                    "the system"
                } else {
                    "the systems"
                },
                quoted_list(&missing),
                if missing.len() == 1 { "has" } else { "have" },
            ),
            Some(format!(
                "list every system with codes, in the order the navigation shows them: add {}",
                items.join(", ")
            )),
        );
        return None;
    }
    Some(DocsNavigation {
        group: fields.group.unwrap_or(defaults.group),
        icon: fields.icon,
        expanded: fields.expanded,
        systems,
    })
}

/// `a`, `b` and `c` as a list of quoted names, for a message.
fn quoted_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Remembers where each key of one mapping was first seen, and how often.
#[derive(Default)]
struct KeySeen {
    counts: HashMap<String, (usize, Position)>,
}

impl KeySeen {
    /// The outline place of this occurrence of `name` under `parent`.
    fn place(&self, outline: &Outline, parent: Place, name: &str) -> Place {
        let nth = self.counts.get(name).map_or(0, |(count, _)| *count);
        outline.key(parent, name, nth)
    }

    /// Records an occurrence; returns where the first one stands if this one is a repeat.
    fn duplicate(&mut self, name: &str, place: Place) -> Option<Position> {
        let (count, first) = self.counts.entry(name.to_owned()).or_insert((0, place.key));
        *count += 1;
        (*count > 1).then_some(*first)
    }

    /// The place of this occurrence of `name` under `parent`; `None`, after reporting the
    /// repeat as `set_twice(name)` with where the first one stands, when `name` was seen before.
    fn first_occurrence(
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

    fn first(&self, name: &str) -> Option<Position> {
        self.counts.get(name).map(|(_, first)| *first)
    }
}

/// The text of a mapping key, or an error when the key is not a string.
fn key_name<'n>(key: &'n Node, parent: Place, report: &mut Report<'_>) -> Option<&'n str> {
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
fn unknown_key<'k>(
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

fn docs_url(value: &Node, place: Place, report: &mut Report<'_>) -> Option<String> {
    match value {
        Node::String(url) if url.starts_with("https://") || url.starts_with("http://") => {
            Some(url.trim_end_matches('/').to_owned())
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

fn validate_entries(
    value: &Node,
    errors_place: Place,
    outline: &Outline,
    report: &mut Report<'_>,
) -> Vec<Entry> {
    let pairs = match value {
        Node::Mapping(pairs) => pairs,
        Node::Null => {
            report.error(
                errors_place.key,
                "`errors` has no entries",
                Some(format!(
                    "add at least one entry under `errors:`, keyed by its code ({})",
                    Urn::FORM
                )),
            );
            return Vec::new();
        }
        other => {
            report.error(
                errors_place.value,
                format!(
                    "`errors` must be a mapping from code to entry, not {}",
                    other.kind()
                ),
                Some(format!(
                    "write each entry as `  {}:` followed by its indented fields",
                    "err:<system>:<category>:<specific>"
                )),
            );
            return Vec::new();
        }
    };
    if pairs.len() > MAX_ENTRIES {
        report.error(
            errors_place.key,
            format!(
                "the catalogue has {} entries, more than the limit of {MAX_ENTRIES}",
                pairs.len()
            ),
            Some(
                "split the catalogue by system into several files, each with its own `catalogue!`"
                    .to_owned(),
            ),
        );
        return Vec::new();
    }

    let mut entries = Vec::with_capacity(pairs.len());
    let mut seen = KeySeen::default();
    // Every entry whose code could be read, valid or not, with its `related` list: an entry
    // with another problem still has its related codes checked, and can still be linked to.
    let mut links = Vec::with_capacity(pairs.len());
    for (key, value) in pairs {
        let Some(code_text) = key_name(key, errors_place, report) else {
            continue;
        };
        let place = seen.place(outline, errors_place, code_text);
        if let Some(first) = seen.duplicate(code_text, place) {
            report.error(
                place.key,
                format!("duplicate code `{code_text}`"),
                Some(format!(
                    "every code is defined once; remove or rename one of the two entries (the first is at line {})",
                    first.line
                )),
            );
            continue;
        }
        let code = match Urn::parse(code_text) {
            Ok(code) => check_reserved(code, place, report),
            Err(error) => {
                report.error(
                    place.key,
                    format!("malformed code: {error}"),
                    Some(format!(
                        "codes look like `err:unkey:authorization:forbidden` ({})",
                        Urn::FORM
                    )),
                );
                None
            }
        };
        let (entry, entry_links) = validate_entry(code, value, place, outline, report);
        entries.extend(entry);
        links.extend(entry_links);
    }
    check_related(&links, report);
    check_variant_names(&entries, outline, errors_place, report);
    entries
}

fn check_reserved(code: Urn, place: Place, report: &mut Report<'_>) -> Option<Urn> {
    for part in [code.system(), code.category()] {
        if RESERVED_PARTS.contains(&part) {
            report.error(
                place.key,
                format!("`{part}` cannot be a system or category: it is reserved in Rust paths"),
                Some(format!("rename the part, e.g. `{part}_`")),
            );
            return None;
        }
    }
    Some(code)
}

/// The fields of one entry as read, before the checks that need the whole catalogue.
#[derive(Default)]
struct Fields {
    status: Option<u16>,
    title: Option<String>,
    description: Option<String>,
    detail: Option<String>,
    errors_array: bool,
    internal: bool,
    deprecated: Option<String>,
    /// `surfaces`, when given, and where it stands; `None` in place of the list when one of
    /// its items could not be read (the checks that need the list are then skipped).
    surfaces: Option<(Option<Vec<Surface>>, Place)>,
    /// The `gateway` mapping's fields as read, and where it stands.
    gateway: Option<(GatewayFields, Place)>,
    related: Vec<(Urn, Position)>,
    what_happened: String,
    how_to_fix: String,
    common_mistakes: String,
}

/// An entry's code and the codes it lists as related, for the checks across entries.
struct Links {
    code: Urn,
    internal: bool,
    related: Vec<(Urn, Position)>,
}

/// Validates one entry's fields. The entry is `None` when any of them is unusable (the problems
/// are in the report either way); its links are there whenever its code is.
fn validate_entry(
    code: Option<Urn>,
    value: &Node,
    place: Place,
    outline: &Outline,
    report: &mut Report<'_>,
) -> (Option<Entry>, Option<Links>) {
    let pairs = match value {
        Node::Mapping(pairs) => pairs,
        other => {
            report.error(
                place.value,
                format!("an entry must be a mapping of fields, not {}", other.kind()),
                Some("give the entry its fields on the following lines, indented: `status:`, `title:`, `description:`, `detail:`".to_owned()),
            );
            let links = code.map(|code| Links {
                code,
                internal: false,
                related: Vec::new(),
            });
            return (None, links);
        }
    };
    let errors_before = report.error_count();
    let mut fields = Fields::default();
    let mut seen = KeySeen::default();
    // Fields an unknown key probably meant: their absence is the same mistake, reported once.
    let mut misspelled = Vec::new();
    for (key, value) in pairs {
        let Some(name) = key_name(key, place, report) else {
            continue;
        };
        let Some(field) = seen.first_occurrence(outline, place, name, report, |name| {
            format!("field `{name}` is set twice in this entry")
        }) else {
            continue;
        };
        match name {
            "status" => fields.status = status(value, field, report),
            "title" => fields.title = line_text(name, value, field, report),
            "description" => fields.description = line_text(name, value, field, report),
            "detail" => fields.detail = line_text(name, value, field, report),
            "errors_array" => fields.errors_array = flag(name, value, field, report),
            "internal" => fields.internal = flag(name, value, field, report),
            "deprecated" => fields.deprecated = line_text(name, value, field, report),
            "surfaces" => fields.surfaces = Some((surfaces(value, field, outline, report), field)),
            "gateway" => {
                fields.gateway = Some((gateway_fields(value, field, outline, report), field));
            }
            "related" => fields.related = related(value, field, outline, report),
            "what_happened" => fields.what_happened = prose(name, value, field, report),
            "how_to_fix" => fields.how_to_fix = prose(name, value, field, report),
            "common_mistakes" => fields.common_mistakes = prose(name, value, field, report),
            "code" => {
                if let (Some(code), Node::String(restated)) = (&code, value) {
                    if restated != code.as_str() {
                        report.error(
                            field.value,
                            format!("`code: {restated}` disagrees with the entry's key `{code}`"),
                            Some("remove the `code` field or make it equal to the key".to_owned()),
                        );
                    }
                }
            }
            _ => {
                if let Some(meant) = unknown_key(name, field, &ENTRY_FIELDS, "field", report) {
                    misspelled.push(meant);
                }
            }
        }
    }
    let code_name = code
        .as_ref()
        .map_or("this entry".to_owned(), |c| format!("`{c}`"));
    let required = [
        (fields.status.is_none(), "status: 404"),
        (fields.title.is_none(), "title: Not Found"),
        (
            fields.description.is_none(),
            "description: One sentence saying what the error means.",
        ),
        (
            fields.detail.is_none(),
            "detail: The requested key does not exist",
        ),
    ];
    for (&name, (missing, example)) in REQUIRED_ENTRY_FIELDS.iter().zip(required) {
        if missing && seen.first(name).is_none() && !misspelled.contains(&name) {
            report.error(
                place.key,
                format!("{code_name} has no `{name}`"),
                Some(format!("add `{example}` to the entry")),
            );
        }
    }
    if !fields.internal {
        let sections = [
            &fields.what_happened,
            &fields.how_to_fix,
            &fields.common_mistakes,
        ];
        for (&name, text) in PAGE_SECTIONS.iter().zip(sections) {
            if text.trim().is_empty() && !misspelled.contains(&name) {
                let at = seen.first(name).unwrap_or(place.key);
                report.error(
                    at,
                    format!("{code_name} has no `{name}` section: every public code has a complete docs page"),
                    Some(format!(
                        "write `{name}: |` with indented markdown, or mark the entry `internal: true` if it has no public page"
                    )),
                );
            }
        }
    }
    let links = code.clone().map(|code| Links {
        code,
        internal: fields.internal,
        related: fields.related.clone(),
    });
    let (api, gateway) = check_surfaces(&fields, place, &code_name, report);
    if report.error_count() > errors_before {
        return (None, links);
    }
    let entry = (|| {
        let gateway = match gateway {
            Some(gateway) => Some(GatewayFacts {
                status: gateway.status.or(fields.status)?,
                title: gateway.title.or_else(|| fields.title.clone())?,
                message: gateway.message,
            }),
            None => None,
        };
        Some(Entry {
            code: code?,
            status: fields.status?,
            gateway,
            title: fields.title?,
            api,
            description: fields.description?,
            detail: fields.detail?,
            errors_array: fields.errors_array,
            internal: fields.internal,
            deprecated: fields.deprecated,
            related: fields.related.into_iter().map(|(urn, _)| urn).collect(),
            what_happened: fields.what_happened,
            how_to_fix: fields.how_to_fix,
            common_mistakes: fields.common_mistakes,
            line: place.key.line,
        })
    })();
    (entry, links)
}

fn flag(name: &str, value: &Node, place: Place, report: &mut Report<'_>) -> bool {
    match value {
        Node::Bool(flag) => *flag,
        other => {
            report.error(
                place.value,
                format!("`{name}` must be `true` or `false`, not {}", other.kind()),
                None,
            );
            false
        }
    }
}

fn status(value: &Node, place: Place, report: &mut Report<'_>) -> Option<u16> {
    let help = Some(
        "error statuses are the HTTP client (4xx) and server (5xx) errors: 400 to 599".to_owned(),
    );
    match value {
        Node::Integer(status) if (400..=599).contains(status) => u16::try_from(*status).ok(),
        Node::Integer(status) => {
            report.error(
                place.value,
                format!("status {status} is not an error status"),
                help,
            );
            None
        }
        other => {
            report.error(
                place.value,
                format!("`status` must be an integer, not {}", other.kind()),
                help,
            );
            None
        }
    }
}

/// A required one-line text: non-empty, without line breaks, and not silently cut by a comment.
fn line_text(name: &str, value: &Node, place: Place, report: &mut Report<'_>) -> Option<String> {
    if let Node::String(text) = value {
        if cut_by_comment(name, text, place, report) {
            return None;
        }
    }
    match value {
        Node::String(text) if text.trim().is_empty() => {
            report.error(
                place.value,
                format!("`{name}` is empty"),
                Some(format!("write the entry's {name}")),
            );
            None
        }
        Node::String(text) if text.trim().contains('\n') => {
            report.error(
                place.value,
                format!("`{name}` must be one line"),
                Some("shorten it to one line; longer prose belongs in `what_happened`".to_owned()),
            );
            None
        }
        Node::String(text) => Some(text.trim().to_owned()),
        Node::Null => {
            report.error(
                place.value,
                format!("`{name}` is empty"),
                Some(format!("write the entry's {name}")),
            );
            None
        }
        other => {
            report.error(
                place.value,
                format!("`{name}` must be text, not {}", other.kind()),
                Some("quote the value if it is meant as text".to_owned()),
            );
            None
        }
    }
}

/// Whether the one-line value `text` of `name` was cut short by ` #`, which YAML reads as the
/// start of a comment in an unquoted value (`title: Keys # v2` is the title `Keys`); if so,
/// reports it. The parsed value cannot show this, so the file's line is read.
fn cut_by_comment(name: &str, text: &str, place: Place, report: &mut Report<'_>) -> bool {
    let Some(line) = report.line(place.key.line) else {
        return false;
    };
    // Only the block-style `name: value` line itself (flow style is left to the parser).
    let Some(raw) = line
        .trim_start()
        .strip_prefix(name)
        .and_then(|rest| rest.strip_prefix(':'))
    else {
        return false;
    };
    let raw = raw.trim_start();
    if raw.starts_with(['"', '\'', '|', '>']) {
        return false;
    }
    let Some(cut) = raw.find(" #") else {
        return false;
    };
    let raw_value = raw.trim_end();
    let comment_at = line.len() - raw.len() + cut + 1;
    let column = line[..comment_at].chars().count() + 1;
    report.error_spanning(
        Position {
            line: place.key.line,
            column,
        },
        raw_value[cut + 1..].chars().count(),
        format!(
            "YAML reads ` {}` as a comment, so `{name}` would be cut to `{}`",
            &raw_value[cut + 1..],
            text.trim()
        ),
        Some(format!(
            "quote the whole value to keep the `#`: `{name}: \"{}\"`",
            raw_value.replace('\\', "\\\\").replace('"', "\\\"")
        )),
    );
    true
}

/// An optional markdown section; `null` or absent means not written yet.
fn prose(name: &str, value: &Node, place: Place, report: &mut Report<'_>) -> String {
    match value {
        Node::String(text) => text.trim_end().to_owned(),
        Node::Null => String::new(),
        other => {
            report.error(
                place.value,
                format!("`{name}` must be markdown text, not {}", other.kind()),
                Some(format!(
                    "write it as a block: `{name}: |` followed by indented lines"
                )),
            );
            String::new()
        }
    }
}

/// The `surfaces` list: which systems send the code.
fn surfaces(
    value: &Node,
    place: Place,
    outline: &Outline,
    report: &mut Report<'_>,
) -> Option<Vec<Surface>> {
    let names = || {
        Surface::ALL
            .iter()
            .map(|(_, name)| format!("`{name}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let Node::Sequence(items) = value else {
        report.error(
            place.value,
            format!("`surfaces` must be a list, not {}", value.kind()),
            Some(format!(
                "write e.g. `surfaces: [api, gateway]`; the surfaces are {}",
                names()
            )),
        );
        return None;
    };
    let errors_before = report.error_count();
    let mut found = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let mut at = outline.item(place, index).value;
        if let (Node::String(name), Some(line)) = (item, report.line(at.line)) {
            // In flow style (`[api, gateway]`) the outline knows only the list's place:
            // point at the item's own text on that line.
            let skip = at.column.saturating_sub(1);
            if at.line == place.key.line {
                let rest: String = line.chars().skip(skip).collect();
                if let Some(offset) = rest.find(name.as_str()) {
                    at.column = skip + rest[..offset].chars().count() + 1;
                }
            }
        }
        let Node::String(name) = item else {
            report.error(
                at,
                format!("a surface must be a name, not {}", item.kind()),
                None,
            );
            continue;
        };
        match Surface::ALL.iter().find(|(_, known)| known == name) {
            Some((surface, _)) if found.contains(surface) => report.error(
                at,
                format!("surface `{name}` is listed twice"),
                Some("list each surface once".to_owned()),
            ),
            Some((surface, _)) => found.push(*surface),
            None => {
                let hint = did_you_mean(&closest(name, Surface::ALL.iter().map(|(_, n)| *n)));
                report.error_spanning(
                    at,
                    name.chars().count(),
                    format!("unknown surface `{name}`"),
                    Some(hint.unwrap_or_else(|| format!("the surfaces are {}", names()))),
                );
            }
        }
    }
    if items.is_empty() {
        report.error(
            place.value,
            "`surfaces` is empty: a code must be sent by at least one surface",
            Some(format!("list the surfaces that send it: {}", names())),
        );
    }
    (report.error_count() == errors_before).then_some(found)
}

/// The fields of an entry's `gateway` mapping, as read.
#[derive(Default)]
struct GatewayFields {
    status: Option<u16>,
    title: Option<String>,
    message: Option<String>,
    message_from_error: bool,
    /// An unknown field was reported: a missing `message` is then most likely its misspelling.
    misspelled: bool,
}

fn gateway_fields(
    value: &Node,
    place: Place,
    outline: &Outline,
    report: &mut Report<'_>,
) -> GatewayFields {
    let mut fields = GatewayFields::default();
    let Node::Mapping(pairs) = value else {
        report.error(
            place.value,
            format!("`gateway` must be a mapping of fields, not {}", value.kind()),
            Some("give it indented fields: `message:`, and `status:` or `title:` where the gateway's differ".to_owned()),
        );
        return fields;
    };
    let mut seen = KeySeen::default();
    for (key, value) in pairs {
        let Some(name) = key_name(key, place, report) else {
            continue;
        };
        let Some(field) = seen.first_occurrence(outline, place, name, report, |name| {
            format!("field `{name}` is set twice in `gateway`")
        }) else {
            continue;
        };
        match name {
            "status" => fields.status = status(value, field, report),
            "title" => fields.title = line_text(name, value, field, report),
            "message" => fields.message = line_text(name, value, field, report),
            "message_from_error" => fields.message_from_error = flag(name, value, field, report),
            _ => {
                unknown_key(name, field, &GATEWAY_FIELDS, "gateway field", report);
                fields.misspelled = true;
            }
        }
    }
    fields
}

/// Which surfaces send the entry's code, and the gateway's facts if it is one: checks that
/// `surfaces` and the `gateway` mapping agree, and that the gateway's body has its message.
fn check_surfaces(
    fields: &Fields,
    entry: Place,
    code_name: &str,
    report: &mut Report<'_>,
) -> (bool, Option<GatewayFields>) {
    let listed = match &fields.surfaces {
        Some((Some(list), _)) => Some(list.as_slice()),
        // The list had a mistake, already reported: whatever follows from it would not be news.
        Some((None, _)) => return (true, None),
        None => None,
    };
    let api = listed.is_none_or(|list| list.contains(&Surface::Api));
    let by_gateway = listed.is_some_and(|list| list.contains(&Surface::Gateway));
    match &fields.gateway {
        Some((_, place)) if !by_gateway => {
            report.error(
                place.key,
                format!("{code_name} has `gateway` facts, but the gateway is not among its `surfaces`"),
                Some("add `gateway` to `surfaces` (e.g. `surfaces: [api, gateway]`), or remove the `gateway` mapping".to_owned()),
            );
            (api, None)
        }
        None if by_gateway => {
            let at = fields
                .surfaces
                .as_ref()
                .map_or(entry.key, |(_, place)| place.key);
            report.error(
                at,
                format!("{code_name} is sent by the gateway but has no `gateway` facts"),
                Some("add `gateway:` with the body's public `message:` (or `message_from_error: true`)".to_owned()),
            );
            (api, None)
        }
        Some((gateway, place)) => {
            let gateway = GatewayFields {
                status: gateway.status,
                title: gateway.title.clone(),
                message: gateway.message.clone(),
                message_from_error: gateway.message_from_error,
                misspelled: gateway.misspelled,
            };
            match (&gateway.message, gateway.message_from_error) {
                (None, false) if gateway.misspelled => {}
                (None, false) => report.error(
                    place.key,
                    format!("{code_name}'s `gateway` has no `message`"),
                    Some("add `message:` with the one public sentence the gateway sends, or `message_from_error: true` if the message comes from the error raised".to_owned()),
                ),
                (Some(_), true) => report.error(
                    place.key,
                    format!("{code_name}'s `gateway` has both a `message` and `message_from_error: true`"),
                    Some("keep one: a fixed `message`, or the error's own".to_owned()),
                ),
                _ => {}
            }
            if !api && (gateway.status.is_some() || gateway.title.is_some()) {
                report.error(
                    place.key,
                    format!("{code_name} is sent by the gateway only, so its `status` and `title` are the gateway's"),
                    Some("state them once, as the entry's `status` and `title`, and remove them from `gateway`".to_owned()),
                );
            }
            (api, Some(gateway))
        }
        None => (api, None),
    }
}

/// The codes of a `related` list, each with the position of its item.
fn related(
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

/// Every related code must name another entry of the catalogue, once. Checked for every entry
/// whose code could be read, even one with other problems, so one build reports them all.
fn check_related(links: &[Links], report: &mut Report<'_>) {
    let known: HashMap<&str, &Links> = links.iter().map(|l| (l.code.as_str(), l)).collect();
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
                let others = known
                    .keys()
                    .copied()
                    .filter(|code| *code != entry.code.as_str());
                let hint = did_you_mean(&closest(related.as_str(), others));
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

/// Two codes must not produce the same Rust variant name (`a_b:c` and `a:b_c` both give `ABC`).
fn check_variant_names(
    entries: &[Entry],
    outline: &Outline,
    errors_place: Place,
    report: &mut Report<'_>,
) {
    let mut names: HashMap<String, &Entry> = HashMap::with_capacity(entries.len());
    for entry in entries {
        let name = entry.variant_name();
        if name == "ALL" {
            report.error(
                outline.key(errors_place, entry.code.as_str(), 0).key,
                format!(
                    "`{}` becomes the Rust variant `ALL`, which would hide `Code::ALL`, the list of every code",
                    entry.code
                ),
                Some("rename one of its parts".to_owned()),
            );
        }
        if let Some(first) = names.insert(name, entry) {
            let at = outline.key(errors_place, entry.code.as_str(), 0).key;
            report.error(
                at,
                format!(
                    "`{}` and `{}` both become the Rust variant `{}`",
                    first.code,
                    entry.code,
                    entry.variant_name()
                ),
                Some("rename one of the two codes so their parts differ by more than where `_` and `:` stand".to_owned()),
            );
        }
    }
}
