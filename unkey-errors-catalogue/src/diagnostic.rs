//! Problems found in a catalogue, each pointing at a place in the file.

use std::fmt;

/// A line and column in the catalogue file, both counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// The line, counted from 1.
    pub line: usize,
    /// The column, counted in characters from 1.
    pub column: usize,
}

impl Position {
    /// The start of the file: where problems with the whole file are reported.
    pub const START: Position = Position { line: 1, column: 1 };
}

/// One problem in a catalogue: what is wrong, where, and how to fix it.
///
/// Its `Display` form is what the `catalogue!` macro prints as a compile error:
///
/// ```text
/// duplicate code `err:unkey:data:key_not_found`
///   --> errors.yaml:40:3
///    |
/// 40 |   err:unkey:data:key_not_found:
///    |   ^
///    = help: every code is defined once; remove or rename one of the two entries (the first is at line 12)
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The catalogue's path, as the user named it.
    pub path: String,
    /// Where the problem is; `None` when it concerns the file as a whole (it cannot be read).
    pub position: Option<Position>,
    /// What is wrong, in one line.
    pub message: String,
    /// The line of the file at `position`, quoted in the report; `None` when the file has no text there.
    pub source_line: Option<String>,
    /// How many characters from `position` the report underlines: the offending token (at least 1).
    pub width: usize,
    /// How to fix it.
    pub help: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.message)?;
        let Some(Position { line, column }) = self.position else {
            write!(f, " --> {}", self.path)?;
            if let Some(help) = &self.help {
                write!(f, "\n  = help: {help}")?;
            }
            return Ok(());
        };
        let gutter = " ".repeat(line.to_string().len());
        write!(f, "{gutter}--> {}:{line}:{column}", self.path)?;
        if let Some(text) = &self.source_line {
            let (text, column) = excerpt(text, column);
            let caret_indent: String = text
                .chars()
                .take(column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            // Underline the token, but never past the quoted text.
            let room = text
                .chars()
                .count()
                .saturating_sub(column.saturating_sub(1));
            let carets = "^".repeat(self.width.clamp(1, room.max(1)));
            write!(
                f,
                "\n{gutter} |\n{line} | {text}\n{gutter} | {caret_indent}{carets}"
            )?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n{gutter} = help: {help}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

/// The widest quoted line, in characters; a longer one is cut around the column.
const MAX_QUOTED: usize = 100;

/// `line` cut to at most [`MAX_QUOTED`] characters around `column`, with `…` where cut, and
/// the column within the cut text.
fn excerpt(line: &str, column: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= MAX_QUOTED {
        return (line.to_owned(), column);
    }
    let start = column
        .saturating_sub(MAX_QUOTED / 2)
        .min(chars.len() - MAX_QUOTED);
    let end = start + MAX_QUOTED;
    let mut text = String::new();
    if start > 0 {
        text.push('…');
    }
    text.extend(&chars[start..end]);
    if end < chars.len() {
        text.push('…');
    }
    (text, column - start + usize::from(start > 0))
}

/// Every problem found in one catalogue, in file order.
///
/// Validation never stops at the first problem: a catalogue with three mistakes reports three.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// A single problem with the file as a whole, such as a file that cannot be read.
    pub fn whole_file(
        path: &str,
        message: impl Into<String>,
        help: impl Into<Option<String>>,
    ) -> Self {
        Diagnostics(vec![Diagnostic {
            path: path.to_owned(),
            position: None,
            message: message.into(),
            source_line: None,
            width: 1,
            help: help.into(),
        }])
    }

    /// The problems, in the order they occur in the file.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    /// How many problems there are; never zero.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always false: an empty `Diagnostics` is never returned.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n\n")?;
            }
            write!(f, "error: {diagnostic}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// Collects the problems of one catalogue as validation walks it.
pub(crate) struct Report<'a> {
    path: &'a str,
    lines: Vec<&'a str>,
    found: Vec<Diagnostic>,
}

impl<'a> Report<'a> {
    pub(crate) fn new(path: &'a str, text: &'a str) -> Self {
        Report {
            path,
            lines: text.lines().collect(),
            found: Vec::new(),
        }
    }

    /// Records a problem at `position`, with an optional hint on how to fix it. The report
    /// underlines the token there: the word up to a space, without a key's closing `:`.
    pub(crate) fn error(
        &mut self,
        position: Position,
        message: impl Into<String>,
        help: impl Into<Option<String>>,
    ) {
        let width = self.line(position.line).map_or(1, |line| {
            let token: String = line
                .chars()
                .skip(position.column.saturating_sub(1))
                .take_while(|c| !c.is_whitespace())
                .collect();
            token.trim_end_matches(':').chars().count().max(1)
        });
        self.error_spanning(position, width, message, help);
    }

    /// Records a problem on the `width` characters from `position`, which the report underlines.
    pub(crate) fn error_spanning(
        &mut self,
        position: Position,
        width: usize,
        message: impl Into<String>,
        help: impl Into<Option<String>>,
    ) {
        let source_line = position
            .line
            .checked_sub(1)
            .and_then(|i| self.lines.get(i))
            .map(|line| line.trim_end().to_owned());
        self.found.push(Diagnostic {
            path: self.path.to_owned(),
            position: Some(position),
            message: message.into(),
            source_line,
            width,
            help: help.into(),
        });
    }

    /// Line `number` (from 1) of the file, if it has one.
    pub(crate) fn line(&self, number: usize) -> Option<&'a str> {
        number
            .checked_sub(1)
            .and_then(|i| self.lines.get(i))
            .copied()
    }

    pub(crate) fn has_errors(&self) -> bool {
        !self.found.is_empty()
    }

    pub(crate) fn error_count(&self) -> usize {
        self.found.len()
    }

    /// Ends the walk: the value when nothing was found, else every problem in file order.
    pub(crate) fn finish<T>(mut self, value: Option<T>) -> Result<T, Diagnostics> {
        match value {
            Some(value) if self.found.is_empty() => Ok(value),
            _ if self.found.is_empty() => Err(Diagnostics::whole_file(
                self.path,
                "the catalogue could not be read",
                None,
            )),
            _ => {
                self.found.sort_by_key(|d| d.position);
                Err(Diagnostics(self.found))
            }
        }
    }
}
