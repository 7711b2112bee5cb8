//! `unkey-errors explain`: print a code's page for the terminal.

use std::path::Path;

use unkey_errors_cli::explain;

use super::Failure;

/// Prints the page of the code that `code` names, or suggests the closest codes.
pub fn run(catalogue: &Path, code: &str) -> Result<(), Failure> {
    let (parsed, _) = super::load(catalogue)?;
    if let Some(entry) = explain::find(&parsed, code) {
        print!("{}", explain::explain(&parsed, entry));
        return Ok(());
    }
    let hint =
        unkey_errors_catalogue::did_you_mean(&parsed.suggest(&explain::as_code(&parsed, code)));
    Err(match hint {
        Some(hint) => format!("error: unknown error code `{code}`; {hint}"),
        None => format!(
            "error: unknown error code `{code}`; `{}` shows them all",
            super::suggest(catalogue, "list")
        ),
    }
    .into())
}
