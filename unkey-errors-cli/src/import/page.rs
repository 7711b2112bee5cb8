//! One MDX page read into its parts: frontmatter, the `<Danger>` code line, callouts, example
//! responses (alone, in a `<CodeGroup>` or in `<Tabs>`), the prose before the first section,
//! the `##` sections and a related-errors list. Nothing here knows the catalogue's fields.

use std::collections::HashMap;

use super::mdx::{self, LineKind, Markup, TagKind};

/// The largest page read, in bytes: a real error page is a few kilobytes.
pub const MAX_PAGE_BYTES: usize = 1024 * 1024;

/// A page, as written. Line numbers count from 1 in the file as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The frontmatter's fields, in order.
    pub frontmatter: Vec<FrontmatterField>,
    /// The text of the first `<Danger>` callout before the first section (the code, on
    /// Unkey's pages), whitespace and backticks around it removed, with its line.
    pub danger: Option<(String, usize)>,
    /// The other callouts before the first section (`<Warning>`, `<Note>`, …).
    pub callouts: Vec<Callout>,
    /// The JSON code blocks before the first section, each an example response.
    pub examples: Vec<Example>,
    /// The paragraphs before the first section.
    pub paragraphs: Vec<Paragraph>,
    /// Whatever else stands before the first section: other code blocks and components.
    pub leftovers: Vec<Leftover>,
    /// The `##` sections, in order.
    pub sections: Vec<Section>,
}

/// One `key: value` line of the frontmatter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontmatterField {
    /// The key.
    pub key: String,
    /// The value as text, or the raw text when it is not a one-line scalar this reader knows
    /// (a block scalar, a list, an unclosed quote).
    pub value: Result<String, String>,
    /// Its line.
    pub line: usize,
}

/// A callout component (`<Warning>…</Warning>` and the like) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Callout {
    /// The component's name, e.g. `Warning`.
    pub component: String,
    /// The text inside, trimmed, as written.
    pub text: String,
    /// The line of its opening tag.
    pub line: usize,
}

/// A JSON code block: an example response.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// Its title: the fence's title (```` ```json API response (400) ````), else the title of
    /// the tab holding it, else empty.
    pub title: String,
    /// The body parsed, or why it is not JSON.
    pub body: Result<serde_json::Value, String>,
    /// The line of its opening fence.
    pub line: usize,
}

/// A paragraph of prose before the first section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Its lines, joined by line breaks.
    pub text: String,
    /// Its first line.
    pub line: usize,
}

/// Something before the first section that is neither a callout, an example nor a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leftover {
    /// What it is, for the report, e.g. "a `bash` code block".
    pub what: String,
    /// Its first line.
    pub line: usize,
}

/// A `##` section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading's text, e.g. `What Happened?`.
    pub heading: String,
    /// The heading's line.
    pub line: usize,
    /// The body as written, without the blank lines around it.
    pub body: String,
    /// The body's first line (the heading's when the body is empty).
    pub body_line: usize,
    /// Components in the body (opening or self-closing tags), with their lines.
    pub components: Vec<(String, usize)>,
    /// The lines of expressions (`{…}`) in the body.
    pub expressions: Vec<usize>,
}

/// One item of a related-errors list: `- [CODE](LINK) - TEXT`, or the code in backticks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelatedItem {
    /// The code as written, without backticks and with markdown escapes resolved.
    pub code: String,
    /// The link's target, if the code is a link.
    pub link: Option<String>,
    /// The text after the code and its separator (` - `), as written.
    pub text: String,
    /// Its line.
    pub line: usize,
}

/// Why a page cannot be read: not UTF-8, too large, or not valid MDX.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageError {
    /// Where, from 1.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl From<mdx::MdxError> for PageError {
    fn from(error: mdx::MdxError) -> Self {
        PageError {
            line: error.line,
            message: format!("not valid MDX: {}", error.message),
        }
    }
}

/// The callouts Mintlify offers; any other component before the first section is a leftover.
const CALLOUTS: [&str; 6] = ["Note", "Tip", "Info", "Warning", "Danger", "Check"];

