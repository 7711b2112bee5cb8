//! MDX text as the import reads it: which lines are code, where components and expressions
//! stand, and the inverse of the renderer's escaping.
//!
//! This is not a full MDX parser. It checks what makes a page unreadable for us and for
//! Mintlify alike: a code fence never closed, a component (`<Name …>`) never closed or closed
//! by another, an expression (`{…}`) never closed.

use crate::markdown::{self, Part};

/// What a line of a page body is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Markdown, components and expressions.
    Prose,
    /// Opens a fenced code block; holds the text after the fence (language and title).
    FenceOpen(String),
    /// Inside a fenced code block.
    Code,
    /// Closes a fenced code block.
    FenceClose,
}

/// A problem that makes a page unreadable, at a line of the page (from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MdxError {
    pub(crate) line: usize,
    pub(crate) message: String,
}

/// Classifies `lines` (the first being line `first_line` of the page) into prose and code.
/// A fence is three or more backticks or tildes, indented or not (a fence inside a list item
/// is indented); it closes at a line of at least as many of the same character.
pub(crate) fn classify(lines: &[&str], first_line: usize) -> Result<Vec<LineKind>, MdxError> {
    let mut kinds = Vec::with_capacity(lines.len());
    let mut open: Option<(char, usize, usize)> = None;
    for (index, line) in lines.iter().enumerate() {
        match open {
            Some((fence, length, _)) => {
                if markdown::fence_closes(line, fence, length) {
                    open = None;
                    kinds.push(LineKind::FenceClose);
                } else {
                    kinds.push(LineKind::Code);
                }
            }
            None => match markdown::fence_open(line) {
                Some((fence, length, info)) => {
                    open = Some((fence, length, first_line + index));
                    kinds.push(LineKind::FenceOpen(info.to_owned()));
                }
                None => kinds.push(LineKind::Prose),
            },
        }
    }
    if let Some((fence, _, line)) = open {
        return Err(MdxError {
            line,
            message: format!(
                "the code block opened here with `{fence}{fence}{fence}` is never closed"
            ),
        });
    }
    Ok(kinds)
}

/// A component tag found in prose: `<Name …>`, `</Name>` or `<Name …/>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tag {
    pub(crate) name: String,
    pub(crate) kind: TagKind,
    /// The text between the name and the closing `>` (the attributes).
    pub(crate) attributes: String,
    /// Line (from 1) and byte offsets within the body text of `<` and just after `>`.
    pub(crate) line: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// For an opening tag, the index in the tag list of its closing tag.
    pub(crate) closed_by: Option<usize>,
}

/// Whether a tag opens, closes or stands alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TagKind {
    Open,
    Close,
    SelfClosing,
}

/// An expression (`{…}`) found in prose: line (from 1) and byte offsets of `{` and after `}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Expression {
    pub(crate) line: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// The components and expressions of a page body.
#[derive(Debug, Default)]
pub(crate) struct Markup {
    pub(crate) tags: Vec<Tag>,
    pub(crate) expressions: Vec<Expression>,
}

/// What the scanner is inside of while it walks the prose.
enum State {
    Text,
    Tag {
        start: usize,
        line: usize,
        name_end: usize,
        closing: bool,
        quote: Option<char>,
        braces: usize,
    },
    Expression {
        start: usize,
        line: usize,
        depth: usize,
    },
}

