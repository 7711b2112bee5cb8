//! Where each key and list item of a block-style YAML file stands.
//!
//! `serde_yaml` reports positions only for syntax errors, not for the values it parses, yet every
//! catalogue problem must name its line and column. The outline is a light scan of the text's
//! indentation that finds the line of each mapping key and list item, so validation can point at
//! `status:` in the third entry. Block scalars (`|`, `>`) are skipped, so prose that happens to
//! contain `key: value` is never mistaken for a key. For flow-style YAML (`{a: 1}`), which the
//! scan does not descend into, positions fall back to the nearest enclosing key.

use std::collections::HashMap;

use crate::diagnostic::Position;

/// A key or list item found in the text.
#[derive(Debug)]
struct Line {
    /// Index of the line, from 0.
    index: usize,
    /// Leading spaces.
    indent: usize,
    /// The key's text, unquoted, or `None` for a list item (`- …`).
    key: Option<String>,
    /// Column (from 0, in characters) where the key's or item's value starts; the key's own
    /// column when the value is on the following lines.
    value_column: usize,
}

/// A place in the outline: a key or item line, or the whole document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place {
    line: Option<usize>,
    /// Where the key (or the item's dash) stands.
    pub(crate) key: Position,
    /// Where its value starts.
    pub(crate) value: Position,
}

/// The keys and list items of a YAML text, by line and indentation.
#[derive(Debug)]
pub(crate) struct Outline {
    lines: Vec<Line>,
    /// The key lines under each parent (`None`: the top level), by key, in file order.
    keys: HashMap<Option<usize>, HashMap<String, Vec<usize>>>,
    /// The item lines under each parent, in file order.
    items: HashMap<Option<usize>, Vec<usize>>,
}

impl Outline {
    pub(crate) fn scan(text: &str) -> Outline {
        let mut lines = Vec::new();
        // Inside a block scalar, every line indented deeper than its key belongs to the scalar.
        let mut block_scalar_indent: Option<usize> = None;
        for (index, raw) in text.lines().enumerate() {
            let body = raw.trim_start_matches(' ');
            let indent = raw.len() - body.len();
            if body.trim().is_empty() {
                continue;
            }
            if let Some(owner) = block_scalar_indent {
                if indent > owner {
                    continue;
                }
                block_scalar_indent = None;
            }
            if body.starts_with('#') || body.starts_with("---") || body.starts_with("...") {
                continue;
            }
            let Some((key, value_offset)) = split_line(body) else {
                continue;
            };
            let value = body[value_offset..].trim_start();
            if value.starts_with('|') || value.starts_with('>') {
                block_scalar_indent = Some(indent);
            }
            let value_start = body.len() - value.len();
            let value_column = if value.is_empty() || value.starts_with('#') {
                indent
            } else {
                indent + body[..value_start].chars().count()
            };
            lines.push(Line {
                index,
                indent,
                key,
                value_column,
            });
        }
        let mut outline = Outline {
            lines,
            keys: HashMap::new(),
            items: HashMap::new(),
        };
        outline.index_parents();
        outline
    }

    /// Files every line under its parent: the nearest earlier line indented less deeply, or,
    /// for a list item, a key at the same indentation (`related:\n- a` is a list under `related`).
    fn index_parents(&mut self) {
        let mut open: Vec<usize> = Vec::new();
        for i in 0..self.lines.len() {
            let line = &self.lines[i];
            while let Some(&top) = open.last() {
                let above = &self.lines[top];
                let compact_list =
                    above.indent == line.indent && line.key.is_none() && above.key.is_some();
                if above.indent < line.indent || compact_list {
                    break;
                }
                open.pop();
            }
            let parent = open.last().copied();
            match &line.key {
                Some(key) => self
                    .keys
                    .entry(parent)
                    .or_default()
                    .entry(key.clone())
                    .or_default()
                    .push(i),
                None => self.items.entry(parent).or_default().push(i),
            }
            open.push(i);
        }
    }

    /// The whole document, placed at its first line.
    pub(crate) fn root(&self) -> Place {
        Place {
            line: None,
            key: Position::START,
            value: Position::START,
        }
    }

