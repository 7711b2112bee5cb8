//! `unkey-errors schema`: the JSON Schema of the catalogue format.

use unkey_errors_cli::export::schema;

use super::Failure;
use crate::Output;

/// Prints, writes or checks the schema; it describes the format, so no catalogue is read.
pub fn run(output: &Output) -> Result<(), Failure> {
    super::deliver(output, &schema::render())
}
