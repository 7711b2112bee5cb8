//! `unkey-errors openapi`: an OpenAPI 3.1 document of the catalogue's error responses.

use std::path::Path;

use unkey_errors_cli::export::openapi;

use super::Failure;
use crate::Output;

/// Prints, writes or checks the document, whose `info.version` is `api_version`.
pub fn run(catalogue: &Path, api_version: &str, output: &Output) -> Result<(), Failure> {
    let (catalogue, _) = super::load(catalogue)?;
    super::deliver(output, &openapi::render(&catalogue, api_version))
}
