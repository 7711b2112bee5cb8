//! An entry's `surfaces` and `gateway` mapping, and their agreement.

use super::*;

/// The `surfaces` list: which systems send the code.
pub(super) fn surfaces(
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
pub(super) struct GatewayFields {
    pub(super) status: Option<u16>,
    pub(super) title: Option<String>,
    pub(super) message: Option<String>,
    pub(super) message_from_error: bool,
    /// An unknown field was reported: a missing `message` is then most likely its misspelling.
    pub(super) misspelled: bool,
}

pub(super) fn gateway_fields(
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
pub(super) fn check_surfaces(
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
