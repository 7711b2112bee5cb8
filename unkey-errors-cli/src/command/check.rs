//! `unkey-errors check`: fail when a generated docs file is missing, stale or no longer rendered.

use std::path::Path;

use unkey_errors_cli::export::shell_word;
use unkey_errors_cli::{render, tree};

use super::Failure;

/// Compares the docs under `out` with a fresh render of the catalogue at `catalogue`.
pub fn run(catalogue: &Path, out: &Path) -> Result<(), Failure> {
    let (parsed, _) = super::load(catalogue)?;
    let rendered = render::tree(&parsed);
    let drift = tree::check(out, &rendered).map_err(|error| {
        format!(
            "error: cannot read the docs under {}: {error}",
            out.display()
        )
    })?;
    if drift.is_empty() {
        println!(
            "{} generated files under {} match the catalogue",
            rendered.len() + 1,
            out.join(render::ERRORS_DIR).display()
        );
        return Ok(());
    }
    let count = match drift.len() {
        1 => "1 file differs".to_owned(),
        n => format!("{n} files differ"),
    };
    let mut report = format!("error: {count} from a fresh render of the catalogue:\n");
    for file in &drift {
        report.push_str(&file.describe(out));
    }
    let docs = format!("docs --out {}", shell_word(&out.display().to_string()));
    report.push_str(&format!(
        "help: run `{}` and commit the result",
        super::suggest(catalogue, &docs)
    ));
    Err(report.into())
}
