//! A read page mapped to the facts of one catalogue entry: each fact from what the page shows,
//! none guessed, and a finding for every part of the page that does not land.

use serde_json::Value;
use unkey_errors_catalogue::Urn;

use super::mdx;
use super::page::{self, Page, Section};
use super::report::{Kind, Report};

/// One entry's facts as the page states them; `None` where it does not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedEntry {
    /// The code: the page's `<Danger>` line (or a title that is a code). A malformed one is
    /// kept, for validation to point at.
    pub code: String,
    /// The page, as the report names it.
    pub path: String,
    /// The line of the code on the page.
    pub line: usize,
    /// The HTTP status: the API's, or for a code only the gateway sends, the gateway's.
    pub status: Option<u16>,
    /// The response's title, of the same surface as `status`.
    pub title: Option<String>,
    /// The frontmatter's description.
    pub description: Option<String>,
    /// The example's `detail`.
    pub detail: Option<String>,
    /// The gRPC status the page's gRPC line names, e.g. `UNAVAILABLE`.
    pub grpc: Option<String>,
    /// The error domain the page's gRPC line names, and that line.
    pub domain: Option<(String, usize)>,
    /// The reason for the deprecation; empty when the page marks it deprecated without one.
    pub deprecated: Option<String>,
    /// Whether the API sends the code (an API example, or no example at all).
    pub api: bool,
    /// What the gateway sends, when the page shows a gateway example.
    pub gateway: Option<ImportedGateway>,
    /// Whether the API example carries an `errors` array.
    pub errors_array: bool,
    /// The related-errors list, in order.
    pub related: Vec<ImportedRelated>,
    /// The "What Happened?" section, as markdown.
    pub what_happened: Option<String>,
    /// The "How To Fix" section, as markdown.
    pub how_to_fix: Option<String>,
    /// The "Common Mistakes" section, as markdown.
    pub common_mistakes: Option<String>,
    /// The base of the API example's `type` URL (its part before the code's path), and the
    /// example's line.
    pub docs_base_url: Option<(String, usize)>,
}

/// What the gateway sends for a code, as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedGateway {
    /// Its status, when the API also sends the code (otherwise it is the entry's).
    pub status: Option<u16>,
    /// Its title, likewise.
    pub title: Option<String>,
    /// The body's fixed message.
    pub message: Option<String>,
    /// The page says the message comes from the error raised.
    pub message_from_error: bool,
}

/// One item of the related-errors list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedRelated {
    /// The code.
    pub code: String,
    /// The item's text after the code, unescaped.
    pub text: String,
    /// Its line.
    pub line: usize,
}

/// The catalogue field a `##` section lands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// `what_happened`.
    WhatHappened,
    /// `how_to_fix`.
    HowToFix,
    /// `common_mistakes`.
    CommonMistakes,
    /// `related`: the section is a list of codes.
    Related,
}

impl Field {
    /// The field's name in the catalogue.
    pub fn name(self) -> &'static str {
        match self {
            Field::WhatHappened => "what_happened",
            Field::HowToFix => "how_to_fix",
            Field::CommonMistakes => "common_mistakes",
            Field::Related => "related",
        }
    }
}

/// The headings the import maps to fields, as [`normalize_heading`] writes them: our own
/// renderer's first, then common variants. `docs/import.md` lists the same (a test holds it).
pub const HEADINGS: [(&str, Field); 34] = [
    ("what happened", Field::WhatHappened),
    ("what happens", Field::WhatHappened),
    ("what went wrong", Field::WhatHappened),
    ("why this happens", Field::WhatHappened),
    ("why it happens", Field::WhatHappened),
    ("cause", Field::WhatHappened),
    ("causes", Field::WhatHappened),
    ("common causes", Field::WhatHappened),
    ("explanation", Field::WhatHappened),
    ("how to fix", Field::HowToFix),
    ("how to fix it", Field::HowToFix),
    ("how to fix this", Field::HowToFix),
    ("how to resolve", Field::HowToFix),
    ("how to resolve it", Field::HowToFix),
    ("how to solve it", Field::HowToFix),
    ("what to do", Field::HowToFix),
    ("fix", Field::HowToFix),
    ("solution", Field::HowToFix),
    ("solutions", Field::HowToFix),
    ("resolution", Field::HowToFix),
    ("troubleshooting", Field::HowToFix),
    ("next steps", Field::HowToFix),
    ("common mistakes", Field::CommonMistakes),
    ("mistakes", Field::CommonMistakes),
    ("common pitfalls", Field::CommonMistakes),
    ("pitfalls", Field::CommonMistakes),
    ("gotchas", Field::CommonMistakes),
    ("things to avoid", Field::CommonMistakes),
    ("related errors", Field::Related),
    ("related", Field::Related),
    ("related codes", Field::Related),
    ("related error codes", Field::Related),
    ("see also", Field::Related),
    ("similar errors", Field::Related),
];

/// A heading as [`HEADINGS`] lists it: emphasis and trailing punctuation removed, spaces
/// collapsed, lowercase (`**How To Fix?**` → `how to fix`).
pub fn normalize_heading(heading: &str) -> String {
    let words: Vec<&str> = heading
        .trim_matches(|c: char| matches!(c, '*' | '_') || c.is_whitespace())
        .trim_end_matches(|c: char| matches!(c, '?' | ':' | '.' | '!') || c.is_whitespace())
        .split_whitespace()
        .collect();
    words.join(" ").to_lowercase()
}

/// The field a heading maps to, if any.
pub fn field_of(heading: &str) -> Option<Field> {
    let normalized = normalize_heading(heading);
    HEADINGS
        .iter()
        .find(|(known, _)| *known == normalized)
        .map(|&(_, field)| field)
}

/// What a sentence of our renderer ("Sent by …") says about who answers with what.
#[derive(Debug, Default, PartialEq, Eq)]
struct Statement {
    api: Option<(u16, String)>,
    gateway: Option<(u16, String)>,
    /// The title of the gateway's HTML error page.
    page_title: Option<String>,
    message_is_example: bool,
    /// The gateway's message comes from the error, but the page shows the description a
    /// server error sends instead ([`crate::render::MASKED_MESSAGE`]).
    message_is_masked: bool,
}

