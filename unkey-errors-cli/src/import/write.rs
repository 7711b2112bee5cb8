//! The imported entries as catalogue YAML, in the layout of `errors.yaml`: the schema modeline
//! first, entries sorted by code, fields in the format's order, prose as `|` blocks.
//!
//! Written by hand rather than through a YAML serializer: the layout is part of the output
//! (block scalars, flow-style `surfaces`, only the facts the pages state), and only one module
//! of the workspace reads YAML through `serde_yaml`. Every string is written plain when that
//! reads back as the same string, else double-quoted with escapes; the tests read it back
//! through the catalogue's own loader.

use std::fmt::Write;

use unkey_errors_catalogue::GrpcCode;

use super::entry::ImportedEntry;

/// The first line, as `errors.yaml` has it: editors find the format's JSON Schema through it.
/// The path is relative to the catalogue's folder (`unkey-errors schema --out …` writes it).
pub const MODELINE: &str = "# yaml-language-server: $schema=docs/catalogue.schema.json";

/// The catalogue text of `entries` (sorted by code, then page, so the output is the same on
/// every run), under `docs_base_url` when the pages show one.
pub fn catalogue(
    docs_base_url: Option<&str>,
    domain: Option<&str>,
    entries: &[ImportedEntry],
) -> String {
    let mut entries: Vec<&ImportedEntry> = entries.iter().collect();
    entries.sort_by(|a, b| (&a.code, &a.path).cmp(&(&b.code, &b.path)));
    let mut text = String::with_capacity(4096 * (entries.len() + 1));
    text.push_str(MODELINE);
    text.push_str(
        "\n# Imported from Mintlify pages by `unkey-errors import`. The import's report lists what\n\
         # did not land; loading this file (e.g. `unkey-errors --catalogue FILE list`) lists every\n\
         # fact the pages do not state, at its line.\n\n",
    );
    if let Some(url) = docs_base_url {
        let _ = writeln!(text, "docs_base_url: {}\n", line_scalar(url));
    }
    if let Some(domain) = domain {
        let _ = writeln!(text, "domain: {}\n", line_scalar(domain));
    }
    text.push_str("errors:\n");
    for (index, entry) in entries.iter().enumerate() {
        if index > 0 {
            text.push('\n');
        }
        write_entry(&mut text, entry);
    }
    text
}

/// One entry, its fields in the order `errors.yaml` writes them.
fn write_entry(text: &mut String, entry: &ImportedEntry) {
    let _ = writeln!(text, "  {}:", line_scalar(&entry.code));
    if let Some(status) = entry.status {
        let _ = writeln!(text, "    status: {status}");
    }
    // The gRPC status only where it is not the default of the HTTP status (as `errors.yaml`
    // states it).
    let grpc = entry.grpc.as_ref().filter(|name| {
        entry
            .status
            .is_none_or(|status| GrpcCode::for_http_status(status).name() != name.as_str())
    });
    for (name, value) in [
        ("title", &entry.title),
        ("grpc", &grpc.cloned()),
        ("description", &entry.description),
        ("detail", &entry.detail),
        ("deprecated", &entry.deprecated),
    ] {
        if let Some(value) = value {
            let _ = writeln!(text, "    {name}: {}", line_scalar(value));
        }
    }
    if let Some(gateway) = &entry.gateway {
        let surfaces = if entry.api {
            "[api, gateway]"
        } else {
            "[gateway]"
        };
        let _ = writeln!(text, "    surfaces: {surfaces}");
        let mut fields = String::new();
        if entry.api {
            if let Some(status) = gateway.status.filter(|s| Some(*s) != entry.status) {
                let _ = writeln!(fields, "      status: {status}");
            }
            if let Some(title) = gateway
                .title
                .as_ref()
                .filter(|t| Some(*t) != entry.title.as_ref())
            {
                let _ = writeln!(fields, "      title: {}", line_scalar(title));
            }
        }
        if let Some(message) = &gateway.message {
            let _ = writeln!(fields, "      message: {}", line_scalar(message));
        }
        if gateway.message_from_error {
            fields.push_str("      message_from_error: true\n");
        }
        if fields.is_empty() {
            // Nothing the page shows: validation points here, asking for the message.
            text.push_str("    gateway: {}\n");
        } else {
            text.push_str("    gateway:\n");
            text.push_str(&fields);
        }
    }
    if entry.errors_array {
        text.push_str("    errors_array: true\n");
    }
    if !entry.related.is_empty() {
        text.push_str("    related:\n");
        for related in &entry.related {
            let _ = writeln!(text, "      - {}", line_scalar(&related.code));
        }
    }
    for (name, value) in [
        ("what_happened", &entry.what_happened),
        ("how_to_fix", &entry.how_to_fix),
        ("common_mistakes", &entry.common_mistakes),
    ] {
        if let Some(value) = value {
            let _ = write!(text, "    {name}: ");
            block(text, value, 4);
        }
    }
}

