//! Reads and validates an unkey-errors catalogue: the YAML file that defines every error of an API.
//!
//! This is the library behind the `catalogue!` macro, the docs renderer and the command line, so
//! all of them accept and reject exactly the same files. Its stages, one module each:
//!
//! 1. bytes to text ([`parse`]: size limit, BOM, UTF-8),
//! 2. text to a YAML tree (`yaml`, the only module that touches `serde_yaml`),
//! 3. text to the line of every key (`outline`), so problems can name `file:line:column`,
//! 4. tree to a validated [`Catalogue`] (`validate`), collecting *every* problem as a
//!    [`Diagnostic`] rather than stopping at the first.
//!
//! ```
//! let yaml = "\
//! docs_base_url: https://example.com/docs/errors
//! errors:
//!   err:shop:orders:not_found:
//!     status: 404
//!     title: Not Found
//!     description: The order does not exist.
//!     detail: No order has the id ord_123
//!     what_happened: No order with this id exists in the shop.
//!     how_to_fix: Check the order id, or list the orders to find it.
//!     common_mistakes: '- **Stale ids**: orders are deleted after a year.'
//! ";
//! let catalogue = unkey_errors_catalogue::parse(yaml.as_bytes(), "errors.yaml").unwrap();
//! let entry = &catalogue.entries()[0];
//! assert_eq!(entry.status, 404);
//! assert_eq!(catalogue.docs_url(entry), "https://example.com/docs/errors/shop/orders/not_found");
//! ```
//!
//! The format is described in `docs/catalogue.md` of the repository.

#![warn(missing_docs)]

mod diagnostic;
mod grpc;
mod lint;
mod model;
mod outline;
mod suggest;
mod syntax;
mod validate;
mod yaml;

use std::path::Path;

pub use diagnostic::{Diagnostic, Diagnostics, Position};
pub use grpc::{GRPC_DEFAULTS, GrpcCode};
pub use lint::{Allows, LintSettings};
pub use model::{
    Catalogue, Condition, DocsNavigation, Entry, GatewayFacts, Grouped, NavigationSystem, Surface,
    Urn, UrnError, group_by_system_and_category, title_case,
};
pub use suggest::{closest, did_you_mean};
pub use validate::{
    DOCS_NAVIGATION_KEYS, DOCS_NAVIGATION_SYSTEM_KEYS, ENTRY_FIELDS, ENTRY_LINT_KEYS,
    FRAMEWORK_KEYS, GATEWAY_FIELDS, LINT_KEYS, LINT_RULES, MAX_ENTRIES, PAGE_SECTIONS,
    REQUIRED_DOCS_NAVIGATION_SYSTEM_KEYS, REQUIRED_ENTRY_FIELDS, REQUIRED_TOP_LEVEL_KEYS,
    TOP_LEVEL_KEYS,
};

/// The largest catalogue file accepted, in bytes (16 MiB). A larger file is refused before it
/// is parsed, so a runaway file cannot stall a build.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads and validates the catalogue at `path`; `shown_as` is how messages name the file
/// (usually the path as the user wrote it). A file that cannot be read is reported with the
/// macros' rule for relative paths; see [`load_with_path_help`] for other callers.
pub fn load(path: &Path, shown_as: &str) -> Result<Catalogue, Diagnostics> {
    load_with_path_help(
        path,
        shown_as,
        "check the path; a relative path is resolved from the crate's directory (CARGO_MANIFEST_DIR)",
    )
}

/// As [`load`], but a file that cannot be read is reported with `path_help`, which should say
/// how the caller resolves a relative path (a command line resolves it from the current
/// directory, the macros from the crate's).
pub fn load_with_path_help(
    path: &Path,
    shown_as: &str,
    path_help: &str,
) -> Result<Catalogue, Diagnostics> {
    let unreadable = |error: std::io::Error| {
        Diagnostics::whole_file(
            shown_as,
            format!("cannot read the catalogue `{}`: {error}", path.display()),
            Some(path_help.to_owned()),
        )
    };
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if metadata.is_dir() {
        return Err(Diagnostics::whole_file(
            shown_as,
            format!("the catalogue path `{}` is a directory", path.display()),
            Some("name the YAML file itself, e.g. `errors.yaml`".to_owned()),
        ));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(too_large(shown_as, metadata.len()));
    }
    // Read at most one byte past the limit: a special file (`/dev/zero`, a pipe) says it is
    // empty and never ends.
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(
            std::fs::File::open(path).map_err(unreadable)?,
            MAX_FILE_BYTES + 1,
        ),
        &mut bytes,
    )
    .map_err(unreadable)?;
    parse(&bytes, shown_as)
}

