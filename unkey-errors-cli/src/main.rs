//! `unkey-errors`: render, check, diff and explain an error catalogue, and export it to other
//! tools and languages.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use unkey_errors_catalogue::Catalogue;
use unkey_errors_cli::diff::{self, Change, Class, Kind};
use unkey_errors_cli::export::{self, go, openapi, schema, typescript};
use unkey_errors_cli::{explain, render, tree};

/// Render, check, diff and explain the errors of an unkey-errors catalogue, and export it to
/// other tools and languages.
#[derive(Parser)]
#[command(name = "unkey-errors", version)]
struct Cli {
    /// The catalogue file. A relative path is resolved from the current directory.
    #[arg(long, global = true, default_value = "errors.yaml")]
    catalogue: PathBuf,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write the docs tree: OUT/errors/SYSTEM/CATEGORY/SPECIFIC.mdx, overview.mdx,
    /// navigation.json, llms.txt and the manifest .unkey-errors-manifest.
    ///
    /// Only files that an earlier run wrote (listed in the manifest) and that nobody edited since
    /// are removed when they are no longer rendered; any other file under OUT/errors/ is left
    /// alone. Every file written or removed is named.
    Docs {
        /// The docs root.
        #[arg(long, default_value = "docs")]
        out: PathBuf,
        /// Print what would be written and removed, and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Exit non-zero when a generated file under OUT/errors/ is missing, stale or no longer
    /// rendered.
    ///
    /// Each such file is listed, a stale one with the start of a diff from the file on disk to
    /// the render. Files the docs command did not write are ignored.
    Check {
        /// The docs root.
        #[arg(long, default_value = "docs")]
        out: PathBuf,
    },
    /// Compare two catalogue files and classify every change as breaking, additive or docs.
    ///
    /// Breaking: a code removed (or probably renamed), a status, title or errors_array changed,
    /// docs_base_url changed, exhaustive turned off, a code added while both are exhaustive, a
    /// surface no longer sending a code, the gateway's status or title changed. Additive: a code
    /// added, deprecated or undeprecated, a surface starting to send a code, exhaustive turned
    /// on. Docs: anything else. Exits 1 when a change is breaking (unless --allow-breaking), 2 when a file cannot be
    /// read or is invalid, 0 otherwise. --catalogue is not used.
    #[command(after_long_help = "Against a git revision:\n  \
        git show v0.1.0:errors.yaml > /tmp/old.yaml && unkey-errors diff /tmp/old.yaml errors.yaml")]
    Diff {
        /// The earlier catalogue.
        old: PathBuf,
        /// The later catalogue.
        new: PathBuf,
        /// Print the changes as JSON.
        #[arg(long)]
        json: bool,
        /// Exit 0 even when a change is breaking.
        #[arg(long)]
        allow_breaking: bool,
    },
    /// Print a code's page for the terminal.
    Explain {
        /// The code, in any letter case, e.g. err:unkey:authorization:forbidden, or the `type`
        /// URL of a response, e.g. https://unkey.com/docs/errors/unkey/authorization/forbidden.
        code: String,
    },
    /// List every code with its status and title, and whether it is deprecated.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Print the JSON Schema of the catalogue format, for editors' completion and hover text.
    ///
    /// The schema describes the format, not one catalogue, so --catalogue is not used. Unkey's
    /// is committed at docs/catalogue.schema.json; errors.yaml names it in its first line.
    Schema {
        #[command(flatten)]
        output: Output,
    },
    /// Print an OpenAPI 3.1 document of the catalogue's error responses.
    ///
    /// components.schemas holds the envelope; components.responses one response per status
    /// (Error400, Error404, …), with every code of that status as a named example.
    Openapi {
        /// The document's info.version.
        #[arg(long, default_value = openapi::DEFAULT_API_VERSION)]
        api_version: String,
        #[command(flatten)]
        output: Output,
    },
    /// Read a folder of Mintlify error pages back into a catalogue.
    ///
    /// Every page (.mdx or .md, recursively) with a code becomes an entry. A fact a page does
    /// not state is left out, so loading the catalogue lists each one at its line. The report
    /// names, at its file:line, every part of a page that did not land and why. See
    /// docs/import.md. --catalogue is not used.
    Import {
        /// The folder of pages, e.g. docs/errors.
        dir: PathBuf,
        /// Write the catalogue to FILE instead of printing it.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Write the report to FILE instead of printing it to stderr.
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
    },
    /// Generate the catalogue's codes as a TypeScript or Go module.
    Gen {
        /// The language of the module.
        #[arg(long, value_enum)]
        lang: Lang,
        /// The Go package's name (Go only).
        #[arg(long, default_value = "codes")]
        package: String,
        #[command(flatten)]
        output: Output,
    },
}

/// Where an export goes, and whether to check it instead.
#[derive(Args)]
struct Output {
    /// Write to FILE instead of printing.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Write nothing; exit 1, showing the difference, when FILE differs from a fresh render.
    #[arg(long, requires = "out")]
    check: bool,
}

/// A language `gen` writes.
#[derive(Clone, Copy, ValueEnum)]
enum Lang {
    /// A TypeScript module (.ts).
    Typescript,
    /// A Go package (.go).
    Go,
}

/// Exit status of `diff` when a catalogue cannot be read or is invalid.
const UNREADABLE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Diff {
            old,
            new,
            json,
            allow_breaking,
        } => return run_diff(old, new, *json, *allow_breaking),
        Command::Docs { out, dry_run } => with_catalogue(&cli.catalogue, |catalogue| {
            run_docs(catalogue, out, *dry_run)
        }),
        Command::Check { out } => {
            with_catalogue(&cli.catalogue, |catalogue| run_check(catalogue, out))
        }
        Command::Explain { code } => {
            with_catalogue(&cli.catalogue, |catalogue| run_explain(catalogue, code))
        }
        Command::List { json } => with_catalogue(&cli.catalogue, |catalogue| {
            print!(
                "{}",
                if *json {
                    explain::json(catalogue)
                } else {
                    explain::table(catalogue)
                }
            );
            Ok(())
        }),
        Command::Import { dir, out, report } => {
            unkey_errors_cli::import::run(dir, out.as_deref(), report.as_deref())
        }
        Command::Schema { output } => run_export(output, &schema::render()),
        Command::Openapi {
            api_version,
            output,
        } => with_catalogue(&cli.catalogue, |catalogue| {
            run_export(output, &openapi::render(catalogue, api_version))
        }),
        Command::Gen {
            lang,
            package,
            output,
        } => with_catalogue(&cli.catalogue, |catalogue| {
            let module = match lang {
                Lang::Typescript => typescript::module(catalogue),
                Lang::Go => {
                    if !go::is_package_name(package) {
                        return Err(format!(
                            "error: `{package}` is not a Go package name; use lowercase ASCII \
                             letters, digits and `_`, starting with a letter"
                        ));
                    }
                    go::module(catalogue, package)
                }
            };
            run_export(output, &module)
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// Loads the catalogue at `path` and runs `command` on it.
fn with_catalogue(
    path: &Path,
    command: impl FnOnce(&Catalogue) -> Result<(), String>,
) -> Result<(), String> {
    command(&load(path)?.0)
}

/// The catalogue at `path` and its text, or every problem with it, printable.
fn load(path: &Path) -> Result<(Catalogue, String), String> {
    let shown_as = path.display().to_string();
    let catalogue = unkey_errors_catalogue::load_with_path_help(
        path,
        &shown_as,
        "check the path; a relative path is resolved from the current directory",
    )
    .map_err(|problems| problems.to_string())?;
    // The text only locates top-level keys; the file was just read, so failing now is unlikely
    // and costs only those lines.
    let text = std::fs::read_to_string(path).unwrap_or_default();
    Ok((catalogue, text))
}

/// Prints `rendered`, writes it to the output file, or checks that file against it.
fn run_export(output: &Output, rendered: &str) -> Result<(), String> {
    let Some(path) = &output.out else {
        print!("{rendered}");
        return Ok(());
    };
    if !output.check {
        return std::fs::write(path, rendered)
            .map_err(|error| format!("error: cannot write {}: {error}", path.display()));
    }
    match export::compare(path, rendered)
        .map_err(|error| format!("error: cannot read {}: {error}", path.display()))?
    {
        None => {
            println!("{} matches a fresh render", path.display());
            Ok(())
        }
        Some(difference) => Err(format!(
            "error: {difference}help: run the same command without --check and commit the result"
        )),
    }
}

fn run_explain(catalogue: &Catalogue, code: &str) -> Result<(), String> {
    if let Some(entry) = explain::find(catalogue, code) {
        print!("{}", explain::explain(catalogue, entry));
        return Ok(());
    }
    let hint = unkey_errors_catalogue::did_you_mean(
        &catalogue.suggest(&explain::as_code(catalogue, code)),
    );
    Err(match hint {
        Some(hint) => format!("error: unknown error code `{code}`; {hint}"),
        None => format!("error: unknown error code `{code}`; `unkey-errors list` shows them all"),
    })
}

fn run_docs(catalogue: &Catalogue, out: &Path, dry_run: bool) -> Result<(), String> {
    let rendered = render::tree(catalogue);
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

fn run_check(catalogue: &Catalogue, out: &Path) -> Result<(), String> {
    let rendered = render::tree(catalogue);
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
    report.push_str(&format!(
        "help: run `cargo run -p unkey-errors-cli -- docs --out {}` and commit the result",
        out.display()
    ));
    Err(report)
}

fn run_diff(old_path: &Path, new_path: &Path, json: bool, allow_breaking: bool) -> ExitCode {
    let (old, new) = match (load(old_path), load(new_path)) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            for problems in [old.err(), new.err()].into_iter().flatten() {
                eprintln!("{problems}");
            }
            return ExitCode::from(UNREADABLE);
        }
    };
    let mut changes = diff::diff(&old.0, &new.0);
    diff::place_top_level_changes(&mut changes, &old.1, &new.1);
    let counts = diff::count_by_class(&changes);
    let (old_name, new_name) = (old_path.display(), new_path.display());
    if json {
        let document = serde_json::json!({
            "old": old_name.to_string(),
            "new": new_name.to_string(),
            "changes": changes.iter().map(Change::to_json).collect::<Vec<_>>(),
            "summary": {
                "breaking": counts[0],
                "additive": counts[1],
                "docs": counts[2],
            },
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&document).unwrap_or_default()
        );
    } else {
        print!(
            "{}",
            diff_report(&changes, &old_name.to_string(), &new_name.to_string())
        );
    }
    let breaking = counts[0];
    if breaking > 0 && !allow_breaking {
        eprintln!(
            "error: {breaking} breaking change{} from {old_name} to {new_name}; \
             pass --allow-breaking if they are intended",
            if breaking == 1 { "" } else { "s" }
        );
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// The human report: changes grouped by class, one line each, then a one-line summary.
fn diff_report(changes: &[Change], old_name: &str, new_name: &str) -> String {
    let mut report = String::new();
    for class in Class::ALL {
        let of_class: Vec<&Change> = changes.iter().filter(|c| c.class == class).collect();
        if of_class.is_empty() {
            continue;
        }
        report.push_str(&format!("{class} ({}):\n", of_class.len()));
        for change in of_class {
            let place = match (change.old_line, change.new_line) {
                (Some(old), Some(new)) => format!("{old_name}:{old} -> {new_name}:{new}"),
                (Some(old), None) => format!("{old_name}:{old}"),
                (None, Some(new)) => format!("{new_name}:{new}"),
                (None, None) => format!("{old_name} -> {new_name}"),
            };
            report.push_str(&format!("  {}  ({place})\n", describe_change(change)));
        }
    }
    let counts = diff::count_by_class(changes);
    if changes.is_empty() {
        report.push_str(&format!("no changes from {old_name} to {new_name}\n"));
    } else {
        report.push_str(&format!(
            "{} breaking, {} additive, {} docs change{} from {old_name} to {new_name}\n",
            counts[0],
            counts[1],
            counts[2],
            if counts[2] == 1 { "" } else { "s" }
        ));
    }
    report
}

/// One change in words, naming its code first.
fn describe_change(change: &Change) -> String {
    let shown = |value: &Option<serde_json::Value>| {
        value
            .as_ref()
            .map_or_else(|| "none".to_owned(), ToString::to_string)
    };
    let what = match change.kind {
        Kind::Removed => "removed".to_owned(),
        Kind::Renamed => format!(
            "removed, probably renamed to {}",
            change.code.as_deref().unwrap_or_default()
        ),
        Kind::Added => "added".to_owned(),
        Kind::Deprecated => format!(
            "deprecated: {}",
            change
                .new
                .as_ref()
                .and_then(|v| v.as_str())
                .unwrap_or_default()
        ),
        Kind::Undeprecated => "no longer deprecated".to_owned(),
        Kind::WhatHappened | Kind::HowToFix | Kind::CommonMistakes => {
            format!("{} changed", change.kind)
        }
        Kind::Related => {
            let list = |value: &Option<serde_json::Value>| -> Vec<String> {
                value
                    .as_ref()
                    .and_then(|v| v.as_array())
                    .map(|codes| {
                        codes
                            .iter()
                            .filter_map(|c| c.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default()
            };
            let (old, new) = (list(&change.old), list(&change.new));
            let mut parts: Vec<String> = new
                .iter()
                .filter(|code| !old.contains(code))
                .map(|code| format!("+{code}"))
                .collect();
            parts.extend(
                old.iter()
                    .filter(|code| !new.contains(code))
                    .map(|code| format!("-{code}")),
            );
            if parts.is_empty() {
                "related reordered".to_owned()
            } else {
                format!("related {}", parts.join(" "))
            }
        }
        _ => format!(
            "{}: {} -> {}",
            change.kind,
            shown(&change.old),
            shown(&change.new)
        ),
    };
    let subject = match change.kind {
        Kind::Renamed => change.rename_of.as_deref(),
        _ => change.code.as_deref(),
    };
    match subject {
        Some(code) => format!("{code}  {what}"),
        None => what,
    }
}
