//! `unkey-errors`: render, check, diff, lint and explain an error catalogue, and export it to
//! other tools and languages.
//!
//! This file only declares the arguments and hands each command to its module in [`command`].

mod command;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use unkey_errors_cli::export::openapi;

/// Render, check, diff and explain the errors of an unkey-errors catalogue, and export it to
/// other tools and languages.
#[derive(Parser)]
#[command(name = "unkey-errors", version)]
struct Cli {
    /// The catalogue file. A relative path is resolved from the current directory.
    #[arg(long, global = true, default_value = unkey_errors_cli::DEFAULT_CATALOGUE)]
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
    /// Compare two catalogue files and classify every change as breaking, wire, additive or docs.
    ///
    /// Breaking: a code removed (or probably renamed); a status, title or errors_array changed;
    /// docs_base_url changed; exhaustive turned off; a code added while both are exhaustive; a
    /// surface no longer sending a code; the gateway's status or title changed; a framework
    /// condition's code changed, added or removed.
    ///
    /// Wire: the bytes of a response change, not its contract: the description of a 5xx code
    /// (the detail sent for a server error) or of a gateway code whose message comes from the
    /// error (the gateway's default message), and the gateway's message.
    ///
    /// Additive: a code added, deprecated or undeprecated; a surface starting to send a code;
    /// exhaustive turned on; entries moved or inserted, which changes Code's discriminants
    /// (`as u16`) and the order of Code::ALL, neither stable across releases (Code orders by
    /// URN).
    ///
    /// Docs: anything else, the detail (only the docs' example) included.
    ///
    /// A removed and an added code are a probable rename when they share system and category,
    /// or title, and no other code does; the added code is still listed as added. Exits 1 when
    /// a change is breaking (unless --allow-breaking), 2 when a file cannot be read or is
    /// invalid, 0 otherwise. --catalogue is not used.
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
    /// Check what validation cannot: sections that say nothing, code identifiers in prose,
    /// titles that are not reason phrases, names that imply another status, codes nothing sends
    /// (with --sources), related codes not listed back, and copied prose.
    ///
    /// Each finding names its rule, the entry's code and line, and how to fix it. An entry
    /// allows a rule with `lint: { allow: { RULE: "reason" } }`; the rules and the top-level
    /// `lint:` settings are in docs/catalogue.md. Exits 1 on an error, or on any finding with
    /// --deny warnings; 2 when the catalogue or a source cannot be read.
    Lint {
        /// A directory (or a file) of the Rust sources that send the catalogue's codes;
        /// repeatable. Turns on the unused-code rule.
        #[arg(long, value_name = "DIR")]
        sources: Vec<PathBuf>,
        /// Print the findings as a JSON array of objects with `rule`, `code`, `line`,
        /// `severity` and `message`.
        #[arg(long)]
        json: bool,
        /// `--deny warnings`: exit 1 on warnings too.
        #[arg(long, value_enum, value_name = "LEVEL")]
        deny: Option<Deny>,
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
    /// Generate the catalogue's codes as a TypeScript or Go module, or Prometheus alerting
    /// rules on the error counter.
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
    /// Prometheus alerting rules (.yaml): per system, its server errors on the
    /// `error_responses_total` counter.
    PrometheusRules,
}

/// Findings that fail `lint` besides errors.
#[derive(Clone, Copy, ValueEnum)]
enum Deny {
    /// Warnings fail the run too.
    Warnings,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let catalogue = cli.catalogue.as_path();
    let result = match &cli.command {
        Command::Docs { out, dry_run } => command::docs::run(catalogue, out, *dry_run),
        Command::Check { out } => command::check::run(catalogue, out),
        Command::Diff {
            old,
            new,
            json,
            allow_breaking,
        } => command::diff::run(old, new, *json, *allow_breaking),
        Command::Lint {
            sources,
            json,
            deny,
        } => command::lint::run(catalogue, sources, *json, deny.is_some()),
        Command::Import { dir, out, report } => {
            command::import::run(dir, out.as_deref(), report.as_deref())
        }
        Command::Explain { code } => command::explain::run(catalogue, code),
        Command::List { json } => command::list::run(catalogue, *json),
        Command::Schema { output } => command::schema::run(output),
        Command::Openapi {
            api_version,
            output,
        } => command::openapi::run(catalogue, api_version, output),
        Command::Gen {
            lang,
            package,
            output,
        } => command::generate::run(catalogue, *lang, package, output),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}
