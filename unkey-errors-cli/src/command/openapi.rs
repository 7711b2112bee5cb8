//! `unkey-errors openapi`: an OpenAPI 3.1 document of the catalogue's error responses.

use std::path::Path;

use unkey_errors_cli::export::{Origin, openapi, shell_word};

use super::Failure;
use crate::Output;

/// Prints, writes or checks the document, whose `info.version` is `api_version`.
pub fn run(catalogue: &Path, api_version: &str, output: &Output) -> Result<(), Failure> {
    let (parsed, _) = super::load(catalogue)?;
    let args = if api_version == openapi::DEFAULT_API_VERSION {
        "openapi".to_owned()
    } else {
        format!("openapi --api-version {}", shell_word(api_version))
    };
    let origin = Origin::new(&catalogue.display().to_string(), &args);
    super::deliver(output, &openapi::render(&parsed, api_version, &origin))
}