/// Whether YAML may hold `c` as it is: its printable characters, less the ones some readers
/// take for line breaks (NEL, U+2028, U+2029) and the byte order mark.
fn printable(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{A0}'..='\u{D7FF}'
        | '\u{E000}'..='\u{FFFD}'
        | '\u{10000}'..='\u{10FFFF}')
        && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}')
}

/// Words YAML (1.1 or 1.2) reads as something other than text when plain.
const RESERVED: [&str; 13] = [
    "true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf", "~", "",
];

/// Whether `text` written plain reads back as exactly `text`: it starts with a letter (no
/// indicator, no number), has no space at either end, no `: ` or ` #` (a key or a comment),
/// does not end with `:`, is not a reserved word, and every character is printable.
fn is_plain(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_alphabetic)
        && text.trim() == text
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(':')
        && !RESERVED.contains(&text.to_lowercase().as_str())
        && text.chars().all(printable)
}

/// A one-line value: plain when that reads back the same, else double-quoted.
pub(crate) fn line_scalar(text: &str) -> String {
    if is_plain(text) {
        text.to_owned()
    } else {
        double_quoted(text)
    }
}

/// A double-quoted YAML string: `\` and `"` escaped, and every character that is not
/// printable (line breaks and tabs included) as an escape.
pub(crate) fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if printable(c) => out.push(c),
            c if (c as u32) <= 0xFF => {
                let _ = write!(out, "\\x{:02X}", c as u32);
            }
            c if (c as u32) <= 0xFFFF => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08X}", c as u32);
            }
        }
    }
    out.push('"');
    out
}

