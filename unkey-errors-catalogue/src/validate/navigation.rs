//! The top-level `docs_navigation` mapping, read and then checked against the entries' systems.

use super::*;

/// The top-level `docs_navigation` mapping as read, before it is checked against the systems
/// the entries have.
#[derive(Default)]
pub(super) struct NavigationFields {
    pub(super) group: Option<String>,
    pub(super) icon: Option<String>,
    pub(super) expanded: bool,
    /// `systems`, when given: the items that could be read, whether any item had a mistake
    /// (reported, and the item left out), and where the list stands.
    pub(super) systems: Option<(Vec<ListedSystem>, bool, Place)>,
}

/// An item of `docs_navigation.systems` as read.
pub(super) struct ListedSystem {
    pub(super) system: String,
    pub(super) group: Option<String>,
    /// Where the item's `system` value stands.
    pub(super) at: Position,
}

pub(super) fn navigation_fields(
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
pub(super) fn navigation_systems(
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
pub(super) fn item_field(
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
pub(super) fn resolve_navigation(
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
