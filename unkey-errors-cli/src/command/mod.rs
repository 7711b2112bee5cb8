//! One module per command, each with the `run` function that `main` hands its arguments to.

pub mod check;
pub mod diff;
pub mod docs;
pub mod explain;
pub mod generate;
pub mod import;
pub mod lint;
pub mod list;
pub mod openapi;
pub mod schema;

use std::path::Path;
use std::process::ExitCode;

use unkey_errors_catalogue::Catalogue;
use unkey_errors_cli::export;

use crate::Output;

/// Why a command failed: what it prints on standard error and the status it exits with.
pub struct Failure {
    message: String,
    status: u8,
}

impl Failure {
    /// A failure that prints `message` and exits with `status`.
    pub fn new(message: String, status: u8) -> Failure {
        Failure { message, status }
    }

    /// Prints the message on standard error and gives the exit status.
    pub fn report(self) -> ExitCode {
        eprintln!("{}", self.message);
        ExitCode::from(self.status)
    }
}

/// Most failures (a bad argument, an unreadable catalogue, a stale file) exit with 1.
impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure::new(message, 1)
    }
}

/// The command line a message tells the user to run: `unkey-errors ARGS` with `--catalogue`
/// when `catalogue` is not the default, run the way this process was: through
/// `cargo run -p unkey-errors-cli --` when cargo started it (cargo then sets
/// `CARGO_PKG_NAME` to this package), else by the binary's name.
pub fn suggest(catalogue: &Path, args: &str) -> String {
    let program = if std::env::var_os("CARGO_PKG_NAME").is_some_and(|name| name == PACKAGE) {
        format!("cargo run -p {PACKAGE} --")
    } else {
        "unkey-errors".to_owned()
    };
    export::command_line(&program, &catalogue.display().to_string(), args)
}

/// The exit status of `diff` and `lint` when a catalogue (or a source) cannot be read or is
/// invalid, so that scripts tell it from a finding.
pub const UNREADABLE: u8 = 2;

/// This binary's package, as `cargo run -p` names it.
const PACKAGE: &str = env!("CARGO_PKG_NAME");

/// The catalogue at `path` and its text, or every problem with it, printable.
pub fn load(path: &Path) -> Result<(Catalogue, String), String> {
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

/// Prints `rendered`, writes it to the output file, or checks that file against it: what every
/// export command (`schema`, `openapi`, `gen`) does with its render.
pub fn deliver(output: &Output, rendered: &str) -> Result<(), Failure> {
    let Some(path) = &output.out else {
        print!("{rendered}");
        return Ok(());
    };
    if !output.check {
        return std::fs::write(path, rendered)
            .map_err(|error| format!("error: cannot write {}: {error}", path.display()).into());
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
        )
        .into()),
    }
}
