//! `unkey-errors gen`: the catalogue's codes as a TypeScript or Go module. (`gen` is a
//! reserved word in Rust 2024, so the module is named for what the command does.)

use std::path::Path;

use unkey_errors_cli::export::{go, typescript};

use super::Failure;
use crate::{Lang, Output};

/// Prints, writes or checks the module in `lang`; `package` names the Go package.
pub fn run(catalogue: &Path, lang: Lang, package: &str, output: &Output) -> Result<(), Failure> {
    let (catalogue, _) = super::load(catalogue)?;
    let module = match lang {
        Lang::Typescript => typescript::module(&catalogue),
        Lang::Go => {
            if !go::is_package_name(package) {
                return Err(format!(
                    "error: `{package}` is not a Go package name; use lowercase ASCII \
                     letters, digits and `_`, starting with a letter"
                )
                .into());
            }
            go::module(&catalogue, package)
        }
    };
    super::deliver(output, &module)
}
