//! The `unkey-errors` command line, run as a user runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn catalogue() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../errors.yaml")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unkey-errors"))
        .arg("--catalogue")
        .arg(catalogue())
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn explain_prints_the_page_of_a_code() {
    let output = run(&["explain", "err:unkey:authorization:forbidden"]);
    assert!(output.status.success());
    let page = text(&output.stdout);
    assert!(
        page.starts_with("err:unkey:authorization:forbidden\n403 Forbidden\n"),
        "{page}"
    );
    assert!(page.contains("Docs: https://unkey.com/docs/errors/unkey/authorization/forbidden"));
    assert!(page.contains("\"requestId\": \"req_2c9a0jf23l4k567\""));
    for heading in [
        "What happened",
        "How to fix",
        "Common mistakes",
        "Related errors",
    ] {
        assert!(
            page.contains(&format!("\n{heading}\n")),
            "{heading} in {page}"
        );
    }
}

#[test]
fn explain_suggests_the_closest_code_for_a_typo() {
    let output = run(&["explain", "err:unkey:authorization:forbiden"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr),
        "error: unknown error code `err:unkey:authorization:forbiden`; did you mean `err:unkey:authorization:forbidden`?\n"
    );
}

#[test]
fn list_prints_a_table_or_json() {
    let table = text(&run(&["list"]).stdout);
    assert!(table.lines().next().unwrap().starts_with("CODE"));
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("err:unkey:data:key_not_found")
                && l.contains("404     Not Found"))
    );
    assert_eq!(table.lines().count(), 90);

    let json: serde_json::Value = serde_json::from_slice(&run(&["list", "--json"]).stdout).unwrap();
    let codes = json.as_array().unwrap();
    assert_eq!(codes.len(), 89);
    assert_eq!(
        codes[0]["code"],
        "err:frontline:capacity:deployment_offline"
    );
    assert_eq!(codes[0]["status"], 503);
}

#[test]
fn docs_then_check_round_trips_and_check_fails_on_drift() {
    let out = std::env::temp_dir().join(format!("unkey-errors-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let out_arg = out.to_str().unwrap();

    let check = run(&["check", "--out", out_arg]);
    assert_eq!(check.status.code(), Some(1));
    let report = text(&check.stderr);
    assert!(
        report.starts_with("error: 93 files differ from a fresh render"),
        "{report}"
    );
    assert!(report.contains("missing"), "{report}");
    assert!(
        report.contains("help: run `cargo run -p unkey-errors-docs -- docs --out"),
        "{report}"
    );

    let docs = run(&["docs", "--out", out_arg]);
    assert!(docs.status.success(), "{}", text(&docs.stderr));
    let written = text(&docs.stdout);
    assert!(
        written.contains("wrote   ")
            && written.contains("/errors/unkey/authorization/forbidden.mdx\n"),
        "{written}"
    );
    assert!(
        written.ends_with(": 93 written, 0 removed, 0 unchanged\n"),
        "{written}"
    );
    assert!(run(&["check", "--out", out_arg]).status.success());

    let page = out.join("errors/unkey/authorization/forbidden.mdx");
    std::fs::write(&page, "stale\n").unwrap();
    let report = text(&run(&["check", "--out", out_arg]).stderr);
    assert!(report.contains("stale   "), "{report}");
    assert!(report.contains("forbidden.mdx"), "{report}");
    // The start of a diff from the file on disk to the render, indented under the file.
    assert!(report.contains("\n      -stale\n      +---\n"), "{report}");
    assert!(report.contains(" more lines of diff\n"), "{report}");
    std::fs::remove_dir_all(&out).unwrap();
}

/// A scratch folder that is the working directory of the commands run in it.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("unkey-errors-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unkey-errors"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn docs_and_check_default_to_the_docs_folder_and_leave_foreign_files_alone() {
    let dir = scratch("foreign");
    std::fs::copy(catalogue(), dir.join("errors.yaml")).unwrap();
    let dry_run = run_in(&dir, &["docs", "--dry-run"]);
    assert!(dry_run.status.success(), "{}", text(&dry_run.stderr));
    assert!(
        text(&dry_run.stdout).contains("would write  docs/errors/overview.mdx\n"),
        "{}",
        text(&dry_run.stdout)
    );
    assert!(!dir.join("docs").exists(), "--dry-run wrote files");

    assert!(run_in(&dir, &["docs"]).status.success());
    assert!(dir.join("docs/errors/.unkey-errors-manifest").is_file());
    std::fs::write(dir.join("docs/errors/README.md"), "ours\n").unwrap();
    std::fs::create_dir_all(dir.join("docs/errors/images")).unwrap();
    std::fs::write(dir.join("docs/errors/images/logo.png"), "png").unwrap();

    let again = run_in(&dir, &["docs"]);
    assert_eq!(
        text(&again.stdout),
        "93 generated files under docs/errors: 0 written, 0 removed, 93 unchanged\n"
    );
    let check = run_in(&dir, &["check"]);
    assert!(check.status.success(), "{}", text(&check.stderr));
    assert_eq!(
        text(&check.stdout),
        "93 generated files under docs/errors match the catalogue\n"
    );
    assert!(dir.join("docs/errors/README.md").is_file());
    assert!(dir.join("docs/errors/images/logo.png").is_file());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_broken_catalogue_is_reported_with_its_position_not_a_panic() {
    let dir = std::env::temp_dir().join(format!("unkey-errors-cli-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("errors.yaml");
    std::fs::write(
        &file,
        "docs_base_url: https://x.com\nerrors:\n  err:a:b:c:\n    status: 4040\n",
    )
    .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_unkey-errors"))
        .args(["--catalogue", file.to_str().unwrap(), "list"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report = text(&output.stderr);
    assert!(
        report.contains("error: status 4040 is not an error status"),
        "{report}"
    );
    assert!(report.contains("errors.yaml:4:13"), "{report}");
    std::fs::remove_dir_all(&dir).unwrap();

    let missing = Command::new(env!("CARGO_BIN_EXE_unkey-errors"))
        .args(["--catalogue", "/no/such/errors.yaml", "list"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("cannot read the catalogue `/no/such/errors.yaml`"));
}
