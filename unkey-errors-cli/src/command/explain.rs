//! `unkey-errors explain`: print a code's page for the terminal.

use std::path::Path;

use unkey_errors_cli::explain;

use super::Failure;

/// Prints the page of the code that `code` names, or suggests the closest codes.
pub fn run(catalogue: &Path, code: &str) -> Result<(), Failure> {
    let (catalogue, _) = super::load(catalogue)?;
    if let Some(entry) = explain::find(&catalogue, code) {
        print!("{}", explain::explain(&catalogue, entry));
        return Ok(());
    }
    let hint = unkey_errors_catalogue::did_you_mean(
        &catalogue.suggest(&explain::as_code(&catalogue, code)),
    );
    Err(match hint {
        Some(hint) => format!("error: unknown error code `{code}`; {hint}"),
        None => format!("error: unknown error code `{code}`; `unkey-errors list` shows them all"),
    }
    .into())
}