    /// The `nth` (from 0) occurrence of `key` among the direct children of `parent`;
    /// `parent` itself when the scan cannot find it.
    pub(crate) fn key(&self, parent: Place, key: &str, nth: usize) -> Place {
        self.keys
            .get(&parent.line)
            .and_then(|keys| keys.get(key))
            .and_then(|lines| lines.get(nth))
            .map_or(parent, |&i| self.place(i))
    }

    /// The `index`th (from 0) list item under `parent`; `parent` itself when not found.
    pub(crate) fn item(&self, parent: Place, index: usize) -> Place {
        self.items
            .get(&parent.line)
            .and_then(|items| items.get(index))
            .map_or(parent, |&i| self.place(i))
    }

    fn place(&self, i: usize) -> Place {
        let line = &self.lines[i];
        Place {
            line: Some(i),
            key: Position {
                line: line.index + 1,
                column: line.indent + 1,
            },
            value: Position {
                line: line.index + 1,
                column: line.value_column + 1,
            },
        }
    }
}

/// Splits `key: value` or `- value` into the key (`None` for an item) and the offset of the value.
/// Returns `None` for a line that is neither, such as the continuation of a long string.
fn split_line(body: &str) -> Option<(Option<String>, usize)> {
    if body == "-" || body.starts_with("- ") {
        return Some((None, 1));
    }
    let (key, rest_offset) = match body.chars().next()? {
        quote @ ('"' | '\'') => {
            let close = body[1..].find(quote)? + 1;
            (body[1..close].to_owned(), close + 1)
        }
        _ => {
            let colon = find_mapping_colon(body)?;
            (body[..colon].trim_end().to_owned(), colon)
        }
    };
    let rest = &body[rest_offset..];
    let after_colon = rest.strip_prefix(':')?;
    if !(after_colon.is_empty() || after_colon.starts_with(' ')) {
        return None;
    }
    Some((Some(key), rest_offset + 1))
}

/// The first `:` followed by a space or the end of the line: YAML's mapping indicator.
fn find_mapping_colon(body: &str) -> Option<usize> {
    let bytes = body.as_bytes();
    (0..bytes.len()).find(|&i| bytes[i] == b':' && bytes.get(i + 1).is_none_or(|&b| b == b' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "\
# a comment
docs_base_url: https://example.com/docs
errors:
  err:a:b:c:
    status: 400
    what_happened: |
      status: this is prose, not a key
    related:
    - err:a:b:d
    - err:a:b:e
  \"err:a:b:d\":
    status: 404
";

    #[test]
    fn finds_keys_by_name_and_items_by_index() {
        let outline = Outline::scan(TEXT);
        let root = outline.root();
        let errors = outline.key(root, "errors", 0);
        assert_eq!(errors.key, Position { line: 3, column: 1 });
        let first = outline.key(errors, "err:a:b:c", 0);
        assert_eq!(first.key, Position { line: 4, column: 3 });
        let status = outline.key(first, "status", 0);
        assert_eq!(status.key, Position { line: 5, column: 5 });
        assert_eq!(
            status.value,
            Position {
                line: 5,
                column: 13
            }
        );
        // The prose line inside the block scalar is not a second `status` key.
        assert_eq!(outline.key(first, "status", 1).key, first.key);
        let related = outline.key(first, "related", 0);
        assert_eq!(
            outline.item(related, 1).key,
            Position {
                line: 10,
                column: 5
            }
        );
        let quoted = outline.key(errors, "err:a:b:d", 0);
        assert_eq!(
            quoted.key,
            Position {
                line: 11,
                column: 3
            }
        );
        assert_eq!(outline.key(quoted, "status", 0).key.line, 12);
    }

    #[test]
    fn falls_back_to_the_parent_when_a_key_is_absent() {
        let outline = Outline::scan(TEXT);
        let errors = outline.key(outline.root(), "errors", 0);
        assert_eq!(outline.key(errors, "err:x:y:z", 0).key, errors.key);
        let flow = Outline::scan("errors: {err:a:b:c: {status: 1}}\n");
        let errors = flow.key(flow.root(), "errors", 0);
        assert_eq!(flow.key(errors, "err:a:b:c", 0).key, errors.key);
    }
}