/// A value a page states, where, and in what words (for the report of a disagreement).
struct Witness<T> {
    value: T,
    line: usize,
    source: &'static str,
}

/// Collects what a page states about each fact.
#[derive(Default)]
struct Witnesses {
    api_status: Vec<Witness<u16>>,
    api_title: Vec<Witness<String>>,
    gateway_status: Vec<Witness<u16>>,
    gateway_title: Vec<Witness<String>>,
    detail: Vec<Witness<String>>,
    gateway_message: Vec<Witness<String>>,
    errors_array: Vec<Witness<bool>>,
    docs_base_url: Vec<Witness<String>>,
    api_examples: usize,
    gateway_examples: usize,
    message_is_example: bool,
    message_is_masked: bool,
    grpc: Vec<Witness<String>>,
    domain: Vec<Witness<String>>,
}

/// Maps a read page to its entry, reporting every part that does not land; `None` (reported)
/// when the page has no code.
pub fn entry(page: &Page, path: &str, report: &mut Report) -> Option<ImportedEntry> {
    let Some((code, line)) = code_of(page) else {
        report.push(
            path,
            page.danger.as_ref().map_or(1, |(_, line)| *line),
            Kind::PageNotImported,
            "no code line: an error page names its code in a `<Danger>` callout, \
             e.g. <Danger>`err:system:category:specific`</Danger>",
        );
        return None;
    };
    let urn = Urn::parse(&code).ok();
    let mut mapper = Mapper {
        path,
        code: &code,
        urn: urn.as_ref(),
        report,
    };
    mapper.check_path(line);
    if let Some((text, danger_line)) = page.danger.as_ref().filter(|(text, _)| *text != code) {
        mapper.push(
            *danger_line,
            Kind::NotImported,
            format!(
                "the `<Danger>` callout (\"{text}\"): it holds no code (the code is the page \
                 title's), and the catalogue has no field for it"
            ),
        );
    }
    let mut entry = ImportedEntry {
        code: code.clone(),
        path: path.to_owned(),
        line,
        status: None,
        title: None,
        description: None,
        detail: None,
        grpc: None,
        domain: None,
        deprecated: None,
        api: true,
        gateway: None,
        errors_array: false,
        related: Vec::new(),
        what_happened: None,
        how_to_fix: None,
        common_mistakes: None,
        docs_base_url: None,
    };
    mapper.frontmatter(page, &mut entry);
    mapper.callouts(page, &mut entry);
    let mut witnesses = Witnesses::default();
    mapper.paragraphs(page, &mut witnesses);
    for example in &page.examples {
        mapper.example(example, &mut witnesses);
    }
    for leftover in &page.leftovers {
        mapper.report.push(
            path,
            leftover.line,
            Kind::NotImported,
            format!(
                "{} before the first section: the catalogue has no field for it; \
                 move what it says into a section",
                leftover.what
            ),
        );
    }
    mapper.facts(&witnesses, line, &mut entry);
    mapper.sections(&page.sections, &mut entry);
    Some(entry)
}

/// The page's code and its line: the `<Danger>` line's, or a frontmatter title that is a code
/// (older Unkey pages have no `<Danger>` line and title the page with the code).
fn code_of(page: &Page) -> Option<(String, usize)> {
    let looks_like_code =
        |text: &str| text.starts_with("err:") && !text.contains(char::is_whitespace);
    if let Some((text, line)) = &page.danger {
        if looks_like_code(text) {
            return Some((text.clone(), *line));
        }
    }
    page.frontmatter
        .iter()
        .find(|field| field.key == "title")
        .and_then(|field| {
            let title = field.value.as_ref().ok()?;
            looks_like_code(title.trim()).then(|| (title.trim().to_owned(), field.line))
        })
}

struct Mapper<'a> {
    path: &'a str,
    code: &'a str,
    urn: Option<&'a Urn>,
    report: &'a mut Report,
}

