//! Escaping for MDX, where `{`, `}` and `<` in prose would be read as JSX.

/// Markdown from the catalogue made safe for MDX: outside code blocks and inline code, `{` and
/// `}` are backslash-escaped and `<` becomes `&lt;`. Code is left exactly as written.
pub(crate) fn escape_markdown(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + 16);
    let mut in_fence = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
            out.push_str(line);
        } else if in_fence {
            out.push_str(line);
        } else {
            escape_line(line, &mut out);
        }
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out
}

/// Escapes one line of prose, leaving `inline code` spans untouched.
fn escape_line(line: &str, out: &mut String) {
    for (i, part) in line.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        if i % 2 == 1 {
            out.push_str(part);
            continue;
        }
        for c in part.chars() {
            match c {
                '{' => out.push_str("\\{"),
                '}' => out.push_str("\\}"),
                '<' => out.push_str("&lt;"),
                _ => out.push(c),
            }
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
    fn quotes_frontmatter_values_safely() {
        assert_eq!(quoted("a \"b\": c\\"), r#""a \"b\": c\\""#);
        assert_eq!(table_cell("a|b"), "a\\|b");
    }
}
