//! The public API of each published crate equals its listing in `tests/api/public-api/`, so a
//! change to it shows in review as a change to that file.
//!
//! Each crate is documented as rustdoc JSON with all its features (only `unkey-errors` has
//! any) and `-D warnings` (so this is also the check that every library's docs are clean), and
//! public-api lists its items from that: one line per item, with its full path and
//! signature, trait impls included (the auto traits too: losing `Send` breaks users), blanket
//! impls left out (they follow from the rest). Items hidden from the docs (`__private`) are not
//! public API and are not listed.
//!
//! rustdoc JSON is unstable; stable rustdoc writes it when `RUSTC_BOOTSTRAP=1` is set, which
//! `rustdoc-json.sh` sets for rustdoc alone, so the dependencies already compiled in the
//! target directory are reused.

mod committed;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use committed::{UPDATE_COMMAND, cargo, difference, output, updating};

/// The crates whose public API is listed: every published one but the command line's, whose
/// library is hidden and not public API (`unkey-errors-cli`, see its crate docs).
const LISTED: &[&str] = &[
    "unkey-errors",
    "unkey-errors-catalogue",
    "unkey-errors-codegen",
    "unkey-errors-macros",
    "unkey-errors-urn-table",
];

/// Published, but its library is not public API.
const NOT_LISTED: &[&str] = &["unkey-errors-cli"];

/// The rustdoc JSON format that the public-api release in Cargo.toml reads.
const FORMAT_VERSION: u64 = 57;

#[test]
fn every_published_crate_but_the_command_line_is_listed() {
    let metadata = output(cargo("metadata").args(["--no-deps", "--format-version", "1"]));
    let metadata: serde_json::Value = serde_json::from_str(&metadata).expect("cargo's JSON");
    // `publish` is null for a package that may be published anywhere, a list of registries for
    // one that may be published to those, and an empty list for `publish = false`.
    let published: BTreeSet<&str> = metadata["packages"]
        .as_array()
        .expect("cargo metadata lists packages")
        .iter()
        .filter(|package| {
            package["publish"]
                .as_array()
                .is_none_or(|registries| !registries.is_empty())
        })
        .map(|package| package["name"].as_str().expect("a package has a name"))
        .collect();
    let expected: BTreeSet<&str> = LISTED.iter().chain(NOT_LISTED).copied().collect();
    assert_eq!(
        published, expected,
        "the published crates changed: list a new one in LISTED (or NOT_LISTED, saying why) in \
         tests/api/tests/public_api.rs"
    );
}

#[test]
fn the_public_api_of_every_listed_crate_is_as_committed() {
    let json = rustdoc_json();
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("public-api");
    let mut differences = Vec::new();
    for krate in LISTED {
        let listing = format!(
            "# The public API of {krate}{}, as tests/api/tests/public_api.rs lists it (without\n\
             # the catalogue's codes, which `unkey-errors diff` reviews).\n\
             # Update: {UPDATE_COMMAND}\n{}",
            if *krate == "unkey-errors" {
                " with all its features"
            } else {
                ""
            },
            public_api(&json.join(format!("{}.json", krate.replace('-', "_")))),
        );
        let path = directory.join(format!("{krate}.txt"));
        if updating() {
            std::fs::write(&path, &listing)
                .unwrap_or_else(|error| panic!("cannot write {}: {error}", path.display()));
            continue;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        let what = format!("tests/api/public-api/{krate}.txt");
        differences.extend(difference(&what, &committed, &listing));
    }
    assert!(
        differences.is_empty(),
        "{}\nThe public API above differs from its committed listing. If the change is meant, \
         update the listings with `{UPDATE_COMMAND}` and commit them. Review it as an API \
         change: a removed or changed line breaks users, and so can an added one (a variant of \
         an exhaustive enum, a trait method without a default).",
        differences.join("\n")
    );
    // No listing is left behind for a crate that is no longer listed.
    let files: BTreeSet<String> = std::fs::read_dir(&directory)
        .expect("tests/api/public-api exists")
        .map(|entry| {
            entry
                .expect("a readable directory")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let expected: BTreeSet<String> = LISTED.iter().map(|krate| format!("{krate}.txt")).collect();
    assert_eq!(
        files, expected,
        "tests/api/public-api/ holds a listing per listed crate, and only those"
    );
}

/// Documents the workspace's libraries as rustdoc JSON and returns the directory that holds
/// the files.
fn rustdoc_json() -> PathBuf {
    // The workspace's target directory (the one `cargo test` builds in), so the dependencies
    // compiled by earlier runs (and CI's clippy) are reused. The whole workspace rather than the
    // listed crates alone: every library's docs are checked, and cargo resolves the
    // dependencies' features as it does for the rest of the workspace, so more is reused.
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the temporary directory is inside the target directory")
        .to_path_buf();
    let wrapper = Path::new(env!("CARGO_MANIFEST_DIR")).join("rustdoc-json.sh");
    let rustdoc = std::env::var_os("RUSTDOC").unwrap_or_else(|| "rustdoc".into());
    let mut command = cargo("doc");
    command
        .args([
            "--workspace",
            "--no-deps",
            "--lib",
            "--all-features",
            "--quiet",
        ])
        .arg("--target-dir")
        .arg(&target)
        .env("RUSTDOC", &wrapper)
        .env("UNKEY_ERRORS_RUSTDOC", rustdoc)
        // Warnings are errors: this run is also the check that the docs are clean (CI runs no
        // separate `cargo doc`); rustdoc's lints are the same for JSON as for HTML.
        .env(
            "RUSTDOCFLAGS",
            "-Z unstable-options --output-format json -D warnings",
        );
    output(&mut command);
    target.join("doc")
}

/// The public API in a rustdoc JSON file, one item a line.
fn public_api(json: &Path) -> String {
    let text = std::fs::read_to_string(json)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", json.display()));
    let format: serde_json::Value = serde_json::from_str(&text).expect("rustdoc writes JSON");
    let format = format["format_version"]
        .as_u64()
        .expect("rustdoc JSON has a format_version");
    assert_eq!(
        format, FORMAT_VERSION,
        "this toolchain's rustdoc writes JSON format {format}, and the public-api release in \
         tests/api/Cargo.toml reads format {FORMAT_VERSION}: after a toolchain update, move \
         public-api to the release that reads format {format} (its changelog says which), set \
         FORMAT_VERSION in tests/api/tests/public_api.rs, and check the listings"
    );
    let listing = public_api::Builder::from_rustdoc_json(json)
        .omit_blanket_impls(true)
        .build()
        .unwrap_or_else(|error| panic!("cannot list the public API in {}: {error}", json.display()))
        .to_string();
    listing
        .lines()
        .filter(|line| !is_a_catalogue_code(line))
        .map(|line| format!("{line}\n"))
        .collect()
}

/// Whether `line` is one of the items Unkey's catalogue generates per code: a variant of
/// `Code`, a module under `codes` or a constant in one. Adding a code adds them, and
/// `unkey-errors diff` (not this listing) is how a change to the codes is reviewed, so the
/// listing holds only what the crate itself declares.
fn is_a_catalogue_code(line: &str) -> bool {
    let variant = line
        .strip_prefix("pub unkey_errors::Code::")
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()));
    let code_module = line.starts_with("pub mod unkey_errors::codes::");
    let code_constant = line.starts_with("pub const unkey_errors::codes::");
    variant || code_module || code_constant
}
