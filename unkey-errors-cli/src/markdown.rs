//! Where the code is in catalogue Markdown: fenced blocks and inline code spans, found as
//! CommonMark finds them. The renderer escapes only the prose around them for MDX, and import
//! reads pages back with the same cut, so the two stay each other's inverse.

/// A piece of Markdown: code, which is left exactly as written, or prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part<'a> {
    /// A fenced block with its fence lines, or an inline code span with its backticks.
    Code(&'a str),
    /// Text around code.
    Prose(&'a str),
}

/// `markdown` cut into code and prose, in order: together the parts are `markdown`, byte for
/// byte. Also the fence left open at the end, if one is (its character and length): CommonMark
/// lets it run to the end of the text.
///
/// A fence is a line of three or more backticks or tildes (indented or not: a fence inside a
/// list item is), closed by a line of at least as many of the same character and nothing else.
/// An inline code span is a run of backticks closed by the next run of the same length within
/// its paragraph (it may cross lines, not a blank one); a backslash-escaped backtick opens none,
/// and a run nothing closes is prose.
pub(crate) fn parts(markdown: &str) -> (Vec<Part<'_>>, Option<(char, usize)>) {
    let mut parts = Vec::new();
    // Where the prose not yet cut into spans starts, and the open fence: character, length and
    // where its block starts.
    let mut prose = 0;
    let mut fence: Option<(char, usize, usize)> = None;
    let mut offset = 0;
    for line in markdown.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let text = line.trim_end_matches(['\n', '\r']);
        match fence {
            Some((character, length, block)) => {
                if fence_closes(text, character, length) {
                    parts.push(Part::Code(&markdown[block..offset]));
                    fence = None;
                    prose = offset;
                }
            }
            None => {
                if let Some((character, length, _)) = fence_open(text) {
                    spans(&markdown[prose..start], &mut parts);
                    fence = Some((character, length, start));
                } else if text.trim().is_empty() {
                    // A blank line ends a paragraph: no span crosses it.
                    spans(&markdown[prose..offset], &mut parts);
                    prose = offset;
                }
            }
        }
    }
    match fence {
        Some((character, length, block)) => {
            parts.push(Part::Code(&markdown[block..]));
            (parts, Some((character, length)))
        }
        None => {
            spans(&markdown[prose..], &mut parts);
            (parts, None)
        }
    }
}

/// One line cut into inline code spans and prose (a line on its own opens no fence).
pub(crate) fn line_parts(line: &str) -> Vec<Part<'_>> {
    let mut parts = Vec::new();
    spans(line, &mut parts);
    parts
}

/// The fence a line opens: its character, its length and the text after it (the info string).
pub(crate) fn fence_open(line: &str) -> Option<(char, usize, &str)> {
    let trimmed = line.trim_start();
    let fence = trimmed.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let length = trimmed.chars().take_while(|&c| c == fence).count();
    // Both fence characters are one byte long.
    let info = &trimmed[length..];
    // A backtick fence's info string cannot hold a backtick: "```a`" is inline code.
    (length >= 3 && !(fence == '`' && info.contains('`'))).then(|| (fence, length, info.trim()))
}

/// Whether `line` closes a fence of `length` times `character`.
pub(crate) fn fence_closes(line: &str, character: char, length: usize) -> bool {
    let trimmed = line.trim();
    trimmed.len() >= length && trimmed.chars().all(|c| c == character)
}

/// The offset after the inline code span whose opening run of backticks starts at `at`, or
/// after that run when nothing closes it.
pub(crate) fn code_span_end(bytes: &[u8], at: usize) -> usize {
    let run = bytes[at..].iter().take_while(|&&b| b == b'`').count();
    let mut search = at + run;
    while search < bytes.len() {
        if bytes[search] == b'`' {
            let closing = bytes[search..].iter().take_while(|&&b| b == b'`').count();
            if closing == run {
                return search + closing;
            }
            search += closing;
        } else {
            search += 1;
        }
    }
    at + run
}

/// `prose` (no fence in it) cut into inline code spans and the prose between them, appended
/// to `parts`.
fn spans<'a>(prose: &'a str, parts: &mut Vec<Part<'a>>) {
    let bytes = prose.as_bytes();
    let mut text = 0;
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            // An escaped backtick (or anything escaped) opens nothing. Only an ASCII byte is
            // skipped with it, so `at` stays on character boundaries where it matters.
            b'\\' if bytes.get(at + 1).is_some_and(u8::is_ascii_punctuation) => at += 2,
            b'`' => {
                let end = code_span_end(bytes, at);
                let run = bytes[at..].iter().take_while(|&&b| b == b'`').count();
                if end > at + run {
                    if text < at {
                        parts.push(Part::Prose(&prose[text..at]));
                    }
                    parts.push(Part::Code(&prose[at..end]));
                    text = end;
                }
                at = end;
            }
            _ => at += 1,
        }
    }
    if text < prose.len() {
        parts.push(Part::Prose(&prose[text..]));
    }
}

#[cfg(test)]
mod tests {
    use super::Part::{Code, Prose};
    use super::*;

    #[test]
    fn the_parts_are_the_text() {
        for text in [
            "",
            "plain",
            "a `b` c",
            "```\nx\n```\nafter",
            "unclosed\n```js\n{x}",
            "a ``b ` c`` d\n\ne `f\n\ng` h",
            "é`ü`ö\\`",
        ] {
            let joined: String = parts(text)
                .0
                .iter()
                .map(|part| match part {
                    Code(code) | Prose(code) => *code,
                })
                .collect();
            assert_eq!(joined, text);
        }
    }

    #[test]
    fn spans_close_on_a_run_of_their_own_length_within_the_paragraph() {
        assert_eq!(parts("a `b` c").0, [Prose("a "), Code("`b`"), Prose(" c")]);
        assert_eq!(parts("``a ` b`` c").0, [Code("``a ` b``"), Prose(" c")]);
        // Across a line break, but not across a blank line.
        assert_eq!(
            parts("Send `Authorization: Bearer\n<key>` with {id}.").0,
            [
                Prose("Send "),
                Code("`Authorization: Bearer\n<key>`"),
                Prose(" with {id}.")
            ]
        );
        assert_eq!(parts("a `b\n\nc` d").0, [Prose("a `b\n\n"), Prose("c` d")]);
        // A lone or escaped backtick opens nothing.
        assert_eq!(
            parts("Don't use ` in {names}").0,
            [Prose("Don't use ` in {names}")]
        );
        assert_eq!(parts("\\`x` {y}").0, [Prose("\\`x` {y}")]);
    }

    #[test]
    fn fences_of_either_character_close_only_on_their_own_kind_and_length() {
        let (found, open) = parts("a\n~~~~\n```\n{x}\n~~~~\nb {y}");
        assert_eq!(
            found,
            [Prose("a\n"), Code("~~~~\n```\n{x}\n~~~~\n"), Prose("b {y}")]
        );
        assert_eq!(open, None);
        // An inline span of three backticks is not a fence.
        assert_eq!(parts("```x``` {y}").0, [Code("```x```"), Prose(" {y}")]);
        // A fence nothing closes runs to the end.
        let (found, open) = parts("a\n````md\n```\n{x}");
        assert_eq!(found, [Prose("a\n"), Code("````md\n```\n{x}")]);
        assert_eq!(open, Some(('`', 4)));
    }
}
