//! The catalogue for other tools and languages: a JSON Schema of the format for editors, an
//! OpenAPI document of the error responses, TypeScript and Go modules of the codes, and
//! Prometheus alerting rules on the error counter.
//!
//! Every exporter is a pure function of its input, so a committed export can be checked for
//! drift by rendering it again ([`compare`]).
//!
//! The per-code facts that the language modules carry are listed once, in [`FACTS`]: each
//! exporter writes its types and values from that list, so a new fact (such as the facts of a
//! further surface of the API) is one more row there.

pub mod envelope;
pub mod go;
pub mod openapi;
pub mod prometheus;
pub mod schema;
pub mod typescript;

use std::io;
use std::path::Path;

use unkey_errors_catalogue::{Catalogue, Entry};

use crate::DEFAULT_CATALOGUE;

/// Where an export comes from: the catalogue file and the command that made it, which its
/// header (or the OpenAPI document's description) names, so a reader knows what to edit and
/// what to run again.
///
/// Both are written as the user gave them and never depend on where the output goes, so the
/// same command prints, writes and `--check`s the same text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    catalogue: String,
    command: String,
}

impl Origin {
    /// The export of the catalogue at `catalogue` (as given, e.g. `api/errors.yaml`) by the
    /// `unkey-errors` command `args` (e.g. `gen --lang go --package codes`). The command names
    /// the catalogue with `--catalogue` unless it is the default, `errors.yaml`.
    ///
    /// ```
    /// use unkey_errors_cli::export::Origin;
    ///
    /// let origin = Origin::new("api/errors.yaml", "gen --lang typescript");
    /// assert_eq!(origin.command(), "unkey-errors --catalogue api/errors.yaml gen --lang typescript");
    /// assert_eq!(Origin::new("errors.yaml", "openapi").command(), "unkey-errors openapi");
    /// ```
    pub fn new(catalogue: &str, args: &str) -> Origin {
        Origin {
            catalogue: catalogue.to_owned(),
            command: command_line("unkey-errors", catalogue, args),
        }
    }

    /// The catalogue file, as given.
    pub fn catalogue(&self) -> &str {
        &self.catalogue
    }

    /// The command that made the export, without where its output went.
    pub fn command(&self) -> &str {
        &self.command
    }

    /// The first lines of a generated source file, as `//` comments: the first in the form
    /// Go's tools recognize (`^// Code generated .* DO NOT EDIT\.$`), which TypeScript readers
    /// know as well, the second the command to run again. Characters that would end a line
    /// comment (a newline in a path, or JavaScript's U+2028 and U+2029) are escaped.
    pub fn header(&self) -> String {
        format!(
            "// Code generated from {} by unkey-errors; DO NOT EDIT.\n\
             // To regenerate it: {} --out <this file>\n",
            one_line(&self.catalogue),
            one_line(&self.command)
        )
    }
}

/// The command line that runs `program` (e.g. `unkey-errors`) with `args` on `catalogue`
/// (as given): `--catalogue` names it unless it is the default, `errors.yaml`.
pub fn command_line(program: &str, catalogue: &str, args: &str) -> String {
    if catalogue == DEFAULT_CATALOGUE {
        format!("{program} {args}")
    } else {
        format!("{program} --catalogue {} {args}", shell_word(catalogue))
    }
}