/// Finds every component and expression in the prose lines of `body` (whose line `i` starts
/// at `starts[i]` and is line `first_line + i` of the page), outside code blocks and inline
/// code, and checks that components nest and close and expressions close. Backslash escapes
/// (`\{`, `\<`) are text.
pub(crate) fn scan(
    body: &str,
    starts: &[usize],
    kinds: &[LineKind],
    first_line: usize,
) -> Result<Markup, MdxError> {
    let mut markup = Markup::default();
    let mut state = State::Text;
    for (index, kind) in kinds.iter().enumerate() {
        if *kind != LineKind::Prose {
            // A fence inside a tag or expression is part of it (a CodeGroup's blocks are
            // scanned as the lines they are); only text state skips code.
            continue;
        }
        let line_number = first_line + index;
        let line_start = starts[index];
        let line_end = starts.get(index + 1).map_or(body.len(), |&next| next - 1);
        let line = &body[line_start..line_end];
        let bytes = line.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let here = line_start + at;
            match &mut state {
                State::Text => match bytes[at] {
                    b'\\' if bytes.get(at + 1).is_some_and(u8::is_ascii_punctuation) => at += 2,
                    b'`' => at = markdown::code_span_end(bytes, at),
                    b'<' => {
                        let closing = bytes.get(at + 1) == Some(&b'/');
                        let name_at = at + 1 + usize::from(closing);
                        if bytes.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
                            let name_end = bytes[name_at..]
                                .iter()
                                .position(|b| !(b.is_ascii_alphanumeric() || b"._:-".contains(b)))
                                .map_or(bytes.len(), |p| name_at + p);
                            state = State::Tag {
                                start: here,
                                line: line_number,
                                name_end: line_start + name_end,
                                closing,
                                quote: None,
                                braces: 0,
                            };
                            at = name_end;
                        } else {
                            at += 1;
                        }
                    }
                    b'{' => {
                        state = State::Expression {
                            start: here,
                            line: line_number,
                            depth: 1,
                        };
                        at += 1;
                    }
                    _ => at += 1,
                },
                State::Tag {
                    start,
                    line,
                    name_end,
                    closing,
                    quote,
                    braces,
                } => {
                    let byte = bytes[at];
                    match (*quote, byte) {
                        (Some(q), _) if byte as char == q => *quote = None,
                        (Some(_), _) => {}
                        (None, b'"' | b'\'') if *braces == 0 => *quote = Some(byte as char),
                        (None, b'{') => *braces += 1,
                        (None, b'}') => *braces = braces.saturating_sub(1),
                        (None, b'>') if *braces == 0 => {
                            let name_at = *start + 1 + usize::from(*closing);
                            let inner = &body[*name_end..here];
                            let self_closing = inner.trim_end().ends_with('/');
                            let attributes = inner.trim_end().trim_end_matches('/').trim();
                            markup.tags.push(Tag {
                                name: body[name_at..*name_end].to_owned(),
                                kind: match (*closing, self_closing) {
                                    (true, _) => TagKind::Close,
                                    (false, true) => TagKind::SelfClosing,
                                    (false, false) => TagKind::Open,
                                },
                                attributes: attributes.to_owned(),
                                line: *line,
                                start: *start,
                                end: here + 1,
                                closed_by: None,
                            });
                            state = State::Text;
                        }
                        _ => {}
                    }
                    at += 1;
                }
                State::Expression { start, line, depth } => {
                    match bytes[at] {
                        b'{' => *depth += 1,
                        b'}' => {
                            *depth -= 1;
                            if *depth == 0 {
                                markup.expressions.push(Expression {
                                    line: *line,
                                    start: *start,
                                    end: here + 1,
                                });
                                state = State::Text;
                            }
                        }
                        _ => {}
                    }
                    at += 1;
                }
            }
        }
    }
    match state {
        State::Text => {}
        State::Tag {
            start,
            line,
            name_end,
            ..
        } => {
            return Err(MdxError {
                line,
                message: format!(
                    "the tag `{}` is never ended with `>`",
                    &body[start..name_end]
                ),
            });
        }
        State::Expression { line, .. } => {
            return Err(MdxError {
                line,
                message: "the expression opened here with `{` is never closed with `}` \
                          (write `\\{` for a literal brace)"
                    .to_owned(),
            });
        }
    }
    pair_tags(&mut markup.tags)?;
    Ok(markup)
}