/// Reads a page. Line breaks may be LF, CRLF or CR; a byte order mark is skipped.
pub fn read(bytes: &[u8]) -> Result<Page, PageError> {
    if bytes.len() > MAX_PAGE_BYTES {
        return Err(PageError {
            line: 1,
            message: format!(
                "the page is {} bytes, more than the {MAX_PAGE_BYTES} an error page can be",
                bytes.len()
            ),
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        PageError {
            line: valid.iter().filter(|&&b| b == b'\n').count() + 1,
            message: format!(
                "the page is not valid UTF-8 (byte {} is not)",
                error.valid_up_to()
            ),
        }
    })?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    Reader::new(&text).read()
}

/// A page's text split into lines, with what the MDX scan found.
struct Reader<'a> {
    text: &'a str,
    lines: Vec<&'a str>,
    /// Byte offset of each line's start.
    starts: Vec<usize>,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Self {
        let lines: Vec<&str> = text.split('\n').collect();
        let mut starts = Vec::with_capacity(lines.len());
        let mut at = 0;
        for line in &lines {
            starts.push(at);
            at += line.len() + 1;
        }
        Reader {
            text,
            lines,
            starts,
        }
    }

    fn read(&self) -> Result<Page, PageError> {
        let (frontmatter, body_from) = self.frontmatter()?;
        let kinds = mdx::classify(&self.lines[body_from..], body_from + 1)?;
        let markup = mdx::scan(self.text, &self.starts[body_from..], &kinds, body_from + 1)?;
        // Absolute line index -> kind; the frontmatter's lines are none of the body's.
        let mut all_kinds = vec![LineKind::Prose; body_from];
        all_kinds.extend(kinds);
        let inside = self.lines_inside_components(&markup);
        let headings: Vec<usize> = (body_from..self.lines.len())
            .filter(|&i| all_kinds[i] == LineKind::Prose && !inside[i])
            .filter(|&i| section_heading(self.lines[i]).is_some())
            .collect();
        let preamble_end = headings.first().copied().unwrap_or(self.lines.len());
        let mut page = Page {
            frontmatter,
            danger: None,
            callouts: Vec::new(),
            examples: Vec::new(),
            paragraphs: Vec::new(),
            leftovers: Vec::new(),
            sections: Vec::new(),
        };
        let context = Blocks {
            reader: self,
            kinds: &all_kinds,
            markup: &markup,
            tag_at: markup
                .tags
                .iter()
                .enumerate()
                .map(|(index, tag)| (tag.start, index))
                .collect(),
        };
        context.read_blocks(body_from, preamble_end, "", &mut page);
        for (n, &heading) in headings.iter().enumerate() {
            let end = headings.get(n + 1).copied().unwrap_or(self.lines.len());
            page.sections.push(self.section(heading, end, &markup));
        }
        Ok(page)
    }

    /// The frontmatter's fields and the index of the body's first line.
    fn frontmatter(&self) -> Result<(Vec<FrontmatterField>, usize), PageError> {
        if self.lines.first().map(|l| l.trim_end()) != Some("---") {
            return Ok((Vec::new(), 0));
        }
        let Some(close) = self
            .lines
            .iter()
            .skip(1)
            .position(|line| line.trim_end() == "---")
            .map(|p| p + 1)
        else {
            return Err(PageError {
                line: 1,
                message: "not valid MDX: the frontmatter opened here with `---` is never closed"
                    .to_owned(),
            });
        };
        let mut fields: Vec<FrontmatterField> = Vec::new();
        for (index, line) in self.lines[1..close].iter().enumerate() {
            let number = index + 2;
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            // An indented line or a list item continues the field above it.
            if line.starts_with([' ', '\t']) || trimmed.starts_with("- ") {
                match fields.last_mut() {
                    Some(field) => {
                        let raw = match &field.value {
                            Ok(value) | Err(value) => format!("{value}\n{line}"),
                        };
                        field.value = Err(raw);
                    }
                    None => fields.push(FrontmatterField {
                        key: String::new(),
                        value: Err((*line).to_owned()),
                        line: number,
                    }),
                }
                continue;
            }
            let (key, value) = split_key(trimmed);
            fields.push(FrontmatterField {
                key,
                value: value.map_or_else(|| Err((*line).to_owned()), scalar),
                line: number,
            });
        }
        Ok((fields, close + 1))
    }

    /// For each line, whether it starts inside a component (so a `##` there is no section).
    fn lines_inside_components(&self, markup: &Markup) -> Vec<bool> {
        // +1 where a component's inside starts, -1 where it ends, summed over the lines.
        let mut change = vec![0i64; self.lines.len() + 1];
        for tag in &markup.tags {
            let Some(close) = tag.closed_by.map(|i| &markup.tags[i]) else {
                continue;
            };
            let first = self.starts.partition_point(|&start| start <= tag.start);
            let end = self.starts.partition_point(|&start| start < close.start);
            if first < end {
                change[first] += 1;
                change[end] -= 1;
            }
        }
        let mut depth = 0;
        change[..self.lines.len()]
            .iter()
            .map(|step| {
                depth += step;
                depth > 0
            })
            .collect()
    }

    /// The section whose heading is line index `heading`, up to line index `end`.
    fn section(&self, heading: usize, end: usize, markup: &Markup) -> Section {
        let mut first = heading + 1;
        while first < end && self.lines[first].trim().is_empty() {
            first += 1;
        }
        let mut last = end;
        while last > first && self.lines[last - 1].trim().is_empty() {
            last -= 1;
        }
        let body = self.lines[first..last].join("\n");
        let in_body = |line: usize| line > heading + 1 && line <= end;
        Section {
            heading: section_heading(self.lines[heading])
                .unwrap_or_default()
                .to_owned(),
            line: heading + 1,
            body,
            body_line: if first < last { first + 1 } else { heading + 1 },
            components: markup
                .tags
                .iter()
                .filter(|tag| tag.kind != TagKind::Close && in_body(tag.line))
                .map(|tag| (tag.name.clone(), tag.line))
                .collect(),
            expressions: markup
                .expressions
                .iter()
                .filter(|expression| in_body(expression.line))
                .map(|expression| expression.line)
                .collect(),
        }
    }
}

