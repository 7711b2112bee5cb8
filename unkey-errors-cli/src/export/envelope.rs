//! The response types of the TypeScript and Go exports, made from the runtime's one description
//! of the wire shapes ([`unkey_errors::envelope`]), so they say what the runtime sends.

use std::fmt::Write;

use unkey_errors::envelope::{self, Kind, Member, Object};

use super::wrap;

/// Every object of both shapes, each once, in the order the exports declare them.
pub const OBJECTS: [&Object; 6] = [
    &envelope::ERROR_RESPONSE,
    &envelope::META,
    &envelope::ERROR_BODY,
    &envelope::VALIDATION_ERROR,
    &envelope::GATEWAY_RESPONSE,
    &envelope::GATEWAY_ERROR_BODY,
];

/// What a language adds to a member's description: how to read it with the export's own
/// functions.
fn typescript_note(object: &Object, member: &Member) -> &'static str {
    match (object.name, member.name) {
        ("ErrorBody", "type") => " See `errorCodeOfType`.",
        ("GatewayErrorBody", "code") => {
            " A newer gateway may send a code this module does not know; see `isErrorCode`."
        }
        _ => "",
    }
}

fn go_note(object: &Object, member: &Member) -> &'static str {
    match (object.name, member.name) {
        ("ErrorBody", "type") => " See FromType.",
        ("ErrorBody", "errors") => {
            " A pointer, so that an empty list is still sent and an absent one is nil."
        }
        ("GatewayErrorBody", "code") => {
            " A newer gateway may send a code this package does not know; see Known."
        }
        _ => "",
    }
}

/// The TypeScript interfaces of the response types.
pub fn typescript() -> String {
    let mut ts = String::new();
    for object in OBJECTS {
        let _ = write!(
            ts,
            "\n{}export interface {} {{\n",
            ts_doc("", object.description),
            object.name
        );
        for member in object.members {
            let text = format!("{}{}", member.description, typescript_note(object, member));
            ts.push_str(&ts_doc("  ", &text));
            let kind = match member.kind {
                Kind::Text | Kind::Url | Kind::Code => "string".to_owned(),
                Kind::Status => "number".to_owned(),
                Kind::Object(inner) => inner.name.to_owned(),
                Kind::List(item) => format!("readonly {}[]", item.name),
                // A kind a later runtime adds is at least JSON.
                _ => "unknown".to_owned(),
            };
            let optional = if member.required { "" } else { "?" };
            let _ = writeln!(ts, "  readonly {}{optional}: {kind};", member.name);
        }
        ts.push_str("}\n");
    }
    ts
}

/// A `/** … */` comment of `text` at `indent`, on one line when it fits.
fn ts_doc(indent: &str, text: &str) -> String {
    let text = text.replace("*/", "*\\/");
    let lines = wrap(&text);
    if lines.len() == 1 {
        return format!("{indent}/** {} */\n", lines[0]);
    }
    let mut doc = format!("{indent}/**\n");
    for line in lines {
        let _ = writeln!(doc, "{indent} * {line}");
    }
    let _ = writeln!(doc, "{indent} */");
    doc
}

/// The Go types of the response types.
pub fn go() -> String {
    let mut go = String::new();
    for object in OBJECTS {
        go.push('\n');
        go.push_str(&go_doc("", object.name, object.description));
        let _ = writeln!(go, "type {} struct {{", object.name);
        for (index, member) in object.members.iter().enumerate() {
            if index > 0 {
                go.push('\n');
            }
            let field = go_field(member.name);
            let text = format!("{}{}", member.description, go_note(object, member));
            go.push_str(&go_doc("\t", &field, &text));
            let kind = match member.kind {
                Kind::Text | Kind::Url => "string".to_owned(),
                Kind::Code => "Code".to_owned(),
                Kind::Status => "int".to_owned(),
                Kind::Object(inner) => inner.name.to_owned(),
                Kind::List(item) if member.required => format!("[]{}", item.name),
                Kind::List(item) => format!("*[]{}", item.name),
                _ => "any".to_owned(),
            };
            let omit = if member.required { "" } else { ",omitempty" };
            let _ = writeln!(go, "\t{field} {kind} `json:\"{}{omit}\"`", member.name);
        }
        go.push_str("}\n");
    }
    go
}

/// A Go doc comment for `name` at `indent`: `// Name is …`, wrapped, with Go's quotes.
fn go_doc(indent: &str, name: &str, description: &str) -> String {
    let mut chars = description.chars();
    let lowered = chars.next().map_or_else(String::new, |first| {
        first.to_ascii_lowercase().to_string() + chars.as_str()
    });
    let text = format!("{name} is {lowered}").replace('`', "\"");
    wrap(&text)
        .into_iter()
        .map(|line| format!("{indent}// {line}\n"))
        .collect()
}

/// A member's Go field name: its name with the first letter capitalised, and Go's initialisms
/// (`requestId` → `RequestID`).
pub fn go_field(name: &str) -> String {
    let mut chars = name.chars();
    let mut field = chars.next().map_or_else(String::new, |first| {
        first.to_ascii_uppercase().to_string() + chars.as_str()
    });
    if let Some(stem) = field.strip_suffix("Id") {
        field = format!("{stem}ID");
    }
    field
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_object_any_member_holds_is_declared_once() {
        for object in OBJECTS {
            for member in object.members {
                if let Kind::Object(inner) | Kind::List(inner) = member.kind {
                    assert!(
                        OBJECTS.iter().any(|declared| declared.name == inner.name),
                        "{} holds {}, which is not declared",
                        object.name,
                        inner.name
                    );
                }
            }
        }
        let mut names: Vec<&str> = OBJECTS.iter().map(|o| o.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), OBJECTS.len());
    }

    #[test]
    fn no_code_can_take_a_go_type_s_name() {
        for object in OBJECTS {
            assert!(
                super::super::go::PACKAGE_NAMES.contains(&object.name),
                "{} is declared but not reserved from codes",
                object.name
            );
        }
    }

    #[test]
    fn go_field_names_follow_gos_initialisms() {
        assert_eq!(go_field("requestId"), "RequestID");
        assert_eq!(go_field("type"), "Type");
        assert_eq!(go_field("errors"), "Errors");
    }
}