/// Markdown as a literal block (`|`) whose lines are indented two more than `indent`, then a
/// line break. The block keeps every character of every line; its final line break is the
/// one the loader trims. A first line that starts with a space or a tab, or a blank first
/// line, needs the indentation stated (`|2`): the parser would take it from that line. Text a block cannot hold (a character that is not printable) is double-quoted.
fn block(text: &mut String, markdown: &str, indent: usize) {
    if !markdown
        .chars()
        .all(|c| c == '\n' || c == '\t' || printable(c))
    {
        let _ = writeln!(text, "{}", double_quoted(markdown));
        return;
    }
    let indicator = if markdown.starts_with([' ', '\t', '\n']) {
        "|2"
    } else {
        "|"
    };
    let _ = writeln!(text, "{indicator}");
    let pad = " ".repeat(indent + 2);
    for line in markdown.split('\n') {
        if !line.is_empty() {
            text.push_str(&pad);
            text.push_str(line);
        }
        text.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::entry::{ImportedGateway, ImportedRelated};

    fn entry(code: &str) -> ImportedEntry {
        ImportedEntry {
            code: code.to_owned(),
            path: "p.mdx".to_owned(),
            line: 1,
            status: Some(404),
            title: Some("Not Found".to_owned()),
            description: Some("The order does not exist.".to_owned()),
            grpc: None,
            domain: None,
            detail: Some("No order ord_1".to_owned()),
            deprecated: None,
            api: true,
            gateway: None,
            errors_array: false,
            related: Vec::new(),
            what_happened: Some("It happened.".to_owned()),
            how_to_fix: Some("1. Fix it.".to_owned()),
            common_mistakes: Some("- **A**: b.".to_owned()),
            docs_base_url: None,
        }
    }

    /// Reads `text` through the catalogue's loader, which must accept it.
    fn load(text: &str) -> unkey_errors_catalogue::Catalogue {
        unkey_errors_catalogue::parse(text.as_bytes(), "imported.yaml")
            .unwrap_or_else(|problems| panic!("{problems}\n---\n{text}"))
    }

    #[test]
    fn writes_errors_yaml_s_layout() {
        let mut gateway = entry("err:shop:orders:gone");
        gateway.api = true;
        gateway.gateway = Some(ImportedGateway {
            status: Some(401),
            title: Some("Not Found".to_owned()),
            message: None,
            message_from_error: true,
        });
        gateway.errors_array = true;
        gateway.deprecated = Some("use err:shop:orders:not_found instead".to_owned());
        gateway.related = vec![ImportedRelated {
            code: "err:shop:orders:not_found".to_owned(),
            text: String::new(),
            line: 9,
        }];
        gateway.what_happened = Some("  indented first\n\nthen | more: here".to_owned());
        let text = catalogue(
            Some("https://shop.example/docs/errors"),
            None,
            &[entry("err:shop:orders:not_found"), gateway],
        );
        assert_eq!(
            text,
            "# yaml-language-server: $schema=docs/catalogue.schema.json
# Imported from Mintlify pages by `unkey-errors import`. The import's report lists what
# did not land; loading this file (e.g. `unkey-errors --catalogue FILE list`) lists every
# fact the pages do not state, at its line.

docs_base_url: https://shop.example/docs/errors

errors:
  err:shop:orders:gone:
    status: 404
    title: Not Found
    description: The order does not exist.
    detail: No order ord_1
    deprecated: use err:shop:orders:not_found instead
    surfaces: [api, gateway]
    gateway:
      status: 401
      message_from_error: true
    errors_array: true
    related:
      - err:shop:orders:not_found
    what_happened: |2
        indented first

      then | more: here
    how_to_fix: |
      1. Fix it.
    common_mistakes: |
      - **A**: b.

  err:shop:orders:not_found:
    status: 404
    title: Not Found
    description: The order does not exist.
    detail: No order ord_1
    what_happened: |
      It happened.
    how_to_fix: |
      1. Fix it.
    common_mistakes: |
      - **A**: b.
"
        );
        let loaded = load(&text);
        let gone = loaded.get("err:shop:orders:gone").unwrap();
        assert_eq!(gone.what_happened, "  indented first\n\nthen | more: here");
        assert_eq!(gone.gateway.as_ref().map(|g| g.status), Some(401));
        assert!(gone.api && gone.errors_array);
    }

    #[test]
    fn quotes_exactly_what_plain_yaml_would_misread() {
        for plain in [
            "Not Found",
            "a:b",
            "it's \"fine\"",
            "x [y] {z}, w",
            "Ünïcødé ✓",
            "back\\slash",
        ] {
            assert_eq!(line_scalar(plain), plain);
        }
        for (text, quoted) in [
            ("a: b", r#""a: b""#),
            ("a #b", r#""a #b""#),
            ("x:", r#""x:""#),
            ("true", r#""true""#),
            ("No", r#""No""#),
            ("404", r#""404""#),
            ("- x", r#""- x""#),
            (" lead", r#"" lead""#),
            ("\"q\" back\\slash", r#""\"q\" back\\slash""#),
            ("line\nbreak\ttab", r#""line\nbreak\ttab""#),
            (
                "nel\u{85} ls\u{2028} bom\u{feff} bell\u{7}",
                r#""nel\x85 ls\u2028 bom\uFEFF bell\x07""#,
            ),
            ("", r#""""#),
        ] {
            assert_eq!(line_scalar(text), quoted, "{text:?}");
        }
    }

    /// Tricky pieces of text, combined in pairs and around line breaks: every one-line field
    /// and every section must read back through the loader as written (one-line fields
    /// trimmed, sections trimmed at the end, as the loader does).
    #[test]
    fn every_tricky_string_reads_back_exactly_through_the_loader() {
        const PIECES: [&str; 36] = [
            "plain",
            "a: b",
            "a:b",
            "# hash",
            "a #b",
            "x#y",
            "end:",
            "'single'",
            "\"double\"",
            "  lead",
            "trail  ",
            "ünïcødé ✓ 🎉",
            "\ttab",
            "- dash",
            "? q",
            "[x]",
            "{y}",
            "*s",
            "&a",
            "!b",
            "|p",
            ">g",
            "%p",
            "@a",
            "`b`",
            "true",
            "null",
            "~",
            "404",
            "1.5",
            "yes",
            "\\back",
            "\u{2028}ls",
            "\u{85}nel",
            "\u{feff}bom",
            "bell\u{7}",
        ];
        let mut texts: Vec<String> = Vec::new();
        for a in PIECES {
            texts.push(a.to_owned());
            for b in PIECES {
                texts.push(format!("{a}{b}"));
                texts.push(format!("{a} {b}"));
            }
        }
        let sections: Vec<String> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| match i % 5 {
                0 => format!("{text}\n\n  {text}\n---\n..."),
                1 => format!("  {text}\n{text}"),
                2 => format!("\n{text}\n   \n\t{text}"),
                3 => format!("{text}\r\n{text}"),
                _ => text.clone(),
            })
            .collect();
        let mut entries = Vec::new();
        for (index, (text, section)) in texts.iter().zip(&sections).enumerate() {
            if text.trim().is_empty() || section.trim().is_empty() {
                continue;
            }
            let mut e = entry(&format!("err:s:c:e{index}"));
            e.what_happened = Some(section.clone());
            e.how_to_fix = Some(text.clone());
            // A one-line field holds no control character (a tab among them) nor byte order
            // mark, nor does the text around it here: text with one goes only into the sections.
            let line = if text.contains(|c: char| c.is_control() || c == '\u{feff}') {
                "plain"
            } else {
                text.as_str()
            };
            e.title = Some(line.to_owned());
            e.description = Some(format!("{line} ·"));
            e.detail = Some(format!("· {line}"));
            e.deprecated = Some(line.to_owned());
            e.gateway = Some(ImportedGateway {
                status: Some(502),
                title: Some(format!("{line}!")),
                message: Some(line.to_owned()),
                message_from_error: false,
            });
            entries.push(e);
        }
        // `#` right after other text does not start a YAML comment; the writer must know.
        let text = catalogue(Some("https://x.example/errors#1"), None, &entries);
        let loaded = load(&text);
        assert_eq!(loaded.docs_base_url(), "https://x.example/errors#1");
        assert_eq!(loaded.entries().len(), entries.len());
        for e in &entries {
            let got = loaded.get(&e.code).unwrap();
            let one_line = |value: &Option<String>| value.as_deref().unwrap().trim().to_owned();
            assert_eq!(got.title, one_line(&e.title), "{:?}", e.title);
            assert_eq!(got.description, one_line(&e.description));
            assert_eq!(got.detail, one_line(&e.detail));
            assert_eq!(got.deprecated, Some(one_line(&e.deprecated)));
            let gateway = got.gateway.as_ref().unwrap();
            assert_eq!(
                Some(gateway.title.clone()),
                e.gateway
                    .as_ref()
                    .unwrap()
                    .title
                    .as_ref()
                    .map(|t| t.trim().to_owned())
            );
            assert_eq!(
                gateway.message.as_deref(),
                Some(one_line(&e.gateway.as_ref().unwrap().message).as_str())
            );
            let section = e.what_happened.as_deref().unwrap();
            assert_eq!(got.what_happened, section.trim_end(), "{section:?}");
            assert_eq!(got.how_to_fix, e.how_to_fix.as_deref().unwrap().trim_end());
        }
    }
}
