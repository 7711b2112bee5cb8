//! `unkey-errors`: render, check and explain an error catalogue.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use unkey_errors_catalogue::Catalogue;
use unkey_errors_docs::{explain, render, tree};

/// Render, check and explain the errors of an unkey-errors catalogue.
#[derive(Parser)]
#[command(name = "unkey-errors", version)]
struct Cli {
    /// The catalogue file.
    #[arg(long, global = true, default_value = "errors.yaml")]
    catalogue: PathBuf,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write the docs tree: OUT/errors/SYSTEM/CATEGORY/SPECIFIC.mdx, overview.mdx,
    /// navigation.json and llms.txt. Files under OUT/errors/ that are no longer rendered are removed.
    Docs {
        /// The docs root.
        #[arg(long)]
        out: PathBuf,
    },
    /// Exit non-zero, listing every file under OUT/errors/ that is missing, stale or extra.
    Check {
        /// The docs root.
        #[arg(long)]
        out: PathBuf,
    },
    /// Print a code's page for the terminal.
    Explain {
        /// The code, e.g. err:unkey:authorization:forbidden.
        code: String,
    },
    /// List every code with its status and title.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let shown_as = cli.catalogue.display().to_string();
    let catalogue = match unkey_errors_catalogue::load(&cli.catalogue, &shown_as) {
        Ok(catalogue) => catalogue,
        Err(problems) => {
            eprintln!("{problems}");
            return ExitCode::FAILURE;
        }
    };
    match run(&cli.command, &catalogue) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: &Command, catalogue: &Catalogue) -> Result<(), String> {
    match command {
        Command::Docs { out } => {
            let rendered = render::tree(catalogue);
            let (written, removed) = tree::write(out, &rendered).map_err(|error| {
                format!(
                    "error: cannot write the docs under {}: {error}",
                    out.display()
                )
            })?;
            println!(
                "{} files rendered under {}: {written} written, {removed} removed, {} unchanged",
                rendered.len(),
                out.join(render::ERRORS_DIR).display(),
                rendered.len() - written
            );
            Ok(())
        }
        Command::Check { out } => {
            let rendered = render::tree(catalogue);
            let drift = tree::check(out, &rendered).map_err(|error| {
                format!(
                    "error: cannot read the docs under {}: {error}",
                    out.display()
                )
            })?;
            if drift.is_empty() {
                println!(
                    "{} files under {} match errors.yaml",
                    rendered.len(),
                    out.join(render::ERRORS_DIR).display()
                );
                return Ok(());
            }
            let count = match drift.len() {
                1 => "1 file differs".to_owned(),
                n => format!("{n} files differ"),
            };
            let mut report = format!("error: {count} from a fresh render of the catalogue:\n");
            for (kind, path) in &drift {
                report.push_str(&format!("  {kind:<7} {}\n", out.join(path).display()));
            }
            report.push_str(&format!(
                "help: run `cargo run -p unkey-errors-docs -- docs --out {}` and commit the result",
                out.display()
            ));
            Err(report)
        }
        Command::Explain { code } => match catalogue.get(code) {
            Some(entry) => {
                print!("{}", explain::explain(catalogue, entry));
                Ok(())
            }
            None => {
                let hint = unkey_errors_catalogue::did_you_mean(&catalogue.suggest(code));
                Err(match hint {
                    Some(hint) => format!("error: unknown error code `{code}`; {hint}"),
                    None => format!(
                        "error: unknown error code `{code}`; `unkey-errors list` shows them all"
                    ),
                })
            }
        },
        Command::List { json } => {
            print!(
                "{}",
                if *json {
                    explain::json(catalogue)
                } else {
                    explain::table(catalogue)
                }
            );
            Ok(())
        }
    }
}
