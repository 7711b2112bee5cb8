//! `unkey-errors lint`: what validation cannot see, as findings with a rule, a line and a fix.

use std::path::{Path, PathBuf};

use unkey_errors_cli::lint;

use super::{Failure, UNREADABLE, load};

/// Lints the catalogue at `path`, with the unused-code rule when `sources` are given, and
/// prints the findings (as JSON when `json` is set). Fails with 1 on an error, or on any
/// finding when `deny_warnings`, and with 2 when the catalogue or a source cannot be read.
pub fn run(
    path: &Path,
    sources: &[PathBuf],
    json: bool,
    deny_warnings: bool,
) -> Result<(), Failure> {
    let (catalogue, text) = load(path).map_err(|problems| Failure::new(problems, UNREADABLE))?;
    let uses = if sources.is_empty() {
        None
    } else {
        let uses = lint::Uses::scan(sources, &catalogue)
            .map_err(|message| Failure::new(message, UNREADABLE))?;
        Some(uses)
    };
    let outcome = lint::lint(&lint::Context {
        catalogue: &catalogue,
        text: &text,
        sources: uses.as_ref(),
    });
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&outcome.to_json()).unwrap_or_default()
        );
    } else {
        let shown = path.display().to_string();
        print!("{}", outcome.to_text(&shown, catalogue.entries().len()));
    }
    if !outcome.fails(deny_warnings) {
        return Ok(());
    }
    let errors = outcome.count(lint::Severity::Error);
    let failing = if errors > 0 {
        format!("{errors} error{}", if errors == 1 { "" } else { "s" })
    } else {
        let warnings = outcome.count(lint::Severity::Warning);
        format!(
            "{warnings} warning{}, denied by --deny warnings",
            if warnings == 1 { "" } else { "s" }
        )
    };
    Err(Failure::from(format!(
        "error: lint found {failing}\nhelp: fix each finding, or allow its rule on the entry with \
         the reason it does not apply: `lint: {{ allow: {{ <rule>: \"<why>\" }} }}`"
    )))
}