/// Pairs every opening tag with its closing tag, or reports the first one that does not pair.
fn pair_tags(tags: &mut [Tag]) -> Result<(), MdxError> {
    let mut open: Vec<usize> = Vec::new();
    for index in 0..tags.len() {
        match tags[index].kind {
            TagKind::Open => open.push(index),
            TagKind::SelfClosing => {}
            TagKind::Close => {
                let Some(opener) = open.pop() else {
                    return Err(MdxError {
                        line: tags[index].line,
                        message: format!("`</{}>` closes no open tag", tags[index].name),
                    });
                };
                if tags[opener].name != tags[index].name {
                    return Err(MdxError {
                        line: tags[index].line,
                        message: format!(
                            "`</{}>` closes `<{}>` of line {}; close that one first",
                            tags[index].name, tags[opener].name, tags[opener].line
                        ),
                    });
                }
                tags[opener].closed_by = Some(index);
            }
        }
    }
    match open.pop() {
        Some(index) => Err(MdxError {
            line: tags[index].line,
            message: format!(
                "`<{}>` is never closed (add `</{}>`, or write `<{} />`)",
                tags[index].name, tags[index].name, tags[index].name
            ),
        }),
        None => Ok(()),
    }
}

/// The value of the attribute `name="…"` (or `'…'`) in a tag's attribute text.
pub(crate) fn attribute(attributes: &str, name: &str) -> Option<String> {
    let mut rest = attributes;
    while let Some(at) = rest.find(name) {
        let before_ok = rest[..at]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        let after = rest[at + name.len()..].trim_start();
        if before_ok {
            if let Some(value) = after.strip_prefix('=') {
                let value = value.trim_start();
                let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
                let value = &value[1..];
                return value.find(quote).map(|end| value[..end].to_owned());
            }
        }
        rest = &rest[at + name.len()..];
    }
    None
}

/// The inverse of the renderer's escaping of catalogue markdown: in prose (outside code, cut
/// exactly as the renderer cuts it: [`markdown::parts`]), `\{` and `\}` become braces and
/// `&lt;` becomes `<`; code is left as it is. Read left to right, a backslash escape is taken
/// whole, so `\\}` is a backslash and a brace. Two things cannot be told apart afterwards: a
/// literal `&lt;` from an escaped `<`, and a text's own `\{` from an escaped `{` (both read back
/// as `{`, which Markdown shows the same).
pub(crate) fn unescape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for part in markdown::parts(text).0 {
        unescape_part(part, &mut out);
    }
    out
}

/// [`unescape_markdown`] of one line, which opens no fence.
pub(crate) fn unescape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for part in markdown::line_parts(line) {
        unescape_part(part, &mut out);
    }
    out
}