impl Mapper<'_> {
    fn push(&mut self, line: usize, kind: Kind, message: impl Into<String>) {
        self.report.push(self.path, line, kind, message);
    }

    /// The page's file should be `<system>/<category>/<specific>.mdx`.
    fn check_path(&mut self, line: usize) {
        let Some(urn) = self.urn else {
            return;
        };
        let parts: Vec<&str> = self.path.split('/').collect();
        let stem = |name: &str| {
            name.rsplit_once('.')
                .map_or(name, |(stem, _)| stem)
                .to_owned()
        };
        let expected = [urn.system(), urn.category(), urn.specific()];
        let found: Vec<String> = parts
            .iter()
            .rev()
            .take(3)
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    stem(part)
                } else {
                    (*part).to_owned()
                }
            })
            .collect();
        let agrees = found
            .iter()
            .zip(expected.iter().rev())
            .all(|(found, expected)| found == expected);
        if !agrees {
            self.push(
                line,
                Kind::Disagrees,
                format!(
                    "the page's file is not at `{}.mdx`, where `{}`'s page belongs; \
                     the entry takes the code from the page",
                    urn.docs_path(),
                    self.code
                ),
            );
        }
    }

    fn frontmatter(&mut self, page: &Page, entry: &mut ImportedEntry) {
        let mut seen: Vec<(&str, usize)> = Vec::new();
        for field in &page.frontmatter {
            if let Some((_, first)) = seen.iter().find(|(key, _)| *key == field.key) {
                let first = *first;
                self.push(
                    field.line,
                    Kind::NotImported,
                    format!(
                        "frontmatter `{}` is set a second time (first at line {first})",
                        field.key
                    ),
                );
                continue;
            }
            seen.push((&field.key, field.line));
            let value = match &field.value {
                Ok(value) => value.trim(),
                Err(_) => {
                    self.push(
                        field.line,
                        Kind::NotImported,
                        format!(
                            "frontmatter `{}` is not a one-line value the import reads",
                            field.key
                        ),
                    );
                    continue;
                }
            };
            match field.key.as_str() {
                "title" => {
                    let specific = self.urn.map(Urn::specific);
                    if value != self.code && Some(value) != specific {
                        let expected = specific.unwrap_or(self.code);
                        self.push(
                            field.line,
                            Kind::NotImported,
                            format!(
                                "the page title `{value}`: a page rendered from the catalogue \
                                 is titled with its code's last part, `{expected}`"
                            ),
                        );
                    }
                }
                "description" if value.is_empty() => {}
                "description" => {
                    entry.description = Some(value.to_owned());
                    self.check_description_status(value, field.line, page);
                }
                // YAML's words for yes, no and nothing, in any case, are not reasons.
                "deprecated" => match value.to_ascii_lowercase().as_str() {
                    "" | "false" | "no" | "off" | "null" | "~" => {}
                    "true" | "yes" | "on" => {
                        entry.deprecated = entry.deprecated.take().or(Some(String::new()));
                    }
                    _ => entry.deprecated = Some(value.to_owned()),
                },
                key => self.push(
                    field.line,
                    Kind::NotImported,
                    format!("frontmatter `{key}`: the catalogue has no field for it"),
                ),
            }
        }
        if entry.description.is_none() {
            let line = seen
                .iter()
                .find(|(key, _)| *key == "description")
                .map_or(1, |(_, line)| *line);
            self.push(
                line,
                Kind::LeftOut,
                "`description`: the page's frontmatter has no `description`",
            );
        }
    }

    /// A description that names a status the page's examples do not show disagrees with them.
    fn check_description_status(&mut self, description: &str, line: usize, page: &Page) {
        let shown: Vec<u64> = page
            .examples
            .iter()
            .filter_map(|example| example.body.as_ref().ok())
            .filter_map(|body| body.pointer("/error/status").and_then(Value::as_u64))
            .chain(
                page.examples
                    .iter()
                    .filter_map(|e| title_status(&e.title).map(u64::from)),
            )
            .collect();
        if shown.is_empty() {
            return;
        }
        for word in description.split(|c: char| !c.is_ascii_alphanumeric()) {
            let Ok(number) = word.parse::<u64>() else {
                continue;
            };
            if word.len() == 3 && (400..=599).contains(&number) && !shown.contains(&number) {
                self.push(
                    line,
                    Kind::Disagrees,
                    format!(
                        "the description names status {number}, but the page's examples show {}",
                        join_numbers(&shown)
                    ),
                );
            }
        }
    }

    fn callouts(&mut self, page: &Page, entry: &mut ImportedEntry) {
        for callout in &page.callouts {
            match (
                callout.component.as_str(),
                deprecation_reason(&callout.text),
            ) {
                ("Warning", Some(reason)) => {
                    let reason = mdx::unescape_markdown(&reason);
                    match &entry.deprecated {
                        // A bare "Deprecated" says no more than the frontmatter's reason.
                        Some(earlier) if !earlier.is_empty() && reason.is_empty() => {}
                        Some(earlier) if !earlier.is_empty() && *earlier != reason => {
                            self.push(
                                callout.line,
                                Kind::Disagrees,
                                format!(
                                    "the deprecation `{reason}` differs from the frontmatter's \
                                     `{earlier}`; the entry keeps this one"
                                ),
                            );
                            entry.deprecated = Some(reason);
                        }
                        _ => entry.deprecated = Some(reason),
                    }
                }
                (component, _) => self.push(
                    callout.line,
                    Kind::NotImported,
                    format!(
                        "the `<{component}>` callout: the catalogue has no field for it; \
                         move what it says into a section"
                    ),
                ),
            }
        }
        if entry.deprecated.as_deref() == Some("") {
            let line = page
                .frontmatter
                .iter()
                .find(|field| field.key == "deprecated")
                .map_or(1, |field| field.line);
            self.push(
                line,
                Kind::LeftOut,
                "the reason for the deprecation: the page marks the code deprecated without \
                 saying why or what to use instead; the entry has `deprecated: \"\"` for \
                 validation to point at",
            );
        }
    }

    fn paragraphs(&mut self, page: &Page, witnesses: &mut Witnesses) {
        for paragraph in &page.paragraphs {
            if let Some((grpc, domain)) = grpc_sentence(&paragraph.text) {
                let source = "the sentence on the gRPC status";
                witnesses.grpc.push(Witness {
                    value: grpc,
                    line: paragraph.line,
                    source,
                });
                witnesses.domain.push(Witness {
                    value: domain,
                    line: paragraph.line,
                    source,
                });
                continue;
            }
            match statement(&paragraph.text) {
                Some(statement) => {
                    let line = paragraph.line;
                    if let Some((status, title)) = statement.api {
                        witnesses.api_status.push(Witness {
                            value: status,
                            line,
                            source: "the sentence on who sends the code",
                        });
                        witnesses.api_title.push(Witness {
                            value: title,
                            line,
                            source: "the sentence on who sends the code",
                        });
                    }
                    if let Some((status, title)) = statement.gateway {
                        witnesses.gateway_status.push(Witness {
                            value: status,
                            line,
                            source: "the sentence on who sends the code",
                        });
                        witnesses.gateway_title.push(Witness {
                            value: title,
                            line,
                            source: "the sentence on who sends the code",
                        });
                    }
                    if let Some(title) = statement.page_title {
                        witnesses.gateway_title.push(Witness {
                            value: title,
                            line,
                            source: "the title of the gateway's HTML page",
                        });
                    }
                    if statement.message_is_example {
                        witnesses.message_is_example = true;
                    }
                    if statement.message_is_masked {
                        witnesses.message_is_masked = true;
                    }
                }
                None => self.push(
                    paragraph.line,
                    Kind::NotImported,
                    "the paragraph before the first section: the catalogue has no field for \
                     an introduction; move it into a section",
                ),
            }
        }
    }

    fn example(&mut self, example: &page::Example, witnesses: &mut Witnesses) {
        let line = example.line;
        let body = match &example.body {
            Ok(body) => body,
            Err(why) => {
                self.push(
                    line,
                    Kind::NotImported,
                    format!("the example response is not read: {why}"),
                );
                return;
            }
        };
        let Some(error) = body.get("error").and_then(Value::as_object) else {
            self.push(
                line,
                Kind::NotImported,
                "the example is not an error response (an object with an `error` object)",
            );
            return;
        };
        // The request id is the example's, not a fact of the code: every rendered example
        // shows the same one.
        let members = body.as_object().into_iter().flat_map(|object| {
            object
                .keys()
                .filter(|key| !matches!(key.as_str(), "meta" | "error"))
                .cloned()
        });
        // A `meta` that is not an object is a member the catalogue's example has not either.
        let meta: Vec<String> = match body.get("meta") {
            None => Vec::new(),
            Some(Value::Object(meta)) => meta
                .keys()
                .filter(|key| *key != "requestId")
                .map(|key| format!("meta.{key}"))
                .collect(),
            Some(_) => vec!["meta".to_owned()],
        };
        for member in members.chain(meta).collect::<Vec<_>>() {
            self.push(
                line,
                Kind::NotImported,
                format!("the example's member `{member}`: the catalogue's example has none"),
            );
        }
        let is_gateway = error.contains_key("code") || error.contains_key("message");
        let is_api = ["detail", "status", "title", "type"]
            .iter()
            .any(|key| error.contains_key(*key));
        let titled = title_status(&example.title);
        match (is_api, is_gateway) {
            (true, false) => {
                witnesses.api_examples += 1;
                if let Some(status) = titled {
                    witnesses.api_status.push(Witness {
                        value: status,
                        line,
                        source: "the example's title",
                    });
                }
                self.api_example(error, line, witnesses);
            }
            (false, true) => {
                witnesses.gateway_examples += 1;
                if let Some(status) = titled {
                    witnesses.gateway_status.push(Witness {
                        value: status,
                        line,
                        source: "the example's title",
                    });
                }
                self.gateway_example(error, line, witnesses);
            }
            _ => self.push(
                line,
                Kind::NotImported,
                "the example is neither the API's response (`detail`, `status`, `title`, \
                 `type`) nor the gateway's (`code`, `message`)",
            ),
        }
    }

    fn api_example(
        &mut self,
        error: &serde_json::Map<String, Value>,
        line: usize,
        witnesses: &mut Witnesses,
    ) {
        const SOURCE: &str = "the API example";
        let mut errors_array = false;
        for (key, value) in error {
            match (key.as_str(), value) {
                ("status", value) => match value.as_u64().and_then(|s| u16::try_from(s).ok()) {
                    Some(status) => witnesses.api_status.push(Witness {
                        value: status,
                        line,
                        source: SOURCE,
                    }),
                    None => self.push(
                        line,
                        Kind::NotImported,
                        format!("the example's `status` {value} is not an HTTP status"),
                    ),
                },
                ("title", Value::String(title)) => witnesses.api_title.push(Witness {
                    value: title.clone(),
                    line,
                    source: SOURCE,
                }),
                ("detail", Value::String(detail)) => witnesses.detail.push(Witness {
                    value: detail.clone(),
                    line,
                    source: SOURCE,
                }),
                ("type", Value::String(url)) => self.type_url(url, line, witnesses),
                ("errors", Value::Array(items)) => {
                    errors_array = true;
                    if !items.is_empty() {
                        self.push(
                            line,
                            Kind::NotImported,
                            "the example's `errors` items: the catalogue's example shows the \
                             array empty (`errors_array: true`)",
                        );
                    }
                }
                (key, value) => self.push(
                    line,
                    Kind::NotImported,
                    format!(
                        "the example's `error.{key}` ({}): the catalogue's example has no such member",
                        kind_of(value)
                    ),
                ),
            }
        }
        witnesses.errors_array.push(Witness {
            value: errors_array,
            line,
            source: SOURCE,
        });
    }

    /// The docs base URL a `type` URL shows: the URL without the code's path.
    fn type_url(&mut self, url: &str, line: usize, witnesses: &mut Witnesses) {
        let Some(urn) = self.urn else {
            return;
        };
        match url.strip_suffix(&format!("/{}", urn.docs_path())) {
            Some(base) if !base.is_empty() => witnesses.docs_base_url.push(Witness {
                value: base.to_owned(),
                line,
                source: "the API example's `type`",
            }),
            _ => self.push(
                line,
                Kind::Disagrees,
                format!(
                    "the example's `type` `{url}` is not a docs URL of `{}` (it should end \
                     with `/{}`)",
                    self.code,
                    urn.docs_path()
                ),
            ),
        }
    }

    fn gateway_example(
        &mut self,
        error: &serde_json::Map<String, Value>,
        line: usize,
        witnesses: &mut Witnesses,
    ) {
        for (key, value) in error {
            match (key.as_str(), value) {
                ("code", Value::String(code)) if code == self.code => {}
                ("code", value) => self.push(
                    line,
                    Kind::Disagrees,
                    format!("the gateway example's `code` is {value}, not `{}`", self.code),
                ),
                ("message", Value::String(message)) => witnesses.gateway_message.push(Witness {
                    value: message.clone(),
                    line,
                    source: "the gateway example",
                }),
                (key, value) => self.push(
                    line,
                    Kind::NotImported,
                    format!(
                        "the gateway example's `error.{key}` ({}): the catalogue's example has no such member",
                        kind_of(value)
                    ),
                ),
            }
        }
    }

    /// Settles each fact from what the page states, reporting disagreements and gaps.
    fn facts(&mut self, witnesses: &Witnesses, code_line: usize, entry: &mut ImportedEntry) {
        let gateway_sends = witnesses.gateway_examples > 0 || !witnesses.gateway_status.is_empty();
        let api_sends =
            witnesses.api_examples > 0 || !witnesses.api_status.is_empty() || !gateway_sends;
        entry.api = api_sends;
        let message_is_example = witnesses.message_is_example;
        let message_is_masked = witnesses.message_is_masked;
        // A server error's example carries its description, which is what the runtime sends
        // for it, and not the entry's `detail`: that is only stated where it differs.
        let description = entry.description.as_deref();
        let server_error =
            witnesses.api_status.iter().all(|w| w.value >= 500) && !witnesses.api_status.is_empty();
        let (mut details, mut messages) = (Vec::new(), Vec::new());
        for witness in &witnesses.detail {
            if !(server_error && Some(witness.value.as_str()) == description) {
                details.push(witness);
            }
        }
        for witness in &witnesses.gateway_message {
            if message_is_example {
                details.push(witness);
            } else if !message_is_masked {
                messages.push(witness);
            }
        }
        let detail_stated = !details.is_empty();
        entry.detail = self.settle("detail", &details);
        let api_status = self.settle("status", &witnesses.api_status.iter().collect::<Vec<_>>());
        let api_title = self.settle("title", &witnesses.api_title.iter().collect::<Vec<_>>());
        let gateway_status = self.settle(
            if api_sends {
                "gateway.status"
            } else {
                "status"
            },
            &witnesses.gateway_status.iter().collect::<Vec<_>>(),
        );
        let gateway_title = self.settle(
            if api_sends { "gateway.title" } else { "title" },
            &witnesses.gateway_title.iter().collect::<Vec<_>>(),
        );
        if api_sends {
            entry.status = api_status;
            entry.title = api_title;
        } else {
            entry.status = gateway_status;
            entry.title = gateway_title.clone();
        }
        if gateway_sends {
            entry.gateway = Some(ImportedGateway {
                status: if api_sends { gateway_status } else { None },
                title: if api_sends { gateway_title } else { None },
                message: if message_is_example || message_is_masked {
                    None
                } else {
                    self.settle("gateway.message", &messages)
                },
                message_from_error: message_is_example || message_is_masked,
            });
        }
        entry.grpc = self.settle("grpc", &witnesses.grpc.iter().collect::<Vec<_>>());
        entry.domain = self
            .settle("domain", &witnesses.domain.iter().collect::<Vec<_>>())
            .map(|domain| (domain, witnesses.domain[0].line));
        let errors_array = self.settle(
            "errors_array",
            &witnesses.errors_array.iter().collect::<Vec<_>>(),
        );
        entry.errors_array = errors_array.unwrap_or(false);
        entry.docs_base_url = self
            .settle(
                "the docs base URL",
                &witnesses.docs_base_url.iter().collect::<Vec<_>>(),
            )
            .map(|base| (base, witnesses.docs_base_url[0].line));
        self.gaps(witnesses, detail_stated, code_line, entry);
    }

    /// The value every witness states, or `None` (and a finding) when they differ.
    fn settle<T: Clone + PartialEq + std::fmt::Display>(
        &mut self,
        fact: &str,
        witnesses: &[&Witness<T>],
    ) -> Option<T> {
        let first = witnesses.first()?;
        if witnesses.iter().all(|w| w.value == first.value) {
            return Some(first.value.clone());
        }
        let each: Vec<String> = witnesses
            .iter()
            .map(|w| format!("{} at line {} says `{}`", w.source, w.line, w.value))
            .collect();
        self.push(
            first.line,
            Kind::Disagrees,
            format!(
                "`{fact}` is stated differently ({}); the entry leaves it out",
                each.join(", ")
            ),
        );
        None
    }

    /// Reports the facts the page does not state at all.
    fn gaps(
        &mut self,
        witnesses: &Witnesses,
        detail_stated: bool,
        line: usize,
        entry: &ImportedEntry,
    ) {
        if witnesses.api_examples == 0 && witnesses.gateway_examples == 0 {
            self.push(
                line,
                Kind::LeftOut,
                "`status`, `title` and `detail`: the page has no example response, so it \
                 shows none of them, nor which systems send the code",
            );
            return;
        }
        let (statuses, titles) = if entry.api {
            (witnesses.api_status.len(), witnesses.api_title.len())
        } else {
            (
                witnesses.gateway_status.len(),
                witnesses.gateway_title.len(),
            )
        };
        let missing: Vec<&str> = [(statuses, "`status`"), (titles, "`title`")]
            .into_iter()
            .filter(|&(count, _)| count == 0)
            .map(|(_, name)| name)
            .collect();
        if !missing.is_empty() {
            self.push(
                line,
                Kind::LeftOut,
                format!("{}: the page does not show it", missing.join(" and ")),
            );
        }
        if !detail_stated {
            let server_error = entry.status.is_some_and(|status| status >= 500);
            let why = if server_error && (entry.api || witnesses.message_is_masked) {
                "a server error's page shows its description, which is what the runtime sends \
                 for it, not a `detail` (docs/import.md)"
            } else if entry.api {
                "the page's API example has no `detail`"
            } else {
                "a page of a code only the gateway sends shows the gateway's message, not a \
                 `detail` (docs/import.md)"
            };
            self.push(line, Kind::LeftOut, format!("`detail`: {why}"));
        }
        if let Some(gateway) = &entry.gateway {
            if entry.api && witnesses.gateway_status.is_empty() {
                self.push(
                    line,
                    Kind::LeftOut,
                    "`gateway.status`: the page does not show the gateway's status, and the \
                     catalogue then takes the API's",
                );
            }
            if !gateway.message_from_error && witnesses.gateway_message.is_empty() {
                self.push(
                    line,
                    Kind::LeftOut,
                    "`gateway.message`: the gateway example has no `message`",
                );
            }
        }
    }

    fn sections(&mut self, sections: &[Section], entry: &mut ImportedEntry) {
        let mut landed: Vec<(Field, usize)> = Vec::new();
        for section in sections {
            let Some(field) = field_of(&section.heading) else {
                self.push(
                    section.line,
                    Kind::NotImported,
                    format!(
                        "the section \"{}\": no catalogue field holds it (docs/import.md lists \
                         the headings the import knows); move its text into another section",
                        section.heading
                    ),
                );
                continue;
            };
            if let Some((_, first)) = landed.iter().find(|(f, _)| *f == field) {
                let first = *first;
                self.push(
                    section.line,
                    Kind::NotImported,
                    format!(
                        "the section \"{}\": a second section for `{}` (the first is at line \
                         {first}); merge the two",
                        section.heading,
                        field.name()
                    ),
                );
                continue;
            }
            landed.push((field, section.line));
            if field == Field::Related {
                self.related(section, entry);
                continue;
            }
            let text = mdx::unescape_markdown(&section.body);
            if text.trim().is_empty() {
                self.push(
                    section.line,
                    Kind::LeftOut,
                    format!(
                        "`{}`: the section \"{}\" is empty",
                        field.name(),
                        section.heading
                    ),
                );
                continue;
            }
            for (component, line) in &section.components {
                self.push(
                    *line,
                    Kind::KeptVerbatim,
                    format!(
                        "`{}` holds the component `<{component}>`: rendered from the \
                         catalogue it shows as text",
                        field.name()
                    ),
                );
            }
            for line in &section.expressions {
                self.push(
                    *line,
                    Kind::KeptVerbatim,
                    format!(
                        "`{}` holds an expression (`{{…}}`): rendered from the catalogue it \
                         shows as text",
                        field.name()
                    ),
                );
            }
            let slot = match field {
                Field::WhatHappened => &mut entry.what_happened,
                Field::HowToFix => &mut entry.how_to_fix,
                Field::CommonMistakes => &mut entry.common_mistakes,
                Field::Related => continue,
            };
            *slot = Some(text);
        }
    }

    fn related(&mut self, section: &Section, entry: &mut ImportedEntry) {
        let (items, others) = page::related_items(section);
        for line in others {
            self.push(
                line,
                Kind::NotImported,
                "a line of the related-errors list that is not an item naming a code \
                 (`- [err:…](link) - text`)",
            );
        }
        for item in items {
            let Ok(urn) = Urn::parse(&item.code) else {
                self.push(
                    item.line,
                    Kind::NotImported,
                    format!("the related item `{}`: it is not a code", item.code),
                );
                continue;
            };
            if let Some(link) = &item.link {
                if !link_points_at(link, &urn) {
                    self.push(
                        item.line,
                        Kind::Disagrees,
                        format!(
                            "the link `{link}` does not lead to `{}`'s page; the entry keeps \
                             the code",
                            item.code
                        ),
                    );
                }
            }
            entry.related.push(ImportedRelated {
                code: item.code,
                text: mdx::unescape_line(&item.text),
                line: item.line,
            });
        }
    }
}

