//! Rust source text to the few tokens `unused-code` looks for: identifiers, `::`, string
//! literals and the braces and commas of `use` groups. Comments are skipped, so a code that is
//! only mentioned in a comment is not a use.

/// A token of Rust source, as far as finding uses of codes needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Token<'s> {
    /// An identifier or keyword, without the `r#` of a raw identifier.
    Ident(&'s str),
    /// `::`.
    PathSep,
    /// A string literal's text between its quotes, as written (escapes are not resolved).
    Str(&'s str),
    /// `{`, `}` or `,`.
    Punct(char),
    /// Anything else: it ends a path.
    Other,
}

/// The tokens of `source`. Never fails: text that is not valid Rust still gives tokens, and an
/// unterminated comment or literal runs to the end.
pub(super) fn tokens(source: &str) -> Vec<Token<'_>> {
    let bytes = source.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        let next = bytes.get(i + 1).copied();
        match byte {
            b if b.is_ascii_whitespace() => i += 1,
            b'/' if next == Some(b'/') => {
                i = source[i..].find('\n').map_or(bytes.len(), |end| i + end);
            }
            b'/' if next == Some(b'*') => i = block_comment_end(bytes, i),
            b'"' => {
                let (text_end, after) = string_end(bytes, i + 1);
                found.push(Token::Str(&source[i + 1..text_end]));
                i = after;
            }
            b'\'' => i = quote_end(source, i),
            b':' if next == Some(b':') => {
                found.push(Token::PathSep);
                i += 2;
            }
            b'{' | b'}' | b',' => {
                found.push(Token::Punct(char::from(byte)));
                i += 1;
            }
            b if is_ident_start(b) => {
                let end = ident_end(bytes, i);
                let word = &source[i..end];
                i = end;
                match (word, bytes.get(i).copied()) {
                    // A raw identifier: `r#type`.
                    ("r", Some(b'#')) if bytes.get(i + 1).copied().is_some_and(is_ident_start) => {
                        let end = ident_end(bytes, i + 1);
                        found.push(Token::Ident(&source[i + 1..end]));
                        i = end;
                    }
                    // Raw strings: `r"…"`, `r#"…"#`, `br"…"`, `cr"…"`.
                    ("r" | "br" | "cr", Some(b'"' | b'#')) => {
                        let hashes = bytes[i..].iter().take_while(|&&b| b == b'#').count();
                        if bytes.get(i + hashes) != Some(&b'"') {
                            found.push(Token::Ident(word));
                            continue;
                        }
                        let start = i + hashes + 1;
                        let closing = format!("\"{}", "#".repeat(hashes));
                        let end = source[start..]
                            .find(&closing)
                            .map_or(bytes.len(), |at| start + at);
                        found.push(Token::Str(&source[start..end]));
                        i = (end + closing.len()).min(bytes.len());
                    }
                    // Byte and C strings: `b"…"`, `c"…"`.
                    ("b" | "c", Some(b'"')) => {
                        let (text_end, after) = string_end(bytes, i + 1);
                        found.push(Token::Str(&source[i + 1..text_end]));
                        i = after;
                    }
                    _ => found.push(Token::Ident(word)),
                }
            }
            _ => {
                found.push(Token::Other);
                i += 1;
            }
        }
    }
    found
}

/// Identifiers start with a letter or `_`; any non-ASCII byte is taken as part of one, which
/// keeps every slice on a character boundary.
fn is_ident_start(byte: u8) -> bool {
    byte.is_ascii_alphabetic() || byte == b'_' || byte >= 0x80
}

fn ident_end(bytes: &[u8], start: usize) -> usize {
    start
        + bytes[start..]
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80)
            .count()
}

/// Where the text of a string starting at `start` ends (its closing quote), and the index
/// after that quote; both the end of `bytes` when the string is not closed.
fn string_end(bytes: &[u8], start: usize) -> (usize, usize) {
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return (i, i + 1),
            _ => i += 1,
        }
    }
    (bytes.len(), bytes.len())
}

/// The index after a block comment starting at `start`; block comments nest in Rust.
fn block_comment_end(bytes: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    while i + 1 < bytes.len() {
        match (bytes[i], bytes[i + 1]) {
            (b'/', b'*') => {
                depth += 1;
                i += 2;
            }
            (b'*', b'/') => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return i;
                }
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The index after a `'` at `start`: past a whole character literal (`'a'`, `'\n'`, `'"'`),
/// or just past the quote of a lifetime or label, whose name is then read as an identifier.
fn quote_end(source: &str, start: usize) -> usize {
    let rest = &source[start + 1..];
    if let Some(escaped) = rest.strip_prefix('\\') {
        // An escape: `'\''`, `'\u{1F600}'`; the literal ends at the next quote after the
        // escaped character.
        let skip = escaped.chars().next().map_or(0, char::len_utf8);
        return escaped[skip..]
            .find('\'')
            .map_or(source.len(), |at| start + 2 + skip + at + 1);
    }
    match rest.chars().next() {
        Some(c) if rest[c.len_utf8()..].starts_with('\'') => start + 1 + c.len_utf8() + 1,
        _ => start + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Token::*;

    #[test]
    fn reads_paths_strings_and_groups() {
        assert_eq!(
            tokens("use a::{B, c};\nlet x = \"err:a:b:c\";"),
            [
                Ident("use"),
                Ident("a"),
                PathSep,
                Punct('{'),
                Ident("B"),
                Punct(','),
                Ident("c"),
                Punct('}'),
                Other,
                Ident("let"),
                Ident("x"),
                Other,
                Str("err:a:b:c"),
                Other,
            ]
        );
    }

    #[test]
    fn skips_comments_and_reads_every_kind_of_string() {
        let source = r####"
            // "err:in:a:comment"
            /* "err:in:a" /* nested */ "block" */
            r#"raw "quoted" text"# b"bytes" r"plain raw" "esc\"aped" c"c string"
        "####;
        assert_eq!(
            tokens(source),
            [
                Str("raw \"quoted\" text"),
                Str("bytes"),
                Str("plain raw"),
                Str("esc\\\"aped"),
                Str("c string"),
            ]
        );
    }

    #[test]
    fn tells_character_literals_from_lifetimes() {
        assert_eq!(
            tokens("'\"' fn f<'a>(x: &'a str) '\\'' 'é' r#type"),
            [
                Ident("fn"),
                Ident("f"),
                Other,
                Ident("a"),
                Other,
                Other,
                Ident("x"),
                Other,
                Other,
                Ident("a"),
                Ident("str"),
                Other,
                Ident("type"),
            ]
        );
    }

    #[test]
    fn unterminated_text_runs_to_the_end_without_panicking() {
        for source in ["\"open", "/* open", "r#\"open", "'", "b\"", "x::", "'\\"] {
            let _ = tokens(source);
        }
        assert_eq!(tokens("\"open"), [Str("open")]);
    }
}
