//! Escaping for MDX, where `{`, `}` and `<` in prose would be read as JSX.

use std::borrow::Cow;

use crate::markdown::{self, Part};

/// Markdown from the catalogue made safe for MDX: in prose, `{` and `}` are backslash-escaped
/// and `<` becomes `&lt;`, while code (fenced blocks, inline spans: [`markdown::parts`]) is
/// left exactly as written. A backslash escape the text already has (`\{`, `\\`, `\_`) is
/// kept as it is: MDX reads it as Markdown does. A fence the text leaves open is closed, so the
/// page's next section is not swallowed into it. Line endings become `\n`; the end is trimmed.
pub(crate) fn escape_markdown(markdown: &str) -> String {
    let markdown = if markdown.contains('\r') {
        Cow::Owned(markdown.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(markdown)
    };
    let mut out = String::with_capacity(markdown.len() + 16);
    let (parts, open_fence) = markdown::parts(&markdown);
    for part in parts {
        match part {
            Part::Code(code) => out.push_str(code),
            Part::Prose(prose) => escape_prose(prose, &mut out),
        }
    }
    out.truncate(out.trim_end().len());
    if let Some((character, length)) = open_fence {
        out.push('\n');
        out.extend(std::iter::repeat_n(character, length));
    }
    out
}

/// Escapes prose (no code in it) onto `out`.
fn escape_prose(prose: &str, out: &mut String) {
    let mut chars = prose.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push('\\');
                if let Some(escaped) = chars.next_if(char::is_ascii_punctuation) {
                    out.push(escaped);
                }
            }
            '{' => out.push_str("\\{"),
            '}' => out.push_str("\\}"),
            '<' => out.push_str("&lt;"),
            _ => out.push(c),
        }
    }
}

/// Text for a markdown table cell: `|` would end the cell.
pub(crate) fn table_cell(text: &str) -> String {
    escape_markdown(text).replace('|', "\\|")
}

/// A YAML (and JSON) double-quoted string, for frontmatter values.
pub(crate) fn quoted(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_jsx_in_prose_but_not_in_code() {
        let input = "Send {\"a\": 1} or <b>\n`{code}` stays\n```json\n{\"x\": \"<y>\"}\n```";
        assert_eq!(
            escape_markdown(input),
            "Send \\{\"a\": 1\\} or &lt;b>\n`{code}` stays\n```json\n{\"x\": \"<y>\"}\n```"
        );
    }

    #[test]
    fn code_is_found_as_commonmark_finds_it() {
        // A span across a line break is code; the prose after it is escaped.
        assert_eq!(
            escape_markdown("Send `Authorization: Bearer\n<key>` with the {id}."),
            "Send `Authorization: Bearer\n<key>` with the \\{id\\}."
        );
        // A lone backtick opens nothing.
        assert_eq!(
            escape_markdown("Don't use ` in {names}"),
            "Don't use ` in \\{names\\}"
        );
        // Three backticks inside a line are a span, not a fence.
        assert_eq!(escape_markdown("```x``` {y}"), "```x``` \\{y\\}");
        // A tilde fence is code, and a backtick line inside it does not close it.
        assert_eq!(
            escape_markdown("~~~\n```\n{x}\n~~~\n{y}"),
            "~~~\n```\n{x}\n~~~\n\\{y\\}"
        );
    }

    #[test]
    fn a_texts_own_backslash_escapes_stay_escapes() {
        // `\{` is already an escape; `\\` is a backslash, so the brace after it is escaped.
        assert_eq!(escape_markdown("a \\{ b"), "a \\{ b");
        assert_eq!(escape_markdown("a \\\\{ b"), "a \\\\\\{ b");
        assert_eq!(escape_markdown("C:\\dir <x>"), "C:\\dir &lt;x>");
    }

    #[test]
    fn a_fence_left_open_is_closed_at_the_end() {
        assert_eq!(
            escape_markdown("Run:\n````sh\necho {x}\n"),
            "Run:\n````sh\necho {x}\n````"
        );
        assert_eq!(escape_markdown("a\r\n{b}\r\n"), "a\n\\{b\\}");
    }

    #[test]
    fn quotes_frontmatter_values_safely() {
        assert_eq!(quoted("a \"b\": c\\"), r#""a \"b\": c\\""#);
        assert_eq!(table_cell("a|b"), "a\\|b");
    }
}