/// The text of a `##` heading line (up to three spaces of indent, closing `#`s removed), or
/// `None` for any other line.
pub(crate) fn section_heading(line: &str) -> Option<&str> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = line[indent..].strip_prefix("##")?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim();
    // A closing sequence is `#`s after a space: `## Fix ##`.
    let without_closing = rest.trim_end_matches('#');
    let text = if without_closing.len() < rest.len()
        && (without_closing.is_empty() || without_closing.ends_with([' ', '\t']))
    {
        without_closing.trim_end()
    } else {
        rest
    };
    Some(text)
}

/// The blocks of a stretch of lines before the first section.
struct Blocks<'r, 'a> {
    reader: &'r Reader<'a>,
    kinds: &'r [LineKind],
    markup: &'r Markup,
    /// The tag starting at each byte offset.
    tag_at: HashMap<usize, usize>,
}

impl Blocks<'_, '_> {
    /// Reads lines `from..to` into `page`; a JSON block without a title of its own gets
    /// `default_title` (the title of the tab holding it).
    fn read_blocks(&self, from: usize, to: usize, default_title: &str, page: &mut Page) {
        let lines = &self.reader.lines;
        let mut index = from;
        while index < to {
            match &self.kinds[index] {
                LineKind::FenceOpen(info) => {
                    let close = (index + 1..to)
                        .find(|&i| self.kinds[i] == LineKind::FenceClose)
                        .unwrap_or(to);
                    let body = lines[(index + 1).min(close)..close].join("\n");
                    self.code_block(info, &body, index + 1, default_title, page);
                    index = close + 1;
                }
                LineKind::Code | LineKind::FenceClose => index += 1,
                LineKind::Prose if lines[index].trim().is_empty() => index += 1,
                LineKind::Prose => {
                    let tag = self
                        .tag_starting(index)
                        .filter(|&tag| self.markup.tags[tag].kind != TagKind::Close);
                    match tag {
                        Some(tag) => index = self.component(tag, to, page),
                        None => index = self.paragraph(index, to, page),
                    }
                }
            }
        }
    }

    /// Reads the paragraph starting at line index `from`; returns the index after it.
    fn paragraph(&self, from: usize, to: usize, page: &mut Page) -> usize {
        let lines = &self.reader.lines;
        let mut end = from + 1;
        while end < to
            && self.kinds[end] == LineKind::Prose
            && !lines[end].trim().is_empty()
            && self.tag_starting(end).is_none()
        {
            end += 1;
        }
        page.paragraphs.push(Paragraph {
            text: lines[from..end].join("\n"),
            line: from + 1,
        });
        end
    }