fn too_large(shown_as: &str, len: u64) -> Diagnostics {
    Diagnostics::whole_file(
        shown_as,
        format!("the catalogue is {len} bytes, more than the limit of {MAX_FILE_BYTES}"),
        Some("split it by system into several catalogue files".to_owned()),
    )
}

/// Validates a catalogue held in memory; `shown_as` is how messages name the file.
pub fn parse(bytes: &[u8], shown_as: &str) -> Result<Catalogue, Diagnostics> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(shown_as, bytes.len() as u64));
    }
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let bytes = if bom { &bytes[3..] } else { bytes };
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&valid[line_start..])
                .chars()
                .count()
                + 1;
            let lossy = String::from_utf8_lossy(bytes);
            let mut report = diagnostic::Report::new(shown_as, &lossy);
            report.error(
                Position { line, column },
                format!(
                    "the catalogue is not valid UTF-8 (byte {} is not)",
                    // Counted in the file, byte order mark included.
                    error.valid_up_to() + if bom { 3 } else { 0 }
                ),
                Some("save the file as UTF-8".to_owned()),
            );
            return report.finish(None);
        }
    };
    // YAML breaks lines at CR, LF and CRLF alike; so must every stage that counts lines.
    let text = normalize_line_breaks(text);
    let text = text.as_ref();
    let mut report = diagnostic::Report::new(shown_as, text);
    // The parser also breaks lines at NEL, U+2028 and U+2029, which editors show as nothing
    // or as a space: text after one on a line can be read as a key of its own (`title: X‹U+2028›
    // internal: true`). Refused wherever they stand.
    if let Some(index) = text.find(['\u{85}', '\u{2028}', '\u{2029}']) {
        let separator = text[index..].chars().next().unwrap_or_default();
        let before = &text[..index];
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        let name = match separator {
            '\u{85}' => "next line",
            '\u{2028}' => "line separator",
            _ => "paragraph separator",
        };
        report.error(
            Position {
                line: before.matches('\n').count() + 1,
                column: before[line_start..].chars().count() + 1,
            },
            format!(
                "the file holds U+{:04X} ({name}), which YAML reads as a line break though \
                 editors do not show one",
                u32::from(separator)
            ),
            Some(format!(
                "remove it; in a double-quoted string, `\\u{:04X}` writes the character",
                u32::from(separator)
            )),
        );
        return report.finish(None);
    }
    let root = match yaml::parse(text) {
        Ok(root) => root,
        Err(error) if error.message.contains("more than one document") => {
            // The parser gives no position for this one: the line that starts the second.
            let line = second_document(text).unwrap_or(1);
            report.error(
                Position { line, column: 1 },
                "a catalogue is one YAML document; this line starts a second",
                Some(
                    "remove it and what follows, or move that into a catalogue file of its own"
                        .to_owned(),
                ),
            );
            return report.finish(None);
        }
        Err(error) => {
            match syntax::explain(text, error.position) {
                Some(explained) => report.error_spanning(
                    explained.position,
                    explained.width,
                    explained.message,
                    Some(explained.help),
                ),
                None => report.error(
                    error.position,
                    format!("invalid YAML: {}", error.message),
                    Some(syntax_help(&error.message).to_owned()),
                ),
            }
            return report.finish(None);
        }
    };
    let outline = outline::Outline::scan(text);
    let catalogue = validate::validate(&root, &outline, &mut report);
    report.finish(catalogue)
}

/// The line (from 1) of the marker that starts a second YAML document in `text`: a `---` after
/// content, or after the `---` that starts the first; or a `...` that ends the first followed by
/// more.
fn second_document(text: &str) -> Option<usize> {
    let mut content = false;
    for (index, line) in text.lines().enumerate() {
        let marker = line == "---" || line.starts_with("--- ") || line == "...";
        if marker {
            if content || line == "..." {
                return Some(index + 1);
            }
            content = true;
        } else if !line.trim().is_empty() && !line.trim_start().starts_with('#') {
            content = true;
        }
    }
    None
}

/// A hint for the YAML parser's errors that have a known cause.
fn syntax_help(message: &str) -> &'static str {
    if message.contains("repetition limit") || message.contains(yaml::EXPANSION_LIMIT) {
        "the file expands aliases (`*name`) too many times; write the values out instead"
    } else if message.contains("recursion limit") {
        "values are nested too deeply; a catalogue needs no more than four levels"
    } else if message.contains("cannot start any token") {
        "fix the YAML syntax at this point; indent with spaces, not tabs"
    } else {
        "fix the YAML syntax at this point"
    }
}

/// `text` with every CRLF and lone CR turned into LF, so that line numbers mean the same to the
/// YAML parser, the outline and the quoted lines.
fn normalize_line_breaks(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}
