//! `unkey-errors docs`: write the docs tree, removing only the pages an earlier run wrote.

use std::path::Path;

use unkey_errors_cli::{render, tree};

use super::Failure;

/// Renders the catalogue at `catalogue` under `out`, or with `dry_run` says what that would do.
pub fn run(catalogue: &Path, out: &Path, dry_run: bool) -> Result<(), Failure> {
    let (catalogue, _) = super::load(catalogue)?;
    let rendered = render::tree(&catalogue);
    let plan = tree::plan(out, &rendered).map_err(|error| {
        format!(
            "error: cannot read the docs under {}: {error}",
            out.display()
        )
    })?;
    let report = if dry_run {
        plan.describe(out, true)
    } else {
        tree::apply(out, &plan).map_err(|error| {
            format!(
                "error: cannot write the docs under {}: {error}",
                out.display()
            )
        })?;
        plan.describe(out, false)
    };
    print!("{report}");
    Ok(())
}