    /// The offset where line index `index` ends (before its line break).
    fn line_end(&self, index: usize) -> usize {
        self.reader
            .starts
            .get(index + 1)
            .map_or(self.reader.text.len(), |&next| next - 1)
    }

    /// The tag that starts line index `index` (after its indent), if one does.
    fn tag_starting(&self, index: usize) -> Option<usize> {
        let line = self.reader.lines[index];
        let start = self.reader.starts[index] + (line.len() - line.trim_start().len());
        self.tag_at.get(&start).copied()
    }

    /// Reads the component whose opening tag is `self.markup.tags[tag]`; returns the line
    /// index after it.
    fn component(&self, tag: usize, to: usize, page: &mut Page) -> usize {
        let open = &self.markup.tags[tag];
        let index = open.line - 1;
        let Some(close) = open.closed_by.map(|i| &self.markup.tags[i]) else {
            page.leftovers.push(Leftover {
                what: format!("the component `<{} />`", open.name),
                line: open.line,
            });
            return index + 1;
        };
        let close_index = close.line - 1;
        let inner = &self.reader.text[open.end..close.start];
        match open.name.as_str() {
            "CodeGroup" | "Tabs" | "Tab" if close_index > index => {
                // The blocks inside are read by line: text beside either tag, on its line,
                // would not be.
                let open_line_end = self.line_end(index);
                let close_line_start = self.reader.starts[close_index];
                for beside in [
                    &self.reader.text[open.end.min(open_line_end)..open_line_end],
                    &self.reader.text[close_line_start..close.start.max(close_line_start)],
                ] {
                    if !only_tags(beside) {
                        page.leftovers.push(Leftover {
                            what: format!("the text beside `<{}>` on its line", open.name),
                            line: open.line,
                        });
                        break;
                    }
                }
                let title = match open.name.as_str() {
                    "Tab" => mdx::attribute(&open.attributes, "title").unwrap_or_default(),
                    _ => String::new(),
                };
                self.read_blocks(index + 1, close_index.min(to), &title, page);
            }
            "Danger" if page.danger.is_none() => {
                let code = inner.trim().trim_matches('`').trim();
                page.danger = Some((mdx::resolve_backslash_escapes(code), open.line));
            }
            name if CALLOUTS.contains(&name) => page.callouts.push(Callout {
                component: name.to_owned(),
                text: inner.trim().to_owned(),
                line: open.line,
            }),
            name => page.leftovers.push(Leftover {
                what: format!("the component `<{name}>`"),
                line: open.line,
            }),
        }
        let line_end = self.line_end(close_index);
        let after = &self.reader.text[close.end.min(line_end)..line_end];
        // Closing tags of the components around this one (`</Tab></Tabs>`) are not text.
        if !only_tags(after) {
            page.leftovers.push(Leftover {
                what: format!("the text after `</{}>`", open.name),
                line: close.line,
            });
        }
        close_index + 1
    }

    /// A fenced block before the first section: a JSON one is an example response.
    fn code_block(
        &self,
        info: &str,
        body: &str,
        line: usize,
        default_title: &str,
        page: &mut Page,
    ) {
        let (language, title) = fence_language_and_title(info);
        if language.eq_ignore_ascii_case("json") {
            let title = if title.is_empty() {
                default_title
            } else {
                title
            };
            page.examples.push(Example {
                title: title.to_owned(),
                body: serde_json::from_str(body).map_err(|error| {
                    // The parser's own position counts from the block; the page's is given.
                    let message = error.to_string();
                    let message = message
                        .rsplit_once(" at line ")
                        .map_or(message.as_str(), |(message, _)| message);
                    format!(
                        "its JSON is invalid at line {}, column {}: {message}",
                        line + error.line(),
                        error.column()
                    )
                }),
                line,
            });
        } else {
            let what = if language.is_empty() {
                "a code block".to_owned()
            } else {
                format!("a `{language}` code block")
            };
            page.leftovers.push(Leftover { what, line });
        }
    }
}