/// `text` as one word of a POSIX shell command: as it is when that is safe, else in single
/// quotes.
pub fn shell_word(text: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_-./:@+=,%".contains(c);
    if !text.is_empty() && text.chars().all(plain) {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

/// `text` with every character that ends a line in Go or TypeScript (control characters,
/// U+2028, U+2029) written as a `\u{…}` escape, so it stays inside one line comment.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// At most this many lines of diff are shown when an export differs from a fresh render.
pub const DIFF_LINES: usize = 40;

/// The kind of value a fact has, which decides its type in each language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactKind {
    /// The HTTP status: a number.
    Status,
    /// A string every code has.
    Text,
    /// A string some codes have; absent (TypeScript `null`, Go `""`) for the others.
    OptionalText,
    /// An HTTP status some codes have; absent (TypeScript `null`, Go `0`) for the others.
    OptionalStatus,
    /// `true` or `false`.
    Flag,
}

/// One fact that the language modules export for every code.
#[derive(Debug, Clone, Copy)]
pub struct Fact {
    /// The member's name in TypeScript (camelCase).
    pub typescript: &'static str,
    /// The field's name in Go (exported, with Go's initialisms).
    pub go: &'static str,
    /// What the fact means, for the member's doc comment.
    pub doc: &'static str,
    /// Its kind of value.
    pub kind: FactKind,
    /// Its value for an entry of a catalogue, of [`kind`](Self::kind).
    pub value: fn(&Catalogue, &Entry) -> FactValue,
}

/// The facts of a code, in the order the modules list them. The code itself comes first in
/// every module, so it is not listed here.
pub const FACTS: [Fact; 12] = [
    Fact {
        typescript: "status",
        go: "Status",
        doc: "The HTTP status the API answers with, or for a code only the gateway sends, the gateway's.",
        kind: FactKind::Status,
        value: |_, entry| FactValue::Status(entry.status),
    },
    Fact {
        typescript: "title",
        go: "Title",
        doc: "The response's `title`, exactly as the API sends it, or for a code only the gateway sends, its page's title.",
        kind: FactKind::Text,
        value: |_, entry| FactValue::Text(entry.title.clone()),
    },
    Fact {
        typescript: "apiStatus",
        go: "APIStatus",
        doc: "The HTTP status the API answers with; none when only the gateway sends the code.",
        kind: FactKind::OptionalStatus,
        value: |_, entry| {
            if entry.api {
                FactValue::Status(entry.status)
            } else {
                FactValue::Absent
            }
        },
    },
    Fact {
        typescript: "gatewayStatus",
        go: "GatewayStatus",
        doc: "The HTTP status the gateway answers with; none when the gateway never sends the code.",
        kind: FactKind::OptionalStatus,
        value: |_, entry| {
            entry.gateway.as_ref().map_or(FactValue::Absent, |gateway| {
                FactValue::Status(gateway.status)
            })
        },
    },
    Fact {
        typescript: "gatewayTitle",
        go: "GatewayTitle",
        doc: "The title of the gateway's error page; none when the gateway never sends the code.",
        kind: FactKind::OptionalText,
        value: |_, entry| {
            entry.gateway.as_ref().map_or(FactValue::Absent, |gateway| {
                FactValue::Text(gateway.title.clone())
            })
        },
    },
    Fact {
        typescript: "gatewayMessage",
        go: "GatewayMessage",
        doc: "The one public sentence of the gateway's body; none when the gateway never sends the code or the message comes from the error raised.",
        kind: FactKind::OptionalText,
        value: |_, entry| {
            entry
                .gateway
                .as_ref()
                .and_then(|gateway| gateway.message.clone())
                .map_or(FactValue::Absent, FactValue::Text)
        },
    },
    Fact {
        typescript: "grpcCode",
        go: "GRPCCode",
        doc: "The gRPC status code's name the code is answered with over gRPC, e.g. `NOT_FOUND`.",
        kind: FactKind::Text,
        value: |_, entry| FactValue::Text(entry.grpc.name().to_owned()),
    },
    Fact {
        typescript: "description",
        go: "Description",
        doc: "One sentence saying what the error means.",
        kind: FactKind::Text,
        value: |_, entry| FactValue::Text(entry.description.clone()),
    },
    Fact {
        typescript: "docsUrl",
        go: "DocsURL",
        doc: "The code's docs page, which is also the response's `type`.",
        kind: FactKind::Text,
        value: |catalogue, entry| FactValue::Text(catalogue.docs_url(entry)),
    },
    Fact {
        typescript: "errorsArray",
        go: "ErrorsArray",
        doc: "Whether the response body carries an `errors` array listing each problem with the request.",
        kind: FactKind::Flag,
        value: |_, entry| FactValue::Flag(entry.errors_array),
    },
    Fact {
        typescript: "internal",
        go: "Internal",
        doc: "Whether the code is internal, without a public docs page.",
        kind: FactKind::Flag,
        value: |_, entry| FactValue::Flag(entry.internal),
    },
    Fact {
        typescript: "deprecated",
        go: "Deprecated",
        doc: "Why the code should no longer be used and what to use instead; none when it is current.",
        kind: FactKind::OptionalText,
        value: |_, entry| {
            entry
                .deprecated
                .clone()
                .map_or(FactValue::Absent, FactValue::Text)
        },
    },
];

/// A fact's value for one code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactValue {
    /// A [`FactKind::Status`], or a present [`FactKind::OptionalStatus`].
    Status(u16),
    /// A [`FactKind::Text`], or a present [`FactKind::OptionalText`].
    Text(String),
    /// An absent [`FactKind::OptionalText`] or [`FactKind::OptionalStatus`].
    Absent,
    /// A [`FactKind::Flag`].
    Flag(bool),
}

/// The short description of a code for the first line of its doc comment:
/// `404 Not Found: The requested key does not exist.`
pub fn summary(entry: &Entry) -> String {
    format!("{} {}: {}", entry.status, entry.title, entry.description)
}

/// Compares the file at `path` with a fresh `rendered` export: `None` when they are equal, else
/// a description of the difference (a missing file, or the start of a unified diff from the
/// file to the render).
pub fn compare(path: &Path, rendered: &str) -> io::Result<Option<String>> {
    let on_disk = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            return Ok(Some(format!("{} does not exist", path.display())));
        }
        Err(error) => return Err(error),
    };
    if on_disk == rendered.as_bytes() {
        return Ok(None);
    }
    let on_disk = String::from_utf8_lossy(&on_disk);
    let shown = path.display().to_string();
    let diff = similar::TextDiff::from_lines(on_disk.as_ref(), rendered)
        .unified_diff()
        .context_radius(2)
        .header(
            &format!("{shown} (on disk)"),
            &format!("{shown} (rendered)"),
        )
        .to_string();
    let total = diff.lines().count();
    let mut shown_diff: String = diff
        .lines()
        .take(DIFF_LINES)
        .flat_map(|line| [line, "\n"])
        .collect();
    if total > DIFF_LINES {
        shown_diff.push_str(&format!("… {} more lines of diff\n", total - DIFF_LINES));
    }
    Ok(Some(format!(
        "{shown} differs from a fresh render:\n{shown_diff}"
    )))
}

/// `text` quoted as a JSON string, which is also a valid string literal in TypeScript and Go
/// for every character the catalogue can hold.
pub fn string_literal(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

/// The widest a line of a generated doc comment grows before its text wraps, not counting
/// the comment's indentation and markers.
pub const COMMENT_WIDTH: usize = 90;

/// `text` broken into lines of at most [`COMMENT_WIDTH`] characters at spaces, for a generated
/// doc comment. A word longer than that (a URL) stands on a line of its own.
pub fn wrap(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > COMMENT_WIDTH {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
