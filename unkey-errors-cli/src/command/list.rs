//! `unkey-errors list`: every code with its status and title, as a table or JSON.

use std::path::Path;

use unkey_errors_cli::explain;

use super::Failure;

/// Prints the catalogue's codes, as JSON when `json` is set.
pub fn run(catalogue: &Path, json: bool) -> Result<(), Failure> {
    let (catalogue, _) = super::load(catalogue)?;
    print!(
        "{}",
        if json {
            explain::json(&catalogue)
        } else {
            explain::table(&catalogue)
        }
    );
    Ok(())
}
