//! Reads Unkey's catalogue once, when this crate is built, and writes the list of its codes for
//! `#[derive(UnkeyError)]` to check against: a derive then never parses YAML.

use std::fmt::Write;
use std::path::{Path, PathBuf};

fn main() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("errors.yaml");
    println!("cargo::rerun-if-changed={}", path.display());
    let catalogue = match unkey_errors_catalogue::load(&path, "errors.yaml") {
        Ok(catalogue) => catalogue,
        Err(problems) => {
            // The same problems fail `unkey-errors` itself; say them here too, with positions.
            eprintln!("{problems}");
            std::process::exit(1);
        }
    };
    let mut source = String::from(
        "/// Every code of Unkey's catalogue, in catalogue order.\npub(crate) const CODES: &[&str] = &[\n",
    );
    for entry in &catalogue.entries {
        let _ = writeln!(source, "    {:?},", entry.code.as_str());
    }
    source.push_str("];\n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("unkey_codes.rs"), source).expect("OUT_DIR is writable");
}
