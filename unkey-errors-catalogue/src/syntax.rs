//! YAML syntax errors explained in catalogue terms.
//!
//! The parser says what confused it ("mapping values are not allowed in this context") where
//! it noticed, which is rarely where the author went wrong. The mistakes catalogue authors make
//! are few: a tab in the indentation, a line indented differently from its siblings, a `: `
//! inside an unquoted value, a field with no space after its colon. For each, this module finds
//! the line at fault near the parser's position and says what is wrong and how to fix it,
//! underlining the offending token. Anything else keeps the parser's words.

use crate::diagnostic::Position;
use crate::validate::{ENTRY_FIELDS, TOP_LEVEL_KEYS};

/// What to report for a syntax error.
pub(crate) struct Explanation {
    pub(crate) position: Position,
    /// How many characters from `position` to underline.
    pub(crate) width: usize,
    pub(crate) message: String,
    pub(crate) help: String,
}

/// The explanation of the parser's error `message` at `at` in `text`, when it has a known cause.
pub(crate) fn explain(text: &str, at: Position) -> Option<Explanation> {
    let lines: Vec<&str> = text.lines().collect();
    let culprit = at.line.checked_sub(1)?;
    tab(&lines, culprit)
        .or_else(|| missing_space(&lines, culprit))
        .or_else(|| colon_in_value(&lines, culprit))
        .or_else(|| indentation(&lines, culprit))
        .or_else(|| {
            // The parser often notices on the line after the mistake.
            let previous = (0..culprit)
                .rev()
                .find(|&i| !is_blank_or_comment(lines[i]))?;
            colon_in_value(&lines, previous).or_else(|| indentation(&lines, previous))
        })
}

fn is_blank_or_comment(line: &str) -> bool {
    let body = line.trim_start();
    body.is_empty() || body.starts_with('#')
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// A tab in the line's indentation.
fn tab(lines: &[&str], index: usize) -> Option<Explanation> {
    let line = lines.get(index)?;
    let leading: String = line
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    if !leading.contains('\t') {
        return None;
    }
    Some(Explanation {
        position: Position {
            line: index + 1,
            column: 1,
        },
        width: leading.chars().count(),
        message: "this line is indented with a tab; YAML indents with spaces only".to_owned(),
        help: "replace the tab with spaces: entries are indented 2 spaces, their fields 4"
            .to_owned(),
    })
}

/// A field written `status:404`: without the space, YAML reads one word, not a key and value.
/// The first such line up to the parser's position is the cause.
fn missing_space(lines: &[&str], up_to: usize) -> Option<Explanation> {
    lines.iter().take(up_to + 1).enumerate().find_map(|(index, line)| {
        let indent = indent_of(line);
        let body = &line[indent..];
        let (key, value) = body.split_once(':')?;
        let known = ENTRY_FIELDS.contains(&key) || TOP_LEVEL_KEYS.contains(&key);
        if !known || value.is_empty() || value.starts_with([' ', '\t']) {
            return None;
        }
        let token = body.split_whitespace().next().unwrap_or(body);
        Some(Explanation {
            position: Position {
                line: index + 1,
                column: indent + 1,
            },
            width: token.chars().count(),
            message: format!(
                "`{token}` has no space after the colon, so YAML reads it as text, not as the field `{key}`"
            ),
            help: format!("write `{key}: {}`", value.trim()),
        })
    })
}

/// `title: Not: Found`: in an unquoted value, `: ` starts another key.
fn colon_in_value(lines: &[&str], index: usize) -> Option<Explanation> {
    let line = lines.get(index)?;
    let indent = indent_of(line);
    let body = &line[indent..];
    let (key, value) = body.split_once(": ")?;
    let value = value.trim_end();
    let quoted_or_block = value.starts_with(['"', '\'', '|', '>', '[', '{']);
    if key.contains(' ') || quoted_or_block || !(value.contains(": ") || value.ends_with(':')) {
        return None;
    }
    let value_column = indent + key.chars().count() + 2;
    Some(Explanation {
        position: Position {
            line: index + 1,
            column: value_column + 1,
        },
        width: value.chars().count(),
        message: format!(
            "the value of `{key}` contains `:`, which YAML reads as the start of another key"
        ),
        help: format!(
            "quote the value: `{key}: \"{}\"`",
            value.replace('\\', "\\\\").replace('"', "\\\"")
        ),
    })
}

/// A line indented differently from the other fields (or entries) of the key it belongs to.
fn indentation(lines: &[&str], index: usize) -> Option<Explanation> {
    let line = lines.get(index)?;
    if is_blank_or_comment(line) {
        return None;
    }
    let indent = indent_of(line);
    // The nearest line above that is indented less: this line's parent, or a sibling field
    // that this line is indented too deeply under.
    let above = (0..index)
        .rev()
        .find(|&i| !is_blank_or_comment(lines[i]) && indent_of(lines[i]) < indent)?;
    let above_body = lines[above].trim();
    // The key: up to `: `, without the `:` that ends a key with no value on its line.
    let token = line.trim().split(": ").next().unwrap_or(line.trim());
    let token = token.strip_suffix(':').unwrap_or(token);
    let parent = if above_body.ends_with(':') {
        // A code indented between an entry and its fields is a misplaced entry, not a field.
        let is_entry = token.starts_with("err:") && above_body != "errors:";
        if is_entry {
            let above_indent = indent_of(lines[above]);
            (0..above)
                .rev()
                .find(|&i| !is_blank_or_comment(lines[i]) && indent_of(lines[i]) < above_indent)?
        } else {
            above
        }
    } else if above_body.ends_with(['|', '>']) || above_body.starts_with('-') {
        // Prose of a block scalar, or a list: indenting deeper is right there.
        return None;
    } else {
        // A field with its value on the same line: this line is one of its siblings, too deep.
        let sibling_indent = indent_of(lines[above]);
        (0..above)
            .rev()
            .find(|&i| !is_blank_or_comment(lines[i]) && indent_of(lines[i]) < sibling_indent)?
    };
    let expected = (parent + 1..lines.len())
        .find(|&i| !is_blank_or_comment(lines[i]))
        .map(|i| indent_of(lines[i]))?;
    if expected == indent || expected <= indent_of(lines[parent]) {
        return None;
    }
    let parent_key = lines[parent].trim().trim_end_matches(':');
    let members = if parent_key == "errors" {
        "the entries of `errors` are".to_owned()
    } else {
        format!("the fields of `{parent_key}` are")
    };
    Some(Explanation {
        position: Position {
            line: index + 1,
            column: indent + 1,
        },
        width: token.chars().count(),
        message: format!("this line is indented {indent} spaces; {members} indented {expected}"),
        help: format!("indent it {expected} spaces, like the lines around it"),
    })
}
