//! `unkey-errors import`: a folder of error pages back into a catalogue, with a report.

use std::path::Path;

use super::Failure;

/// Imports the pages under `dir`; see [`unkey_errors_cli::import::run`].
pub fn run(dir: &Path, out: Option<&Path>, report: Option<&Path>) -> Result<(), Failure> {
    unkey_errors_cli::import::run(dir, out, report).map_err(Failure::from)
}
