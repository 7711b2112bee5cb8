//! One entry of `errors`: its code and fields, each checked where it stands.

use super::*;

pub(super) fn validate_entries(
    value: &Node,
    errors_place: Place,
    outline: &Outline,
    report: &mut Report<'_>,
) -> Vec<Entry> {
    let pairs = match value {
        Node::Mapping(pairs) if !pairs.is_empty() => pairs,
        // `errors:` with nothing after it, or `errors: {}`.
        Node::Null | Node::Mapping(_) => {
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

pub(super) fn check_reserved(code: Urn, place: Place, report: &mut Report<'_>) -> Option<Urn> {
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
pub(super) struct Fields {
    pub(super) status: Option<u16>,
    pub(super) title: Option<String>,
    pub(super) description: Option<String>,
    pub(super) detail: Option<String>,
    pub(super) errors_array: bool,
    pub(super) internal: bool,
    pub(super) deprecated: Option<String>,
    /// `surfaces`, when given, and where it stands; `None` in place of the list when one of
    /// its items could not be read (the checks that need the list are then skipped).
    pub(super) surfaces: Option<(Option<Vec<Surface>>, Place)>,
    /// The `gateway` mapping's fields as read, and where it stands.
    pub(super) gateway: Option<(GatewayFields, Place)>,
    /// `grpc`, when given and well formed.
    pub(super) grpc: Option<crate::GrpcCode>,
    pub(super) related: Vec<(Urn, Position)>,
    pub(super) what_happened: String,
    pub(super) how_to_fix: String,
    pub(super) common_mistakes: String,
    pub(super) lint_allow: crate::lint::Allows,
}

/// An entry's code and the codes it lists as related, for the checks across entries.
pub(super) struct Links {
    pub(super) code: Urn,
    pub(super) internal: bool,
    pub(super) related: Vec<(Urn, Position)>,
}

/// Validates one entry's fields. The entry is `None` when any of them is unusable (the problems
/// are in the report either way); its links are there whenever its code is.
pub(super) fn validate_entry(
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
            "grpc" => fields.grpc = grpc_code(value, field, report),
            "related" => fields.related = related(value, field, outline, report),
            "what_happened" => fields.what_happened = prose(name, value, field, report),
            "how_to_fix" => fields.how_to_fix = prose(name, value, field, report),
            "common_mistakes" => fields.common_mistakes = prose(name, value, field, report),
            "lint" => fields.lint_allow = entry_lint(value, field, outline, report),
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
        let status = fields.status?;
        Some(Entry {
            code: code?,
            status,
            gateway,
            grpc: fields
                .grpc
                .unwrap_or_else(|| crate::GrpcCode::for_http_status(status)),
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
            lint_allow: fields.lint_allow,
        })
    })();
    (entry, links)
}

pub(super) fn flag(name: &str, value: &Node, place: Place, report: &mut Report<'_>) -> bool {
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

pub(super) fn status(value: &Node, place: Place, report: &mut Report<'_>) -> Option<u16> {
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
pub(super) fn line_text(
    name: &str,
    value: &Node,
    place: Place,
    report: &mut Report<'_>,
) -> Option<String> {
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
        // `\r` as well as `\n`: Markdown ends a line at either.
        Node::String(text) if text.trim().contains(is_line_break) => {
            report.error(
                place.value,
                format!("`{name}` must be one line"),
                Some("shorten it to one line; longer prose belongs in `what_happened`".to_owned()),
            );
            None
        }
        Node::String(text) if text.trim().contains(is_refused) => {
            let refused = text
                .trim()
                .chars()
                .find(|&c| is_refused(c))
                .unwrap_or_default();
            let kind = if refused.is_control() {
                "the control character"
            } else {
                "the byte order mark"
            };
            report.error(
                place.value,
                format!("`{name}` holds {kind} U+{:04X}", u32::from(refused)),
                Some("remove it: one-line text is printed as it is, in pages and code".to_owned()),
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

/// Whether one-line text may not hold `c`: a control character, or U+FEFF, the byte order
/// mark, which Go source (one of the exports) allows only as a file's first character.
fn is_refused(c: char) -> bool {
    c.is_control() || c == '\u{feff}'
}

/// Whether `c` ends a line in Markdown (CommonMark's line endings): a line feed or a carriage
/// return. Any other control character is refused too, as one.
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r')
}

/// Whether the one-line value `text` of `name` was cut short by ` #`, which YAML reads as the
/// start of a comment in an unquoted value (`title: Keys # v2` is the title `Keys`); if so,
/// reports it. The parsed value cannot show this, so the file's lines are read: the key's, and
/// those a plain value runs on to (more indented than the key), which YAML folds into one line
/// and cuts at a comment the same way.
pub(super) fn cut_by_comment(
    name: &str,
    text: &str,
    place: Place,
    report: &mut Report<'_>,
) -> bool {
    let Some(line) = report.line(place.key.line) else {
        return false;
    };
    // Only the block-style `name: value` line itself (flow style is left to the parser); the
    // key may be quoted.
    let key = line.trim_start();
    let Some(raw) = ['"', '\'']
        .iter()
        .find_map(|&quote| {
            key.strip_prefix(quote)?
                .strip_prefix(name)?
                .strip_prefix(quote)
        })
        .or_else(|| key.strip_prefix(name))
        .and_then(|rest| rest.strip_prefix(':'))
    else {
        return false;
    };
    let raw = raw.trim_start();
    if raw.starts_with(['"', '\'', '|', '>']) {
        return false;
    }
    if let Some(cut) = comment_start(raw) {
        let raw_value = raw.trim_end();
        let help = format!(
            "quote the whole value to keep the `#`: `{name}: \"{}\"`",
            raw_value.replace('\\', "\\\\").replace('"', "\\\"")
        );
        let comment_at = line.len() - raw.len() + cut + 1;
        report_cut(report, name, text, place.key.line, line, comment_at, help);
        return true;
    }
    // The lines the value runs on to.
    let key_indent = line.len() - line.trim_start().len();
    let mut started = !raw.trim_end().is_empty();
    let mut number = place.key.line + 1;
    while let Some(next) = report.line(number) {
        let trimmed = next.trim_start();
        let indent = next.len() - trimmed.len();
        if !trimmed.trim_end().is_empty() {
            if indent <= key_indent {
                break;
            }
            // A value that starts on the line after its key is plain unless quoted or a block.
            if !started && trimmed.starts_with(['"', '\'', '|', '>']) {
                return false;
            }
            // A line that is all comment ends the value and cuts nothing from it.
            if trimmed.starts_with('#') {
                break;
            }
            started = true;
            if let Some(comment_at) = comment_start(next).map(|at| at + 1) {
                let help = "quote the whole value, across its lines, to keep the `#`".to_owned();
                report_cut(report, name, text, number, next, comment_at, help);
                return true;
            }
        }
        number += 1;
    }
    false
}

/// Where a comment starts in a plain value's line: the byte of the space or tab before a `#`.
fn comment_start(line: &str) -> Option<usize> {
    line.as_bytes()
        .windows(2)
        .position(|pair| matches!(pair, [b' ' | b'\t', b'#']))
}

/// Reports that the comment starting at byte `comment_at` of `line` (line `number` of the
/// file) cuts the value of `name` to `text`.
fn report_cut(
    report: &mut Report<'_>,
    name: &str,
    text: &str,
    number: usize,
    line: &str,
    comment_at: usize,
    help: String,
) {
    let comment = line[comment_at..].trim_end();
    report.error_spanning(
        Position {
            line: number,
            column: line[..comment_at].chars().count() + 1,
        },
        comment.chars().count(),
        format!(
            "YAML reads ` {comment}` as a comment, so `{name}` would be cut to `{}`",
            text.trim()
        ),
        Some(help),
    );
}

/// An optional markdown section; `null` or absent means not written yet.
pub(super) fn prose(name: &str, value: &Node, place: Place, report: &mut Report<'_>) -> String {
    match value {
        // A section written plain (not as a `|` block) is cut at a comment as a title is:
        // reported, and kept as YAML read it, so that nothing else is reported missing.
        Node::String(text) => {
            cut_by_comment(name, text, place, report);
            text.trim_end().to_owned()
        }
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
