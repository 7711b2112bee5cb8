//! Any bytes as an MDX error page: `unkey-errors import` reads it or reports it, never panics,
//! and every finding points at a line of the page. The catalogue it writes for the page, with
//! every gap filled so the loader must accept it, reads back through the loader with exactly
//! the strings the page gave (one-line fields trimmed and sections trimmed at the end, as the
//! loader does).
#![no_main]

use libfuzzer_sys::fuzz_target;
use unkey_errors_cli::import::{self, ImportedEntry};

fuzz_target!(|bytes: &[u8]| {
    let import = import::import_pages(&[("s/c/x.mdx".to_owned(), bytes.to_vec())], "d");
    // Lines as the page reader counts them: LF, CRLF and CR each end one.
    let text = String::from_utf8_lossy(bytes)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let lines = text.split('\n').count();
    for finding in &import.report.findings {
        assert!(finding.line >= 1 && finding.line <= lines, "{finding}");
    }
    let _ = import.report.to_string();
    let _ = import.catalogue();
    for entry in &import.entries {
        round_trip(entry);
    }
});

/// One line the loader accepts: not blank, no line break nor any other control character,
/// no byte order mark.
fn one_line(value: &Option<String>) -> Option<String> {
    value
        .as_ref()
        .filter(|v| {
            !v.trim().is_empty()
                && !v
                    .trim()
                    .contains(|c: char| c.is_control() || c == '\u{feff}')
        })
        .cloned()
}

/// `entry` with every gap and every value the loader rejects replaced, written, loaded, and
/// compared with what was written.
fn round_trip(entry: &ImportedEntry) {
    let mut complete = entry.clone();
    // A page's code may be one the validator rejects (reserved words, malformed); this checks
    // the writing of the other strings.
    complete.code = "err:fuzz:page:entry".to_owned();
    complete.status = complete
        .status
        .filter(|s| (400..=599).contains(s))
        .or(Some(400));
    complete.title = one_line(&complete.title).or(Some("T".to_owned()));
    complete.description = one_line(&complete.description).or(Some("D".to_owned()));
    complete.detail = one_line(&complete.detail).or(Some("d".to_owned()));
    complete.deprecated = one_line(&complete.deprecated);
    complete.related.clear();
    if let Some(gateway) = &mut complete.gateway {
        gateway.status = gateway.status.filter(|s| (400..=599).contains(s));
        gateway.title = one_line(&gateway.title);
        gateway.message = one_line(&gateway.message);
        gateway.message_from_error = gateway.message.is_none();
    }
    for section in [
        &mut complete.what_happened,
        &mut complete.how_to_fix,
        &mut complete.common_mistakes,
    ] {
        if section.as_deref().is_none_or(|s| s.trim().is_empty()) {
            *section = Some("x".to_owned());
        }
    }
    let text =
        import::write::catalogue(Some("https://x.example/errors"), None, &[complete.clone()]);
    let catalogue = match unkey_errors_catalogue::parse(text.as_bytes(), "imported.yaml") {
        Ok(catalogue) => catalogue,
        Err(problems) => panic!("{problems}\n---\n{text}"),
    };
    let got = &catalogue.entries()[0];
    let trimmed = |value: &Option<String>| value.as_deref().map(|v| v.trim().to_owned());
    assert_eq!(Some(got.status), complete.status);
    assert_eq!(Some(got.title.clone()), trimmed(&complete.title));
    assert_eq!(
        Some(got.description.clone()),
        trimmed(&complete.description)
    );
    assert_eq!(Some(got.detail.clone()), trimmed(&complete.detail));
    assert_eq!(got.deprecated, trimmed(&complete.deprecated));
    assert_eq!(got.errors_array, complete.errors_array);
    assert_eq!(got.api, complete.api);
    if let (Some(gateway), Some(written)) = (&got.gateway, &complete.gateway) {
        assert_eq!(gateway.message, trimmed(&written.message));
        if complete.api {
            if let Some(title) = trimmed(&written.title) {
                assert_eq!(gateway.title, title);
            }
        }
    } else {
        assert_eq!(got.gateway.is_some(), complete.gateway.is_some());
    }
    for (got, written) in [
        (&got.what_happened, &complete.what_happened),
        (&got.how_to_fix, &complete.how_to_fix),
        (&got.common_mistakes, &complete.common_mistakes),
    ] {
        assert_eq!(Some(got.as_str()), written.as_deref().map(str::trim_end));
    }
}