/// One part of [`unescape_markdown`]'s cut, unescaped onto `out`.
fn unescape_part(part: Part<'_>, out: &mut String) {
    let prose = match part {
        Part::Code(code) => return out.push_str(code),
        Part::Prose(prose) => prose,
    };
    let mut rest = prose;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("&lt;") {
            out.push('<');
            rest = after;
        } else if c == '\\' {
            match rest[1..].chars().next() {
                Some(brace @ ('{' | '}')) => out.push(brace),
                Some(escaped) if escaped.is_ascii_punctuation() => {
                    out.push('\\');
                    out.push(escaped);
                }
                _ => {
                    out.push('\\');
                    rest = &rest[1..];
                    continue;
                }
            }
            rest = &rest[2..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
}

/// Markdown's backslash escapes resolved (`insufficient\_permissions` → `insufficient_permissions`):
/// for a code written in prose, where Unkey's pages escape its underscores.
pub(crate) fn resolve_backslash_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&next) = chars.peek().filter(|n| n.is_ascii_punctuation()) {
                out.push(next);
                chars.next();
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(body: &str) -> (Vec<&str>, Vec<usize>) {
        let lines: Vec<&str> = body.split('\n').collect();
        let mut starts = Vec::new();
        let mut at = 0;
        for line in &lines {
            starts.push(at);
            at += line.len() + 1;
        }
        (lines, starts)
    }

    fn scan_text(body: &str) -> Result<Markup, MdxError> {
        let (lines, starts) = lines_of(body);
        let kinds = classify(&lines, 1)?;
        scan(body, &starts, &kinds, 1)
    }

    #[test]
    fn fences_of_either_character_and_any_length_close_only_on_their_own_kind() {
        let lines = ["````md", "```", "````", "  ~~~ bash", "x", "~~~~", "```a`"];
        let kinds = classify(&lines, 1).unwrap();
        assert_eq!(
            kinds,
            [
                LineKind::FenceOpen("md".to_owned()),
                LineKind::Code,
                LineKind::FenceClose,
                LineKind::FenceOpen("bash".to_owned()),
                LineKind::Code,
                LineKind::FenceClose,
                LineKind::Prose,
            ]
        );
        let error = classify(&["a", "```json", "{"], 1).unwrap_err();
        assert_eq!(error.line, 2);
    }

    #[test]
    fn finds_tags_and_pairs_them_across_lines() {
        let markup =
            scan_text("<CodeGroup>\n<Tab title=\"A > B\">x</Tab>\n<Br />\n</CodeGroup>").unwrap();
        let names: Vec<(&str, TagKind)> = markup
            .tags
            .iter()
            .map(|t| (t.name.as_str(), t.kind))
            .collect();
        assert_eq!(
            names,
            [
                ("CodeGroup", TagKind::Open),
                ("Tab", TagKind::Open),
                ("Tab", TagKind::Close),
                ("Br", TagKind::SelfClosing),
                ("CodeGroup", TagKind::Close),
            ]
        );
        assert_eq!(markup.tags[0].closed_by, Some(4));
        assert_eq!(markup.tags[1].closed_by, Some(2));
        assert_eq!(
            attribute(&markup.tags[1].attributes, "title").as_deref(),
            Some("A > B")
        );
    }

    #[test]
    fn code_escapes_and_spaced_angles_are_not_markup() {
        let markup =
            scan_text("`<Tag>` and ``{`x`}`` and \\{ and a < b\n```\n<Open>\n```").unwrap();
        assert!(markup.tags.is_empty() && markup.expressions.is_empty());
    }

    #[test]
    fn unbalanced_markup_is_located() {
        let cases = [
            ("a\n<Note>\nb", 2, "`<Note>` is never closed"),
            ("</Note>", 1, "closes no open tag"),
            ("<A>\n<B>\n</A>", 3, "`</A>` closes `<B>` of line 2"),
            ("x\n{a\nb", 2, "never closed with `}`"),
            ("<Tab title=\"x", 1, "never ended with `>`"),
        ];
        for (text, line, message) in cases {
            let error = scan_text(text).unwrap_err();
            assert_eq!(error.line, line, "{text}");
            assert!(error.message.contains(message), "{text}: {}", error.message);
        }
        let markup = scan_text("a {b {c}} d").unwrap();
        assert_eq!(
            markup.expressions,
            [Expression {
                line: 1,
                start: 2,
                end: 9
            }]
        );
    }

    #[test]
    fn unescaping_inverts_the_renderers_escaping() {
        for original in [
            "Send {\"a\": 1} or <b> \\\\} \\_x\n`{code}` stays\n```json\n{\"x\": \"<y>\"}\n```\nafter {x}",
            "Send `Authorization: Bearer\n<key>` with the {id}.",
            "Don't use ` in {names}, nor \\` {x}",
            "~~~\n{\"x\": 1}\n~~~\n```x``` and {y}",
        ] {
            let escaped = crate::render::mdx::escape_markdown(original);
            assert_ne!(escaped, original);
            assert_eq!(unescape_markdown(&escaped), original);
        }
        // A text's own escape of a brace reads back as the brace, which Markdown shows alike.
        let escaped = crate::render::mdx::escape_markdown("a \\{ b");
        assert_eq!(escaped, "a \\{ b");
        assert_eq!(unescape_markdown(&escaped), "a { b");
    }

    #[test]
    fn backslash_escapes_resolve_in_codes() {
        assert_eq!(
            resolve_backslash_escapes("err:unkey:authorization:insufficient\\_permissions"),
            "err:unkey:authorization:insufficient_permissions"
        );
        assert_eq!(resolve_backslash_escapes("a\\b\\"), "a\\b\\");
    }
}
