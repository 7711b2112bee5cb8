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
    // Run by the tests under cargo, with the catalogue named by its path.
    assert!(
        report.contains(&format!(
            "help: run `cargo run -p unkey-errors-cli -- --catalogue {} docs --out {out_arg}`",
            catalogue().display()
        )),
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

#[test]
fn help_lines_name_the_command_as_the_user_runs_it_and_the_catalogue_they_gave() {
    let dir = scratch("help-lines");
    std::fs::create_dir_all(dir.join("api")).unwrap();
    std::fs::copy(deprecated_fixture(), dir.join("api/shop errors.yaml")).unwrap();
    let installed = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_unkey-errors"))
            .args(args)
            .current_dir(&dir)
            .env_remove("CARGO_PKG_NAME")
            .output()
            .unwrap()
    };
    let catalogue = ["--catalogue", "api/shop errors.yaml"];
    let check = installed(&[&catalogue[..], &["check", "--out", "site"]].concat());
    assert_eq!(check.status.code(), Some(1));
    assert!(
        text(&check.stderr).ends_with(
            "help: run `unkey-errors --catalogue 'api/shop errors.yaml' docs --out site` and \
             commit the result\n"
        ),
        "{}",
        text(&check.stderr)
    );
    let explain = installed(&[&catalogue[..], &["explain", "err:zzz:zzz:zzz"]].concat());
    assert_eq!(
        text(&explain.stderr),
        "error: unknown error code `err:zzz:zzz:zzz`; \
         `unkey-errors --catalogue 'api/shop errors.yaml' list` shows them all\n"
    );

    // Run by `cargo run` in this workspace (cargo sets CARGO_PKG_NAME), the same through cargo;
    // the default catalogue is not named.
    std::fs::copy(deprecated_fixture(), dir.join("errors.yaml")).unwrap();
    let check = Command::new(env!("CARGO_BIN_EXE_unkey-errors"))
        .args(["check"])
        .current_dir(&dir)
        .env("CARGO_PKG_NAME", "unkey-errors-cli")
        .output()
        .unwrap();
    assert!(
        text(&check.stderr).ends_with(
            "help: run `cargo run -p unkey-errors-cli -- docs --out docs` and commit the result\n"
        ),
        "{}",
        text(&check.stderr)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A catalogue of `entries` (block-style YAML, indented by two) written to `dir/name`.
fn write_catalogue(dir: &Path, name: &str, head: &str, entries: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, format!("{head}errors:\n{entries}")).unwrap();
    path.to_str().unwrap().to_owned()
}

const GONE: &str = "  err:shop:orders:gone:
    status: 404
    title: Not Found
    description: The order does not exist.
    detail: No order has the id ord_123
    what_happened: The order was deleted.
    how_to_fix: Check the order id.
    common_mistakes: '- **Old ids**: orders are deleted after a year.'
";

fn diff(dir: &Path, old: &str, new: &str, flags: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unkey-errors"))
        .args(["diff", old, new])
        .args(flags)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn diff_exits_0_for_compatible_changes_and_1_for_breaking_ones_unless_allowed() {
    let dir = scratch("diff");
    let head = "docs_base_url: https://shop.example/docs/errors\n";
    let old = write_catalogue(&dir, "old.yaml", head, GONE);
    let reworded = write_catalogue(
        &dir,
        "reworded.yaml",
        head,
        &GONE.replace(
            "Check the order id.",
            "Check the order id in the dashboard.",
        ),
    );
    let output = diff(&dir, &old, &reworded, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stdout),
        format!(
            "docs (1):\n  err:shop:orders:gone  how_to_fix changed  ({old}:3 -> {reworded}:3)\n\
             0 breaking, 0 wire, 0 additive, 1 docs change from {old} to {reworded}\n"
        )
    );
    assert_eq!(
        text(&diff(&dir, &old, &old, &[]).stdout),
        format!("no changes from {old} to {old}\n")
    );

    let moved = write_catalogue(
        &dir,
        "moved.yaml",
        head,
        &format!(
            "{}{}",
            GONE.replace("status: 404", "status: 410"),
            GONE.replace("err:shop:orders:gone", "err:shop:archive:gone")
                .replace("orders:gone", "x")
        ),
    );
    let output = diff(&dir, &old, &moved, &[]);
    assert_eq!(output.status.code(), Some(1));
    let report = text(&output.stdout);
    assert!(
        report.starts_with(&format!(
            "breaking (1):\n  err:shop:orders:gone  status: 404 -> 410  ({old}:3 -> {moved}:3)\n\
             additive (1):\n  err:shop:archive:gone  added  ({moved}:11)\n"
        )),
        "{report}"
    );
    assert!(
        text(&output.stderr).contains("error: 1 breaking change from"),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(
        diff(&dir, &old, &moved, &["--allow-breaking"])
            .status
            .code(),
        Some(0)
    );

    let renamed = write_catalogue(
        &dir,
        "renamed.yaml",
        head,
        &GONE.replace("err:shop:orders:gone", "err:shop:archive:gone"),
    );
    let report = text(&diff(&dir, &old, &renamed, &[]).stdout);
    assert_eq!(
        report,
        format!(
            "breaking (1):\n  err:shop:orders:gone  removed, probably renamed to \
             err:shop:archive:gone  ({old}:3 -> {renamed}:3)\n\
             additive (1):\n  err:shop:archive:gone  added, probably the new name of \
             err:shop:orders:gone  ({renamed}:3)\n\
             1 breaking, 0 wire, 1 additive, 0 docs changes from {old} to {renamed}\n"
        )
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn diff_exits_2_for_a_missing_or_invalid_catalogue() {
    let dir = scratch("diff-bad");
    let head = "docs_base_url: https://shop.example/docs/errors\n";
    let good = write_catalogue(&dir, "good.yaml", head, GONE);
    let bad = write_catalogue(
        &dir,
        "bad.yaml",
        head,
        &GONE.replace("status: 404", "status: 4040"),
    );
    let output = diff(&dir, &good, &bad, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("status 4040 is not an error status"),
        "{}",
        text(&output.stderr)
    );
    assert!(text(&output.stdout).is_empty());

    let output = diff(&dir, "missing.yaml", &good, &["--allow-breaking"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("cannot read the catalogue `missing.yaml`"),
        "{}",
        text(&output.stderr)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn diff_json_lists_each_change_with_class_kind_code_lines_and_values() {
    let dir = scratch("diff-json");
    let old = write_catalogue(
        &dir,
        "old.yaml",
        "docs_base_url: https://shop.example/docs/errors\n",
        GONE,
    );
    let new = write_catalogue(
        &dir,
        "new.yaml",
        "docs_base_url: https://shop.example/errors\n",
        &GONE.replace(
            "    what_happened",
            "    deprecated: use err:shop:orders:not_found instead\n    what_happened",
        ),
    );
    let output = diff(&dir, &old, &new, &["--json"]);
    assert_eq!(output.status.code(), Some(1), "a new base URL is breaking");
    let document: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(document["old"], old.as_str());
    assert_eq!(document["new"], new.as_str());
    assert_eq!(
        document["summary"],
        serde_json::json!({"breaking": 1, "wire": 0, "additive": 1, "docs": 0})
    );
    let changes = document["changes"].as_array().unwrap();
    assert_eq!(
        changes[0],
        serde_json::json!({
            "class": "breaking",
            "kind": "docs_base_url",
            "code": null,
            "old_line": 1,
            "new_line": 1,
            "old": "https://shop.example/docs/errors",
            "new": "https://shop.example/errors",
            "probable_rename": null,
        })
    );
    assert_eq!(changes[1]["class"], "additive");
    assert_eq!(changes[1]["kind"], "deprecated");
    assert_eq!(changes[1]["code"], "err:shop:orders:gone");
    assert_eq!(changes[1]["new"], "use err:shop:orders:not_found instead");
    assert_eq!(changes.len(), 2);
    std::fs::remove_dir_all(&dir).unwrap();
}

const OUTAGE: &str = "  err:shop:storage:outage:
    status: 503
    title: Service Unavailable
    description: The order store is unavailable.
    detail: The order store is unavailable
    what_happened: The store did not answer.
    how_to_fix: Retry later.
    common_mistakes: '- **Retrying at once**: back off first.'
";

#[test]
fn diff_json_reports_wire_changes_and_shifted_discriminants() {
    let dir = scratch("diff-wire");
    let head = "docs_base_url: https://shop.example/docs/errors\n";
    let old = write_catalogue(&dir, "old.yaml", head, &format!("{GONE}{OUTAGE}"));
    // A code inserted before both, and the 5xx code's description (its detail on the wire)
    // reworded.
    let inserted = GONE
        .replace("err:shop:orders:gone", "err:shop:orders:archived")
        .replace("title: Not Found", "title: Archived");
    let new = write_catalogue(
        &dir,
        "new.yaml",
        head,
        &format!(
            "{inserted}{GONE}{}",
            OUTAGE.replace(
                "description: The order store is unavailable.",
                "description: The order store is down for maintenance."
            )
        ),
    );
    let output = diff(&dir, &old, &new, &["--json"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "shifted discriminants are reported, not breaking"
    );
    let document: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        document["summary"],
        serde_json::json!({"breaking": 0, "wire": 1, "additive": 2, "docs": 0})
    );
    let changes = document["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 3);
    assert_eq!(changes[0]["class"], "wire");
    assert_eq!(changes[0]["kind"], "description");
    assert_eq!(changes[0]["code"], "err:shop:storage:outage");
    assert_eq!(changes[1]["kind"], "added");
    assert_eq!(
        changes[2],
        serde_json::json!({
            "class": "additive",
            "kind": "discriminants",
            "code": null,
            "old_line": 3,
            "new_line": 11,
            "old": {"err:shop:orders:gone": 0, "err:shop:storage:outage": 1},
            "new": {"err:shop:orders:gone": 1, "err:shop:storage:outage": 2},
            "probable_rename": null,
        })
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn explain_accepts_a_type_url_and_any_letter_case() {
    let expected = text(&run(&["explain", "err:unkey:authorization:forbidden"]).stdout);
    for input in [
        "https://unkey.com/docs/errors/unkey/authorization/forbidden",
        "https://unkey.com/docs/errors/unkey/authorization/forbidden/",
        "HTTPS://UNKEY.COM/docs/errors/unkey/authorization/FORBIDDEN#what-happened",
        "http://localhost:3000/docs/errors/unkey/authorization/forbidden",
        "ERR:UNKEY:Authorization:Forbidden",
    ] {
        let output = run(&["explain", input]);
        assert!(output.status.success(), "{input}: {}", text(&output.stderr));
        assert_eq!(text(&output.stdout), expected, "{input}");
    }
    let output = run(&[
        "explain",
        "https://unkey.com/docs/errors/unkey/authorization",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).starts_with(
            "error: unknown error code `https://unkey.com/docs/errors/unkey/authorization`"
        ),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn a_relative_catalogue_path_is_resolved_from_the_current_directory() {
    let dir = scratch("relative");
    std::fs::create_dir_all(dir.join("api")).unwrap();
    std::fs::copy(catalogue(), dir.join("api/errors.yaml")).unwrap();
    let output = run_in(&dir, &["--catalogue", "api/errors.yaml", "list", "--json"]);
    assert!(output.status.success(), "{}", text(&output.stderr));

    let output = run_in(&dir, &["--catalogue", "errors.yaml", "list"]);
    assert_eq!(output.status.code(), Some(1));
    let report = text(&output.stderr);
    assert!(
        report.contains("cannot read the catalogue `errors.yaml`"),
        "{report}"
    );
    assert!(
        report.contains("a relative path is resolved from the current directory"),
        "{report}"
    );
    assert!(!report.contains("CARGO_MANIFEST_DIR"), "{report}");
    std::fs::remove_dir_all(&dir).unwrap();
}

fn deprecated_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/deprecated.yaml")
}

#[test]
fn explain_and_list_show_a_deprecation() {
    let fixture = deprecated_fixture();
    let fixture = fixture.to_str().unwrap();
    let explained = text(
        &Command::new(env!("CARGO_BIN_EXE_unkey-errors"))
            .args(["--catalogue", fixture, "explain", "err:shop:orders:gone"])
            .output()
            .unwrap()
            .stdout,
    );
    assert!(
        explained.starts_with(
            "err:shop:orders:gone\n404 Not Found\n\
             gRPC: NOT_FOUND (ErrorInfo reason SHOP_ORDERS_GONE, domain shop.example)\n\
             Deprecated: use err:shop:orders:not_found instead\n\n"
        ),
        "{explained}"
    );

    let list = |json: bool| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_unkey-errors"));
        command.args(["--catalogue", fixture, "list"]);
        if json {
            command.arg("--json");
        }
        text(&command.output().unwrap().stdout)
    };
    assert_eq!(
        list(false),
        "CODE                       STATUS  TITLE\n\
         err:shop:orders:gone       404     Not Found  (deprecated: use err:shop:orders:not_found instead)\n\
         err:shop:orders:not_found  404     Not Found\n"
    );
    let json: serde_json::Value = serde_json::from_str(&list(true)).unwrap();
    assert_eq!(
        json[0]["deprecated"],
        "use err:shop:orders:not_found instead"
    );
    assert_eq!(json[1]["deprecated"], serde_json::Value::Null);
    assert_eq!(json[0]["grpc"], "NOT_FOUND");
}

#[test]
fn diff_help_shows_how_to_diff_against_a_git_revision() {
    let output = Command::new(env!("CARGO_BIN_EXE_unkey-errors"))
        .args(["diff", "--help"])
        .output()
        .unwrap();
    assert!(
        text(&output.stdout).contains(
            "git show v0.1.0:errors.yaml > /tmp/old.yaml && unkey-errors diff /tmp/old.yaml errors.yaml"
        ),
        "{}",
        text(&output.stdout)
    );
}

#[test]
fn explain_shows_each_surface_s_status_title_message_and_body() {
    let page = text(&run(&["explain", "err:unkey:authentication:missing"]).stdout);
    assert!(
        page.starts_with(
            "err:unkey:authentication:missing\nAPI: 400 Bad Request\nGateway: 401 Unauthorized\n\
             Gateway message: The request has no Authorization header.\n\
             gRPC: INVALID_ARGUMENT (ErrorInfo reason UNKEY_AUTHENTICATION_MISSING, domain unkey.com)\n\n"
        ),
        "{page}"
    );
    let api = page.find("API response (400):").expect("the API's body");
    let gateway = page
        .find("Gateway response (401):")
        .expect("the gateway's body");
    assert!(api < gateway);
    assert!(page[gateway..].contains("\"code\": \"err:unkey:authentication:missing\""));

    // A gateway-only code has no API line or body; a message from the error is an example.
    let page = text(&run(&["explain", "err:frontline:client:openapi_validation_failed"]).stdout);
    assert!(
        page.starts_with(
            "err:frontline:client:openapi_validation_failed\nGateway: 400 Bad Request\n\
             Gateway message: the error's own, e.g. The request does not match the OpenAPI \
             specification for this route\n\
             gRPC: INVALID_ARGUMENT (ErrorInfo reason FRONTLINE_CLIENT_OPENAPI_VALIDATION_FAILED, \
             domain unkey.com)\n\n"
        ),
        "{page}"
    );
    assert!(
        !page.contains("API response") && !page.contains("\"type\""),
        "{page}"
    );
}

#[test]
fn list_json_carries_the_surfaces_and_the_gateway_s_facts() {
    let json: serde_json::Value = serde_json::from_slice(&run(&["list", "--json"]).stdout).unwrap();
    let find = |code: &str| {
        json.as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == code)
            .unwrap()
            .clone()
    };
    let both = find("err:user:bad_request:request_timeout");
    assert_eq!(both["surfaces"], serde_json::json!(["api", "gateway"]));
    assert_eq!(both["status"], 408);
    assert_eq!(
        both["gateway"],
        serde_json::json!({
            "status": 504,
            "title": "Gateway Timeout",
            "message": "The request took too long to arrive.",
        })
    );
    let gateway_only = find("err:frontline:client:openapi_validation_failed");
    assert_eq!(gateway_only["surfaces"], serde_json::json!(["gateway"]));
    assert_eq!(gateway_only["gateway"]["message"], serde_json::Value::Null);
    let api_only = find("err:unkey:data:key_not_found");
    assert_eq!(api_only["surfaces"], serde_json::json!(["api"]));
    assert_eq!(api_only["gateway"], serde_json::Value::Null);
}
