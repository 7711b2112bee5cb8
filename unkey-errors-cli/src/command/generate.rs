//! `unkey-errors gen`: the catalogue's codes as a TypeScript or Go module, or Prometheus
//! alerting rules on the error counter. (`gen` is a reserved word in Rust 2024, so the module
//! is named for what the command does.)

use std::path::Path;

use unkey_errors_cli::export::{Origin, go, prometheus, typescript};

use super::Failure;
use crate::{Lang, Output};

/// Prints, writes or checks the module (or rules) in `lang`; `package` names the Go package.
pub fn run(catalogue: &Path, lang: Lang, package: &str, output: &Output) -> Result<(), Failure> {
    let (parsed, _) = super::load(catalogue)?;
    let shown = catalogue.display().to_string();
    let module = match lang {
        Lang::Typescript => {
            typescript::module(&parsed, &Origin::new(&shown, "gen --lang typescript"))
        }
        Lang::Go => {
            if !go::is_package_name(package) {
                return Err(format!(
                    "error: `{package}` is not a Go package name; use lowercase ASCII \
                     letters, digits and `_`, starting with a letter"
                )
                .into());
            }
            let args = format!("gen --lang go --package {package}");
            go::module(&parsed, package, &Origin::new(&shown, &args))
        }
        Lang::PrometheusRules => {
            prometheus::rules(&parsed, &Origin::new(&shown, "gen --lang prometheus-rules"))
        }
    };
    super::deliver(output, &module)
}
