//! Generates the benchmarks' inputs: a synthetic catalogue of 10,000 codes expanded with
//! `catalogue!`, and the naive equivalents of it and of Unkey's catalogue.

use std::path::{Path, PathBuf};

#[path = "src/naive.rs"]
mod naive;
#[path = "src/synthetic.rs"]
mod synthetic;

/// Codes in the large synthetic catalogue, unless `UNKEY_ERRORS_BENCH_CODES` says otherwise:
/// CI only compiles the benchmarks (through clippy), and checking 10,000 generated codes twice
/// over cost it 40 s of a single core for no more coverage than a hundred.
const LARGE: usize = 10_000;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo::rerun-if-env-changed=UNKEY_ERRORS_BENCH_CODES");
    let large = std::env::var("UNKEY_ERRORS_BENCH_CODES")
        .ok()
        .and_then(|codes| codes.parse().ok())
        .unwrap_or(LARGE);
    let unkey_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../errors.yaml");
    println!("cargo::rerun-if-changed={}", unkey_path.display());
    println!("cargo::rerun-if-changed=src");

    let large_path = out.join("catalogue-large.yaml");
    std::fs::write(&large_path, synthetic::catalogue(large)).expect("OUT_DIR is writable");

    let unkey =
        unkey_errors_catalogue::load(&unkey_path, "errors.yaml").expect("errors.yaml is valid");
    let unkey_codes: Vec<naive::Entry> = unkey
        .entries()
        .iter()
        .map(|e| naive::Entry {
            urn: e.code.as_str().to_owned(),
            status: e.status,
            title: e.title.clone(),
            description: e.description.clone(),
            docs_url: unkey.docs_url(e),
            errors_array: e.errors_array,
        })
        .collect();
    let large_codes: Vec<naive::Entry> = (0..large).map(synthetic::naive_entry).collect();

    let mut code = format!(
        "/// `catalogue!` over {large} synthetic codes.\npub mod large {{\n    unkey_errors::catalogue!({:?});\n}}\n",
        large_path.display().to_string()
    );
    code.push_str(&naive::module("unkey_naive", &unkey_codes));
    code.push_str(&naive::module("large_naive", &large_codes));
    std::fs::write(out.join("generated.rs"), code).expect("OUT_DIR is writable");
}