/// A fence's language and title: ```` ```json API response (400) {2} theme={…} ```` gives
/// `json` and `API response (400)`; Mintlify's options after the title are not part of it.
pub(crate) fn fence_language_and_title(info: &str) -> (&str, &str) {
    let info = info.trim();
    let (language, rest) = info.split_once(char::is_whitespace).unwrap_or((info, ""));
    let mut title_end = rest.len();
    let mut offset = 0;
    for word in rest.split(' ') {
        if word.starts_with('{') || word.contains('=') {
            title_end = offset;
            break;
        }
        offset += word.len() + 1;
    }
    (language, rest[..title_end.min(rest.len())].trim())
}

/// A frontmatter line's key and the rest, or the key and `None` when there is no `:`.
fn split_key(line: &str) -> (String, Option<&str>) {
    if let Some(quote) = line.chars().next().filter(|c| matches!(c, '"' | '\'')) {
        if let Some(end) = line[1..].find(quote) {
            let key = line[1..1 + end].to_owned();
            let rest = line[2 + end..].trim_start();
            return (key, rest.strip_prefix(':'));
        }
    }
    let colon = line
        .match_indices(':')
        .find(|(at, _)| line[at + 1..].is_empty() || line[at + 1..].starts_with([' ', '\t']));
    match colon {
        Some((at, _)) => (line[..at].trim().to_owned(), Some(&line[at + 1..])),
        None => (line.to_owned(), None),
    }
}

/// A one-line YAML scalar: double-quoted (JSON's escapes), single-quoted or plain (a ` #`
/// starts a comment). Anything else, such as a block scalar, is kept raw as `Err`.
fn scalar(raw: &str) -> Result<String, String> {
    let value = raw.trim();
    if value.starts_with('"') {
        return serde_json::from_str::<String>(value).map_err(|_| value.to_owned());
    }
    if let Some(inner) = value.strip_prefix('\'') {
        return match inner.strip_suffix('\'') {
            Some(inner) if !inner.replace("''", "").contains('\'') => Ok(inner.replace("''", "'")),
            _ => Err(value.to_owned()),
        };
    }
    if value.starts_with(['|', '>', '[', '{', '&', '*', '!']) {
        return Err(value.to_owned());
    }
    let value = match value.find(" #") {
        Some(comment) => value[..comment].trim_end(),
        None => value,
    };
    Ok(value.to_owned())
}

/// The items of a related-errors section, and its lines that are not items (with their
/// line numbers).
pub fn related_items(section: &Section) -> (Vec<RelatedItem>, Vec<usize>) {
    let mut items = Vec::new();
    let mut others = Vec::new();
    for (index, line) in section.body.split('\n').enumerate() {
        let number = section.body_line + index;
        if line.trim().is_empty() {
            continue;
        }
        let item = ["- ", "* ", "+ "]
            .iter()
            .find_map(|marker| line.strip_prefix(marker))
            .and_then(|rest| related_item(rest.trim(), number));
        match item {
            Some(item) => items.push(item),
            None => others.push(number),
        }
    }
    (items, others)
}

/// One item's code, link and text; `None` when it starts with neither a link nor code.
fn related_item(text: &str, line: usize) -> Option<RelatedItem> {
    let (label, link, rest) = if let Some(after) = text.strip_prefix('[') {
        let (label, after) = after.split_once("](")?;
        let (link, rest) = after.split_once(')')?;
        (label, Some(link.trim().to_owned()), rest)
    } else if let Some(after) = text.strip_prefix('`') {
        let (code, rest) = after.split_once('`')?;
        (code, None, rest)
    } else {
        return None;
    };
    let code = mdx::resolve_backslash_escapes(label.trim().trim_matches('`'));
    let rest = rest.trim_start();
    let text = ["- ", "– ", "— ", ": "]
        .iter()
        .find_map(|separator| rest.strip_prefix(separator))
        .unwrap_or(rest)
        .trim();
    Some(RelatedItem {
        code,
        link,
        text: text.to_owned(),
        line,
    })
}

