//! `unkey-errors diff`: every change between two catalogues, classified, as a report or JSON.

use std::path::Path;

use unkey_errors_cli::diff::{self, Change, Class, Kind};

use super::Failure;

/// Exit status of `diff` when a catalogue cannot be read or is invalid.
const UNREADABLE: u8 = 2;

/// Compares the catalogues at `old_path` and `new_path` and prints every change, as JSON when
/// `json` is set. Fails with 1 on a breaking change unless `allow_breaking`, and with 2 when a
/// catalogue cannot be read or is invalid.
pub fn run(
    old_path: &Path,
    new_path: &Path,
    json: bool,
    allow_breaking: bool,
) -> Result<(), Failure> {
    let (old, new) = match (super::load(old_path), super::load(new_path)) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            let problems: Vec<String> = [old.err(), new.err()].into_iter().flatten().collect();
            return Err(Failure::new(problems.join("\n"), UNREADABLE));
        }
    };
    let mut changes = diff::diff(&old.0, &new.0);
    diff::place_top_level_changes(&mut changes, &old.1, &new.1);
    let counts = diff::count_by_class(&changes);
    let (old_name, new_name) = (old_path.display(), new_path.display());
    if json {
        let document = serde_json::json!({
            "old": old_name.to_string(),
            "new": new_name.to_string(),
            "changes": changes.iter().map(Change::to_json).collect::<Vec<_>>(),
            "summary": {
                "breaking": counts[0],
                "additive": counts[1],
                "docs": counts[2],
            },
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&document).unwrap_or_default()
        );
    } else {
        print!(
            "{}",
            diff_report(&changes, &old_name.to_string(), &new_name.to_string())
        );
    }
    let breaking = counts[0];
    if breaking > 0 && !allow_breaking {
        return Err(format!(
            "error: {breaking} breaking change{} from {old_name} to {new_name}; \
             pass --allow-breaking if they are intended",
            if breaking == 1 { "" } else { "s" }
        )
        .into());
    }
    Ok(())
}

/// The human report: changes grouped by class, one line each, then a one-line summary.
fn diff_report(changes: &[Change], old_name: &str, new_name: &str) -> String {
    let mut report = String::new();
    for class in Class::ALL {
        let of_class: Vec<&Change> = changes.iter().filter(|c| c.class == class).collect();
        if of_class.is_empty() {
            continue;
        }
        report.push_str(&format!("{class} ({}):\n", of_class.len()));
        for change in of_class {
            let place = match (change.old_line, change.new_line) {
                (Some(old), Some(new)) => format!("{old_name}:{old} -> {new_name}:{new}"),
                (Some(old), None) => format!("{old_name}:{old}"),
                (None, Some(new)) => format!("{new_name}:{new}"),
                (None, None) => format!("{old_name} -> {new_name}"),
            };
            report.push_str(&format!("  {}  ({place})\n", describe_change(change)));
        }
    }
    let counts = diff::count_by_class(changes);
    if changes.is_empty() {
        report.push_str(&format!("no changes from {old_name} to {new_name}\n"));
    } else {
        report.push_str(&format!(
            "{} breaking, {} additive, {} docs change{} from {old_name} to {new_name}\n",
            counts[0],
            counts[1],
            counts[2],
            if counts[2] == 1 { "" } else { "s" }
        ));
    }
    report
}

/// One change in words, naming its code first.
fn describe_change(change: &Change) -> String {
    let shown = |value: &Option<serde_json::Value>| {
        value
            .as_ref()
            .map_or_else(|| "none".to_owned(), ToString::to_string)
    };
    let what = match change.kind {
        Kind::Removed => "removed".to_owned(),
        Kind::Renamed => format!(
            "removed, probably renamed to {}",
            change.code.as_deref().unwrap_or_default()
        ),
        Kind::Added => "added".to_owned(),
        Kind::Deprecated => format!(
            "deprecated: {}",
            change
                .new
                .as_ref()
                .and_then(|v| v.as_str())
                .unwrap_or_default()
        ),
        Kind::Undeprecated => "no longer deprecated".to_owned(),
        Kind::WhatHappened | Kind::HowToFix | Kind::CommonMistakes => {
            format!("{} changed", change.kind)
        }
        Kind::Related => {
            let list = |value: &Option<serde_json::Value>| -> Vec<String> {
                value
                    .as_ref()
                    .and_then(|v| v.as_array())
                    .map(|codes| {
                        codes
                            .iter()
                            .filter_map(|c| c.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default()
            };
            let (old, new) = (list(&change.old), list(&change.new));
            let mut parts: Vec<String> = new
                .iter()
                .filter(|code| !old.contains(code))
                .map(|code| format!("+{code}"))
                .collect();
            parts.extend(
                old.iter()
                    .filter(|code| !new.contains(code))
                    .map(|code| format!("-{code}")),
            );
            if parts.is_empty() {
                "related reordered".to_owned()
            } else {
                format!("related {}", parts.join(" "))
            }
        }
        _ => format!(
            "{}: {} -> {}",
            change.kind,
            shown(&change.old),
            shown(&change.new)
        ),
    };
    let subject = match change.kind {
        Kind::Renamed => change.rename_of.as_deref(),
        _ => change.code.as_deref(),
    };
    match subject {
        Some(code) => format!("{code}  {what}"),
        None => what,
    }
}