/// The deprecation reason of a `<Warning>` callout that starts with "Deprecated" (`Deprecated:
/// use … instead`, `**Deprecated**: …`), as written.
fn deprecation_reason(text: &str) -> Option<String> {
    let text = text.trim_start_matches('*');
    let prefix = text.get(..10)?;
    if !prefix.eq_ignore_ascii_case("deprecated") {
        return None;
    }
    let rest = &text[10..];
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    // The separator after "Deprecated" (one `:`, or a run of one of `.`, `-` and dashes) goes;
    // the reason keeps whatever it starts with (`.NET SDK v1 only`).
    let rest = rest.trim_start_matches('*').trim_start();
    let rest = match rest.chars().next() {
        Some(':') => &rest[1..],
        Some(separator @ ('.' | '-' | '—' | '–')) => rest.trim_start_matches(separator),
        _ => rest,
    };
    Some(rest.trim().to_owned())
}

/// The status in an example's title, `API response (400)` → 400.
fn title_status(title: &str) -> Option<u16> {
    let inner = title.trim().strip_suffix(')')?.rsplit_once('(')?.1;
    (inner.len() == 3).then(|| inner.parse().ok()).flatten()
}

/// Whether a link's last path segments are the code's page (`./x`, `../c/x`, `/errors/s/c/x.mdx#a`).
fn link_points_at(link: &str, urn: &Urn) -> bool {
    let link = link
        .split(['#', '?'])
        .next()
        .unwrap_or_default()
        .trim_end_matches('/');
    let link = link
        .strip_suffix(".mdx")
        .or_else(|| link.strip_suffix(".md"))
        .unwrap_or(link);
    let segments: Vec<&str> = link
        .split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .collect();
    let expected = [urn.specific(), urn.category(), urn.system()];
    let found: Vec<&str> = segments
        .iter()
        .rev()
        .take(3)
        .take_while(|s| **s != "..")
        .copied()
        .collect();
    !found.is_empty()
        && found
            .iter()
            .zip(expected)
            .all(|(found, expected)| *found == expected)
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn join_numbers(numbers: &[u64]) -> String {
    let mut numbers = numbers.to_vec();
    numbers.sort_unstable();
    numbers.dedup();
    numbers
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(" and ")
}

/// Reads our renderer's sentence on who sends a code: `Sent by the API with **400 Bad
/// Request** and by the gateway in front of the deployment with **401 Unauthorized**.`, or
/// `Sent by A and by B, both with **S T**.`, then optionally the sentences on the gateway's
/// HTML page and on a message that is only an example. Anything else is `None`.
fn statement(text: &str) -> Option<Statement> {
    const PAGE: &str = " The gateway answers a browser with an HTML error page titled \"";
    const PAGE_END: &str = "\" instead of JSON.";
    const EXAMPLE: &str =
        " Its `message` comes from the error raised; the one shown is an example.";
    let text = text.trim().strip_prefix("Sent by ")?;
    let end = text.find("**.")?;
    let (first, mut rest) = (&text[..end + 2], &text[end + 3..]);
    let mut statement = Statement::default();
    let mut said = |who: &str, status_title: (u16, String)| -> Option<()> {
        let slot = match who {
            "the API" => &mut statement.api,
            "the gateway in front of the deployment" => &mut statement.gateway,
            _ => return None,
        };
        slot.replace(status_title).is_none().then_some(())
    };
    if let Some((whos, both)) = first.split_once(", both with ") {
        let status_title = bold_status(both)?;
        let whos: Vec<&str> = whos.split(" and by ").collect();
        if whos.len() < 2 {
            return None;
        }
        for who in whos {
            said(who, status_title.clone())?;
        }
    } else {
        for part in first.split(" and by ") {
            let (who, bold) = part.split_once(" with ")?;
            said(who, bold_status(bold)?)?;
        }
    }
    if let Some(after) = rest.strip_prefix(PAGE) {
        let end = after.rfind(PAGE_END)?;
        statement.page_title = Some(mdx::unescape_line(&after[..end]));
        rest = &after[end + PAGE_END.len()..];
    }
    if let Some(after) = rest.strip_prefix(EXAMPLE) {
        statement.message_is_example = true;
        rest = after;
    }
    if let Some(after) = rest.strip_prefix(crate::render::MASKED_MESSAGE) {
        statement.message_is_masked = true;
        rest = after;
    }
    rest.is_empty().then_some(statement)
}

/// Reads our renderer's gRPC line, `Over gRPC the status is `NAME`, with an `ErrorInfo` of
/// reason `REASON` in domain `DOMAIN`.`: the status's name and the domain (the reason is the
/// code's own, so it states nothing new).
fn grpc_sentence(text: &str) -> Option<(String, String)> {
    let rest = text.trim().strip_prefix("Over gRPC the status is `")?;
    let (name, rest) = rest.split_once("`, with an `ErrorInfo` of reason `")?;
    let (_reason, rest) = rest.split_once("` in domain `")?;
    let domain = rest.strip_suffix("`.")?;
    Some((name.to_owned(), domain.to_owned()))
}

/// `**503 Service Unavailable**` → (503, "Service Unavailable").
fn bold_status(text: &str) -> Option<(u16, String)> {
    let inner = text.strip_prefix("**")?.strip_suffix("**")?;
    let (status, title) = inner.split_once(' ')?;
    if status.len() != 3 {
        return None;
    }
    Some((status.parse().ok()?, mdx::unescape_line(title)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_map_whatever_their_case_emphasis_and_punctuation() {
        assert_eq!(field_of("What Happened?"), Some(Field::WhatHappened));
        assert_eq!(field_of("**How  to fix:**"), Some(Field::HowToFix));
        assert_eq!(field_of("What to do"), Some(Field::HowToFix));
        assert_eq!(field_of("Common Mistakes"), Some(Field::CommonMistakes));
        assert_eq!(field_of("Related Errors"), Some(Field::Related));
        assert_eq!(field_of("Example Request"), None);
        for (heading, _) in HEADINGS {
            assert_eq!(normalize_heading(heading), heading, "listed normalized");
        }
    }

    #[test]
    fn reads_every_form_of_the_renderers_sentence() {
        assert_eq!(
            statement(
                "Sent by the gateway in front of the deployment with **503 Service Unavailable**. The gateway answers a browser with an HTML error page titled \"Service Unavailable\" instead of JSON."
            ),
            Some(Statement {
                api: None,
                gateway: Some((503, "Service Unavailable".to_owned())),
                page_title: Some("Service Unavailable".to_owned()),
                message_is_example: false,
                message_is_masked: false,
            })
        );
        assert_eq!(
            statement(
                "Sent by the API and by the gateway in front of the deployment, both with **400 Bad Request**. The gateway answers a browser with an HTML error page titled \"Bad \"Request\"\" instead of JSON. Its `message` comes from the error raised; the one shown is an example."
            ),
            Some(Statement {
                api: Some((400, "Bad Request".to_owned())),
                gateway: Some((400, "Bad Request".to_owned())),
                page_title: Some("Bad \"Request\"".to_owned()),
                message_is_example: true,
                message_is_masked: false,
            })
        );
        let masked = format!(
            "Sent by the gateway in front of the deployment with **500 Internal Server Error**. The gateway answers a browser with an HTML error page titled \"Internal Server Error\" instead of JSON.{}",
            crate::render::MASKED_MESSAGE
        );
        assert!(statement(&masked).is_some_and(|s| s.message_is_masked && !s.message_is_example));
        assert_eq!(
            statement("Sent by the API with **400 Bad Request** and by the gateway in front of the deployment with **401 Unauthorized**.")
                .map(|s| (s.api, s.gateway)),
            Some((
                Some((400, "Bad Request".to_owned())),
                Some((401, "Unauthorized".to_owned()))
            ))
        );
        for other in [
            "Sent by the API with **400 Bad Request**. And more.",
            "Sent by the API with **400 Bad Request** and by the API with **400 Bad Request**.",
            "Sent by a friend with **400 Bad Request**.",
            "Sent by the API with 400.",
            "This error occurs when the key is missing.",
        ] {
            assert_eq!(statement(other), None, "{other}");
        }
    }

    #[test]
    fn deprecation_callouts_in_either_shape() {
        assert_eq!(
            deprecation_reason("Deprecated: use x").as_deref(),
            Some("use x")
        );
        assert_eq!(
            deprecation_reason("**Deprecated**: use x").as_deref(),
            Some("use x")
        );
        assert_eq!(
            deprecation_reason("deprecated. Use x.").as_deref(),
            Some("Use x.")
        );
        assert_eq!(deprecation_reason("Deprecated").as_deref(), Some(""));
        // Only the separator goes, not what the reason starts with.
        assert_eq!(
            deprecation_reason("Deprecated: .NET SDK v1 only; use v2").as_deref(),
            Some(".NET SDK v1 only; use v2")
        );
        assert_eq!(
            deprecation_reason("Deprecated: -- is not a flag any more").as_deref(),
            Some("-- is not a flag any more")
        );
        assert_eq!(
            deprecation_reason("Deprecated — use y").as_deref(),
            Some("use y")
        );
        assert_eq!(deprecation_reason("Deprecation is near"), None);
        assert_eq!(deprecation_reason("Be careful"), None);
        assert_eq!(deprecation_reason("Deprecatedé"), None);
    }

    #[test]
    fn links_lead_to_a_page_by_its_last_segments() {
        let urn = Urn::parse("err:unkey:data:key_not_found").unwrap();
        for link in [
            "./key_not_found",
            "../data/key_not_found",
            "../../unkey/data/key_not_found",
            "/docs/errors/unkey/data/key_not_found.mdx#top",
            "https://unkey.com/docs/errors/unkey/data/key_not_found",
            "key_not_found",
        ] {
            assert!(link_points_at(link, &urn), "{link}");
        }
        for link in [
            "./api_not_found",
            "../authorization/key_not_found",
            "",
            "../",
        ] {
            assert!(!link_points_at(link, &urn), "{link}");
        }
    }

    /// The entry of a page at `s/c/x.mdx`, and the report's lines.
    fn import(text: &str) -> (Option<ImportedEntry>, Vec<String>) {
        let page = page::read(text.as_bytes()).unwrap();
        let mut report = Report::default();
        let entry = entry(&page, "s/c/x.mdx", &mut report);
        report.sort();
        (
            entry,
            report.findings.iter().map(ToString::to_string).collect(),
        )
    }

    #[test]
    fn a_bare_deprecated_callout_keeps_the_frontmatters_reason() {
        let (entry, report) = import(
            "---\ntitle: err:s:c:x\ndeprecated: use err:s:c:y instead\n---\n\n\
             <Warning>Deprecated</Warning>\n",
        );
        assert_eq!(
            entry.unwrap().deprecated.as_deref(),
            Some("use err:s:c:y instead")
        );
        assert!(
            !report.iter().any(|line| line.contains("deprecat")),
            "{report:#?}"
        );
    }

    #[test]
    fn a_frontmatter_deprecated_that_says_no_is_not_a_reason() {
        for value in ["False", "FALSE", "no", "null", "~", ""] {
            let (entry, _) = import(&format!(
                "---\ntitle: err:s:c:x\ndeprecated: {value}\n---\n"
            ));
            assert_eq!(entry.unwrap().deprecated, None, "{value:?}");
        }
        let (entry, _) = import("---\ntitle: err:s:c:x\ndeprecated: True\n---\n");
        assert_eq!(entry.unwrap().deprecated.as_deref(), Some(""));
        let (entry, _) = import("---\ntitle: err:s:c:x\ndeprecated: use err:s:c:y\n---\n");
        assert_eq!(entry.unwrap().deprecated.as_deref(), Some("use err:s:c:y"));
    }

    #[test]
    fn an_examples_meta_that_is_not_an_object_is_reported() {
        let (_, report) = import(
            "---\ntitle: err:s:c:x\n---\n\n\
             ```json\n{\"meta\": \"r\", \"error\": {\"status\": 400, \"title\": \"T\"}}\n```\n",
        );
        assert!(
            report.contains(
                &"s/c/x.mdx:5: not imported: the example's member `meta`: the catalogue's example has none"
                    .to_owned()
            ),
            "{report:#?}"
        );
    }

    #[test]
    fn reports_every_part_of_a_page_that_does_not_land() {
        let (entry, report) = import(
            "---\ntitle: err:s:c:x\ntitle: again\n---\n\n<Danger>Careful</Danger>\n\n\
             ```json\n{\"meta\": {\"requestId\": \"r\", \"trace\": 1}, \"error\": {\"status\": \"400\", \"title\": \"T\", \"extra\": []}, \"data\": null}\n```\n\n\
             ```json\n{\"error\": {\"oops\": 1}}\n```\n\n```json\n[1,\n```\n\n\
             ## What Happened?\n\nOne {x}.\n\n## What happened\n\nTwo.\n\n## How To Fix\n\n",
        );
        let entry = entry.unwrap();
        assert_eq!(entry.code, "err:s:c:x");
        assert_eq!(entry.title.as_deref(), Some("T"));
        assert_eq!(entry.status, None);
        assert_eq!(entry.what_happened.as_deref(), Some("One {x}."));
        assert_eq!(entry.how_to_fix, None);
        assert_eq!(
            report,
            [
                "s/c/x.mdx:1: left out: `description`: the page's frontmatter has no `description`",
                "s/c/x.mdx:2: left out: `status`: the page does not show it",
                "s/c/x.mdx:2: left out: `detail`: the page's API example has no `detail`",
                "s/c/x.mdx:3: not imported: frontmatter `title` is set a second time (first at line 2)",
                "s/c/x.mdx:6: not imported: the `<Danger>` callout (\"Careful\"): it holds no code \
                 (the code is the page title's), and the catalogue has no field for it",
                "s/c/x.mdx:8: not imported: the example's member `data`: the catalogue's example has none",
                "s/c/x.mdx:8: not imported: the example's member `meta.trace`: the catalogue's example has none",
                "s/c/x.mdx:8: not imported: the example's `error.extra` (a list): the catalogue's \
                 example has no such member",
                "s/c/x.mdx:8: not imported: the example's `status` \"400\" is not an HTTP status",
                "s/c/x.mdx:12: not imported: the example is neither the API's response (`detail`, \
                 `status`, `title`, `type`) nor the gateway's (`code`, `message`)",
                "s/c/x.mdx:16: not imported: the example response is not read: its JSON is invalid \
                 at line 17, column 3: EOF while parsing a value",
                "s/c/x.mdx:22: kept verbatim: `what_happened` holds an expression (`{…}`): rendered \
                 from the catalogue it shows as text",
                "s/c/x.mdx:24: not imported: the section \"What happened\": a second section for \
                 `what_happened` (the first is at line 20); merge the two",
                "s/c/x.mdx:28: left out: `how_to_fix`: the section \"How To Fix\" is empty",
            ]
        );
    }

    #[test]
    fn a_page_without_a_code_is_no_entry() {
        let (entry, report) = import("---\ntitle: Overview\n---\n\n<Danger>Not a code</Danger>\n");
        assert_eq!(entry, None);
        assert_eq!(
            report,
            [
                "s/c/x.mdx:5: page not imported: no code line: an error page names its code in a \
              `<Danger>` callout, e.g. <Danger>`err:system:category:specific`</Danger>"
            ]
        );
    }

    #[test]
    fn statuses_in_example_titles() {
        assert_eq!(title_status("API response (400)"), Some(400));
        assert_eq!(title_status("Gateway response (503) "), Some(503));
        assert_eq!(title_status("Example"), None);
        assert_eq!(title_status("(4000)"), None);
    }
}