/// Whether `text` is nothing but tags (`</Tab></Tabs>`, `<Tab title="A">`) and whitespace.
fn only_tags(text: &str) -> bool {
    let mut rest = text.trim_start();
    while !rest.is_empty() {
        let Some(tag) = rest.strip_prefix('<') else {
            return false;
        };
        let Some(end) = tag.find('>') else {
            return false;
        };
        rest = tag[end + 1..].trim_start();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> Page {
        read(text.as_bytes()).unwrap_or_else(|error| panic!("{error:?}"))
    }

    #[test]
    fn reads_frontmatter_scalars_of_every_quoting() {
        let page = page(
            "---\ntitle: \"forbidden\"\ndescription: 'It''s gone: really' \nicon: lock # a comment\n\"og:title\": x\nkeywords:\n  - a\n---\n",
        );
        let fields: Vec<(&str, Result<&str, &str>, usize)> = page
            .frontmatter
            .iter()
            .map(|f| {
                (
                    f.key.as_str(),
                    f.value.as_deref().map_err(String::as_str),
                    f.line,
                )
            })
            .collect();
        assert_eq!(
            fields,
            [
                ("title", Ok("forbidden"), 2),
                ("description", Ok("It's gone: really"), 3),
                ("icon", Ok("lock"), 4),
                ("og:title", Ok("x"), 5),
                ("keywords", Err("\n  - a"), 6),
            ]
        );
    }

    #[test]
    fn reads_the_danger_line_in_every_form() {
        for (text, line) in [
            ("<Danger>`err:a:b:c`</Danger>", 1),
            ("<Danger>err:a:b:c</Danger>", 1),
            ("\n<Danger>\nerr:a:b:c\n</Danger>", 2),
            ("<Danger>`err:a:b:c\\_`</Danger>", 1),
        ] {
            let page = page(text);
            let (code, at) = page.danger.unwrap();
            assert!(code.starts_with("err:a:b:c"), "{text}: {code}");
            assert_eq!(at, line, "{text}");
        }
        assert_eq!(
            page("<Danger>`err:a:b:c\\_`</Danger>").danger.unwrap().0,
            "err:a:b:c_"
        );
    }

    #[test]
    fn reads_examples_alone_in_a_code_group_and_in_tabs() {
        let text = "<Danger>`err:a:b:c`</Danger>\n\n```json Example theme={\"x\":1}\n{\"a\": 1}\n```\n\n<CodeGroup>\n\n```json API response (400)\n{}\n```\n\n```json Gateway response (401)\n[]\n```\n\n</CodeGroup>\n\n<Tabs>\n<Tab title=\"From the API\">\n```json\n1\n```\n</Tab>\n</Tabs>\n\n```json\n{oops\n```\n";
        let page = page(text);
        let titles: Vec<(&str, usize)> = page
            .examples
            .iter()
            .map(|e| (e.title.as_str(), e.line))
            .collect();
        assert_eq!(
            titles,
            [
                ("Example", 3),
                ("API response (400)", 9),
                ("Gateway response (401)", 13),
                ("From the API", 21),
                ("", 27),
            ]
        );
        assert_eq!(page.examples[0].body, Ok(serde_json::json!({"a": 1})));
        assert!(
            page.examples[4]
                .body
                .as_ref()
                .unwrap_err()
                .contains("line 28, column ")
        );
        assert!(page.leftovers.is_empty(), "{:?}", page.leftovers);
    }

    #[test]
    fn text_beside_a_tab_or_group_tag_is_a_leftover_and_closing_tags_together_are_not() {
        let text =
            "<Tabs>\n<Tab title=\"API\">Returned by the API.\n```json\n{}\n```\n</Tab></Tabs>\n";
        let read = page(text);
        assert_eq!(read.examples.len(), 1);
        let leftovers: Vec<(&str, usize)> = read
            .leftovers
            .iter()
            .map(|l| (l.what.as_str(), l.line))
            .collect();
        assert_eq!(leftovers, [("the text beside `<Tab>` on its line", 2)]);
        let text = "<CodeGroup>\n```json\n{}\n```\nSee above.</CodeGroup>\n";
        let what: Vec<String> = page(text).leftovers.into_iter().map(|l| l.what).collect();
        assert_eq!(what, ["the text beside `<CodeGroup>` on its line"]);
        let text = "<Tabs>\n<Tab title=\"A\">\n```json\n{}\n```\n</Tab></Tabs>\n";
        assert!(page(text).leftovers.is_empty());
    }

    #[test]
    fn splits_sections_at_level_two_headings_outside_code_and_components() {
        let text = "intro\n\n## What Happened?\n\nText.\n\n```bash\n## not a heading\n```\n\n<Accordion>\n## inside\n</Accordion>\n### Sub\n\n##   Fix it ##\n\n## Empty\n";
        let page = page(text);
        let sections: Vec<(&str, usize, usize)> = page
            .sections
            .iter()
            .map(|s| (s.heading.as_str(), s.line, s.body_line))
            .collect();
        assert_eq!(
            sections,
            [
                ("What Happened?", 3, 5),
                ("Fix it", 16, 16),
                ("Empty", 18, 18)
            ]
        );
        assert_eq!(
            page.sections[0].body,
            "Text.\n\n```bash\n## not a heading\n```\n\n<Accordion>\n## inside\n</Accordion>\n### Sub"
        );
        assert_eq!(page.sections[0].components, [("Accordion".to_owned(), 11)]);
        assert_eq!(
            page.paragraphs,
            [Paragraph {
                text: "intro".to_owned(),
                line: 1
            }]
        );
    }

    #[test]
    fn keeps_what_it_does_not_know_before_the_first_section() {
        let text = "<Danger>`err:a:b:c`</Danger> trailing\n\n<Warning>Deprecated: use x</Warning>\n\n<Frame>\nimg\n</Frame>\n\n```bash\nls\n```\n\nSome text\non two lines.\n";
        let page = page(text);
        assert_eq!(
            page.leftovers,
            [
                Leftover {
                    what: "the text after `</Danger>`".to_owned(),
                    line: 1
                },
                Leftover {
                    what: "the component `<Frame>`".to_owned(),
                    line: 5
                },
                Leftover {
                    what: "a `bash` code block".to_owned(),
                    line: 9
                },
            ]
        );
        assert_eq!(
            page.callouts,
            [Callout {
                component: "Warning".to_owned(),
                text: "Deprecated: use x".to_owned(),
                line: 3
            }]
        );
        assert_eq!(page.paragraphs[0].text, "Some text\non two lines.");
    }

    #[test]
    fn reads_related_items_in_both_shapes() {
        let text = "## Related Errors\n- [err:a:b:c](./c) - When c\n* [err:a:b:insufficient\\_d](../b/d) - When d\n- `err:a:b:e`\nplain line\n- nothing";
        let page = page(text);
        let (items, others) = related_items(&page.sections[0]);
        let got: Vec<(&str, Option<&str>, &str, usize)> = items
            .iter()
            .map(|i| (i.code.as_str(), i.link.as_deref(), i.text.as_str(), i.line))
            .collect();
        assert_eq!(
            got,
            [
                ("err:a:b:c", Some("./c"), "When c", 2),
                ("err:a:b:insufficient_d", Some("../b/d"), "When d", 3),
                ("err:a:b:e", None, "", 4),
            ]
        );
        assert_eq!(others, [5, 6]);
    }

    #[test]
    fn unreadable_pages_are_located_errors() {
        let cases: [(&[u8], usize, &str); 5] = [
            (b"---\ntitle: x\n", 1, "frontmatter"),
            (b"a\n\xff", 2, "UTF-8"),
            (
                b"---\n---\n<Danger>\n`err:a:b:c`\n",
                3,
                "`<Danger>` is never closed",
            ),
            (b"## What\n```json\n{", 2, "never closed"),
            (b"x\r\ny {\r\n", 2, "expression"),
        ];
        for (bytes, line, message) in cases {
            let error = read(bytes).unwrap_err();
            assert_eq!(error.line, line, "{error:?}");
            assert!(error.message.contains(message), "{error:?}");
        }
        assert!(read(&vec![b'a'; MAX_PAGE_BYTES + 1]).is_err());
    }

    #[test]
    fn fence_titles_stop_at_mintlify_options() {
        assert_eq!(
            fence_language_and_title("json Example theme={\"a\": \"b c\"}"),
            ("json", "Example")
        );
        assert_eq!(
            fence_language_and_title("json API response (400)"),
            ("json", "API response (400)")
        );
        assert_eq!(fence_language_and_title("json {1-3}"), ("json", ""));
        assert_eq!(fence_language_and_title(""), ("", ""));
    }
}
