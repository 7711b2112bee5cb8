//! Prints what `catalogue!` generates for a catalogue file, e.g. to read it, or to compile it
//! as hand-written code in the compile-time benchmark:
//!
//! ```text
//! cargo run -p unkey-errors-codegen --example expand -- errors.yaml | rustfmt --edition 2024
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: expand <catalogue.yaml>");
        return ExitCode::from(2);
    };
    let path = std::path::absolute(&path).unwrap_or(path);
    match unkey_errors_catalogue::load(&path, &path.display().to_string()) {
        Ok(catalogue) => {
            print!(
                "{}",
                unkey_errors_codegen::generate_standalone_source(&catalogue, &path)
            );
            ExitCode::SUCCESS
        }
        Err(problems) => {
            eprintln!("{problems}");
            ExitCode::FAILURE
        }
    }
}
