//! Writes the crates the compile-time benchmark checks (see `bench/compile_time.py`): for each
//! size, the same catalogue through `catalogue!` (`ours-N`), its expansion written out as
//! hand-written code (`expanded-N`), and what a naive generator would emit (`naive-N`).
//!
//! `cargo run --release -p unkey-errors-bench --bin compile-time-crates -- DIR 100 1000 10000`

use std::fs;
use std::path::{Path, PathBuf};

use unkey_errors_bench::{naive, synthetic};

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: compile-time-crates DIR SIZE...");
        std::process::exit(2);
    };
    let sizes: Vec<usize> = args.filter_map(|a| a.parse().ok()).collect();
    fs::create_dir_all(&dir)?;
    let dir = std::path::absolute(&dir)?;
    let runtime = Path::new(env!("CARGO_MANIFEST_DIR")).join("../unkey-errors");
    let mut members = Vec::new();
    for &n in &sizes {
        let yaml = synthetic::catalogue(n);
        let ours = dir.join(format!("ours-{n}"));
        write_crate(
            &ours,
            &runtime,
            "unkey_errors::catalogue!(\"catalogue.yaml\");\n",
        )?;
        fs::write(ours.join("catalogue.yaml"), &yaml)?;

        let catalogue_path = ours.join("catalogue.yaml");
        let catalogue = unkey_errors_catalogue::parse(yaml.as_bytes(), "catalogue.yaml")
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        let expanded =
            unkey_errors_codegen::generate_standalone_source(&catalogue, &catalogue_path);
        write_crate(&dir.join(format!("expanded-{n}")), &runtime, &expanded)?;

        let entries: Vec<naive::Entry> = (0..n).map(synthetic::naive_entry).collect();
        write_crate(
            &dir.join(format!("naive-{n}")),
            &runtime,
            &naive::module("naive", &entries),
        )?;
        members.extend([
            format!("ours-{n}"),
            format!("expanded-{n}"),
            format!("naive-{n}"),
        ]);
    }
    let members: Vec<String> = members.iter().map(|m| format!("{m:?}")).collect();
    fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[workspace]\nresolver = \"3\"\nmembers = [{}]\n",
            members.join(", ")
        ),
    )?;
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.lock"),
        dir.join("Cargo.lock"),
    )?;
    Ok(())
}

fn write_crate(dir: &Path, runtime: &Path, source: &str) -> std::io::Result<()> {
    fs::create_dir_all(dir.join("src"))?;
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"bench-{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nunkey-errors = {{ path = {:?} }}\n",
            runtime.display().to_string()
        ),
    )?;
    fs::write(
        dir.join("src/lib.rs"),
        format!("#![allow(dead_code)]\n{source}"),
    )
}
