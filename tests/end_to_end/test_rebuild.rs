//! Editing a catalogue rebuilds the crate that expands it.
//!
//! Builds a scratch crate with its own catalogue (in `target/rebuild-scratch/`, outside the
//! workspace), edits the catalogue, and checks that the rebuilt program sees each edit.

use crate::scratch;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const CATALOGUE: &str = "\
docs_base_url: https://example.com/docs/errors
errors:
  err:shop:orders:not_found:
    status: 404
    title: Not Found
    description: The order does not exist.
    detail: No order has the id ord_1
    internal: true
";

const MAIN: &str = r#"
unkey_errors::catalogue!("errors.yaml");

fn main() {
    for code in Code::ALL {
        println!("{} {} {}", code.as_str(), code.status(), code.title());
    }
}
"#;

/// A scratch crate of its own for each test (tests run in parallel), building in the
/// workspace's target dir.
fn scratch_crate(name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target/rebuild-scratch").join(name);
    fs::create_dir_all(dir.join("src")).unwrap();
    let runtime = root.join("unkey-errors");
    fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nunkey-errors = {{ path = {:?} }}\n\n[workspace]\n",
            runtime.display().to_string(),
        ),
    )
    .unwrap();
    // The workspace's lock file pins the same versions, so no registry lookup is needed.
    fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    fs::write(dir.join("src/main.rs"), MAIN).unwrap();
    dir
}

fn run(dir: &Path) -> String {
    let output = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--offline"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", scratch::target_dir())
        .env_remove("CARGO_MANIFEST_DIR")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "the scratch crate failed to build:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn editing_the_catalogue_regenerates_the_code() {
    let dir = scratch_crate("shop");
    let catalogue = dir.join("errors.yaml");

    fs::write(&catalogue, CATALOGUE).unwrap();
    assert_eq!(run(&dir), "err:shop:orders:not_found 404 Not Found\n");

    fs::write(
        &catalogue,
        CATALOGUE.replace("404", "410").replace("Not Found", "Gone"),
    )
    .unwrap();
    assert_eq!(run(&dir), "err:shop:orders:not_found 410 Gone\n");

    let added = "  err:shop:orders:locked:\n    status: 423\n    title: Locked\n    \
                 description: The order is being changed.\n    detail: Order ord_1 is locked\n    \
                 internal: true\n";
    fs::write(&catalogue, format!("{CATALOGUE}{added}")).unwrap();
    assert_eq!(
        run(&dir),
        "err:shop:orders:not_found 404 Not Found\nerr:shop:orders:locked 423 Locked\n"
    );
}

/// The size of the scratch crate's metadata after `cargo check`.
fn metadata_size(dir: &Path) -> u64 {
    let status = Command::new(env!("CARGO"))
        .args(["check", "--quiet", "--offline"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", scratch::target_dir())
        .status()
        .unwrap();
    assert!(status.success());
    let deps = scratch::target_dir().join("debug/deps");
    let newest = fs::read_dir(&deps)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name().to_string_lossy().starts_with("libtracked-")
                && e.file_name().to_string_lossy().ends_with(".rmeta")
        })
        .max_by_key(|e| e.metadata().unwrap().modified().unwrap())
        .unwrap();
    newest.metadata().unwrap().len()
}

#[test]
fn tracking_the_catalogue_does_not_embed_it_in_the_crate_metadata() {
    let dir = scratch_crate("tracked");
    // A library: its metadata is what dependents read (a binary's carries less).
    fs::remove_file(dir.join("src/main.rs")).ok();
    fs::write(
        dir.join("src/lib.rs"),
        "unkey_errors::catalogue!(\"errors.yaml\");\n",
    )
    .unwrap();
    let catalogue = dir.join("errors.yaml");
    fs::write(&catalogue, CATALOGUE).unwrap();
    let before = metadata_size(&dir);
    // A megabyte of comments: the catalogue's bytes grow, its entries do not.
    let padding: String = (0..16_384)
        .map(|i| format!("# padding line {i:>6} .......................................\n"))
        .collect();
    fs::write(&catalogue, format!("{CATALOGUE}{padding}")).unwrap();
    let after = metadata_size(&dir);
    assert!(padding.len() > 1_000_000);
    assert!(
        after.abs_diff(before) < 16 * 1024,
        "metadata grew from {before} to {after} bytes"
    );
}
