//! `unkey-errors diff`: every change between two catalogues, classified, as a report or JSON.

use std::path::Path;

use unkey_errors_cli::diff::{self, Class};

use super::{Failure, UNREADABLE};

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
    let (old_name, new_name) = (
        old_path.display().to_string(),
        new_path.display().to_string(),
    );
    if json {
        let document = diff::to_json(&changes, &old_name, &new_name);
        println!(
            "{}",
            serde_json::to_string_pretty(&document).unwrap_or_default()
        );
    } else {
        print!("{}", diff::report(&changes, &old_name, &new_name));
    }
    let breaking = changes
        .iter()
        .filter(|change| change.class == Class::Breaking)
        .count();
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
