//! `unkey-errors lint`, run as a user runs it: each rule on a catalogue that has its drift and
//! on one that does not, allows, the JSON shape, exit statuses, `--sources`, and the docs held
//! to the rule list.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use unkey_errors_catalogue::LINT_RULES;
use unkey_errors_cli::lint::RULES;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lint")
}

fn lint(catalogue: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unkey-errors"))
        .arg("--catalogue")
        .arg(catalogue)
        .arg("lint")
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// `lint --json`'s findings as `(rule, code, line, severity)`, after checking that the output
/// is exactly an array of objects with the five members.
fn findings(output: &Output) -> Vec<(String, String, u64, String)> {
    let json: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|error| panic!("{error}: {}", text(&output.stdout)));
    json.as_array()
        .expect("an array")
        .iter()
        .map(|finding| {
            let object = finding.as_object().expect("an object");
            let mut members: Vec<&str> = object.keys().map(String::as_str).collect();
            members.sort_unstable();
            assert_eq!(members, ["code", "line", "message", "rule", "severity"]);
            let message = finding["message"].as_str().unwrap();
            assert!(!message.is_empty());
            (
                finding["rule"].as_str().unwrap().to_owned(),
                finding["code"].as_str().unwrap().to_owned(),
                finding["line"].as_u64().expect("the line is a number"),
                finding["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// A scratch file holding `content`, removed when the test process's temp dir is cleaned.
fn scratch(name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("unkey-errors-lint-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

/// What drift.yaml holds: one finding of every rule that runs without `--sources`.
fn drift_findings() -> Vec<(String, String, u64, String)> {
    [
        ("one-way-related", "err:shop:orders:not_found", 7, "warning"),
        (
            "title-not-reason-phrase",
            "err:shop:orders:already_exists",
            22,
            "warning",
        ),
        (
            "status-name-mismatch",
            "err:shop:payments:service_unavailable",
            35,
            "error",
        ),
        (
            "identifier-in-prose",
            "err:shop:payments:declined",
            48,
            "warning",
        ),
        ("stub-section", "err:shop:customers:not_found", 61, "error"),
        ("duplicate-prose", "err:shop:customers:gone", 73, "warning"),
    ]
    .into_iter()
    .map(|(rule, code, line, severity)| {
        (rule.to_owned(), code.to_owned(), line, severity.to_owned())
    })
    .collect()
}

#[test]
fn finds_every_kind_of_drift_and_passes_the_same_catalogue_fixed() {
    let drift = lint(&fixtures().join("drift.yaml"), &["--json"]);
    assert_eq!(findings(&drift), drift_findings());
    assert_eq!(drift.status.code(), Some(1), "two findings are errors");

    let clean = lint(&fixtures().join("clean.yaml"), &["--deny", "warnings"]);
    assert_eq!(
        text(&clean.stdout),
        format!(
            "no findings in the 6 entries of {}\n",
            fixtures().join("clean.yaml").display()
        )
    );
    assert_eq!(clean.status.code(), Some(0), "{}", text(&clean.stderr));
}

#[test]
fn the_text_report_is_one_line_per_finding_then_a_summary() {
    let path = fixtures().join("drift.yaml");
    let output = lint(&path, &[]);
    let report = text(&output.stdout);
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines.len(), 7, "{report}");
    assert_eq!(
        lines[4],
        format!(
            "{}:61: error[stub-section] err:shop:customers:not_found: `how_to_fix` holds the \
             placeholder `TODO`; write the steps that fix it",
            path.display()
        )
    );
    assert_eq!(
        lines[6],
        format!("2 errors and 4 warnings in {}", path.display())
    );
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with("error: lint found 2 errors\nhelp: "),
        "{stderr}"
    );
}

#[test]
fn each_rule_s_docs_examples_trigger_it_and_their_fix_does_not() {
    for rule in RULES {
        if rule.bad.language != "yaml" {
            // unused-code's examples are sources; `--sources` is tested below.
            assert_eq!(rule.id, "unused-code");
            continue;
        }
        for (example, name, expect_finding) in
            [(&rule.bad, "bad", true), (&rule.good, "good", false)]
        {
            let catalogue = scratch(
                &format!("{}-{name}.yaml", rule.id),
                &catalogue_of_example(example.text),
            );
            let output = lint(&catalogue, &["--json"]);
            let found = findings(&output)
                .into_iter()
                .filter(|(id, ..)| id == rule.id)
                .count();
            assert_eq!(
                found > 0,
                expect_finding,
                "{} example of {}: {}",
                name,
                rule.id,
                text(&output.stdout)
            );
        }
    }
}

/// A whole catalogue from a rule's example: its entries, each completed with neutral values
/// for the fields it leaves out (distinct per entry, long enough not to be stubs).
fn catalogue_of_example(example: &str) -> String {
    let mut entries: Vec<(String, Vec<String>)> = Vec::new();
    for line in example.lines() {
        match line.strip_prefix("  ") {
            Some(field) => entries.last_mut().unwrap().1.push(field.to_owned()),
            None => entries.push((line.trim_end_matches(':').to_owned(), Vec::new())),
        }
    }
    let mut yaml = "docs_base_url: https://example.com/docs/errors\nerrors:\n".to_owned();
    for (index, (code, fields)) in entries.iter().enumerate() {
        yaml.push_str(&format!("  {code}:\n"));
        let given = |name: &str| {
            fields
                .iter()
                .any(|field| field.starts_with(&format!("{name}:")))
        };
        let defaults = [
            ("status", "400".to_owned()),
            ("title", "Bad Request".to_owned()),
            (
                "description",
                format!("Example error number {index} of this catalogue."),
            ),
            ("detail", format!("Example detail number {index}")),
            (
                "what_happened",
                format!("Example error number {index} happens when its request is wrong."),
            ),
            (
                "how_to_fix",
                format!("Fix the request of example error number {index} and send it again."),
            ),
            (
                "common_mistakes",
                format!("A mistake that leads to example error number {index}."),
            ),
        ];
        for (name, value) in defaults {
            if !given(name) {
                yaml.push_str(&format!("    {name}: {value}\n"));
            }
        }
        for field in fields {
            yaml.push_str(&format!("    {field}\n"));
        }
    }
    yaml
}

#[test]
fn an_allow_with_a_reason_silences_its_finding_and_the_summary_counts_it() {
    // drift.yaml with each entry allowing the rule it breaks.
    let mut yaml = String::new();
    let drift = std::fs::read_to_string(fixtures().join("drift.yaml")).unwrap();
    let expected = drift_findings();
    for line in drift.lines() {
        yaml.push_str(line);
        yaml.push('\n');
        let code = line.trim().trim_end_matches(':');
        if let Some((rule, ..)) = expected.iter().find(|(_, c, ..)| c == code) {
            yaml.push_str(&format!(
                "    lint:\n      allow:\n        {rule}: \"Deliberate, for this test.\"\n"
            ));
        }
    }
    let catalogue = scratch("allowed.yaml", &yaml);
    let output = lint(&catalogue, &["--deny", "warnings"]);
    assert_eq!(
        text(&output.stdout),
        format!(
            "no findings in the 6 entries of {} (6 findings allowed with a reason)\n",
            catalogue.display()
        )
    );
    assert_eq!(output.status.code(), Some(0));

    // An allow only covers its own rule.
    let other_rule = yaml.replacen(
        "one-way-related: \"Deliberate",
        "duplicate-prose: \"Deliberate",
        1,
    );
    let output = lint(&scratch("other-rule.yaml", &other_rule), &["--json"]);
    assert_eq!(findings(&output), drift_findings()[..1]);
}

#[test]
fn an_allow_without_a_reason_is_a_located_error_before_any_rule_runs() {
    let drift = std::fs::read_to_string(fixtures().join("drift.yaml")).unwrap();
    let yaml = drift.replacen(
        "    title: Order exists\n",
        "    title: Order exists\n    lint:\n      allow:\n        title-not-reason-phrase:\n",
        1,
    );
    let catalogue = scratch("no-reason.yaml", &yaml);
    let output = lint(&catalogue, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(text(&output.stdout), "");
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with("error: allowing `title-not-reason-phrase` needs a reason\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{}:27:9", catalogue.display())),
        "{stderr}"
    );
}

#[test]
fn exit_statuses() {
    let warnings_only = lint(&fixtures().join("service/errors.yaml"), &[]);
    // Without --sources the service catalogue is clean.
    assert_eq!(warnings_only.status.code(), Some(0));
    let sources = fixtures().join("service/src");
    let sources = sources.to_str().unwrap();
    let warned = lint(
        &fixtures().join("service/errors.yaml"),
        &["--sources", sources],
    );
    assert_eq!(warned.status.code(), Some(0), "a warning alone passes");
    let denied = lint(
        &fixtures().join("service/errors.yaml"),
        &["--sources", sources, "--deny", "warnings"],
    );
    assert_eq!(denied.status.code(), Some(1));
    assert!(
        text(&denied.stderr)
            .starts_with("error: lint found 1 warning, denied by --deny warnings\n")
    );
    assert_eq!(
        lint(&fixtures().join("drift.yaml"), &[]).status.code(),
        Some(1)
    );

    let missing = lint(&fixtures().join("no-such.yaml"), &[]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("cannot read the catalogue"));
    let no_dir = lint(
        &fixtures().join("clean.yaml"),
        &["--sources", "/no/such/dir"],
    );
    assert_eq!(no_dir.status.code(), Some(2));
    assert!(text(&no_dir.stderr).starts_with("error: cannot read the sources at /no/such/dir:"));
    let without_rust = scratch("not-rust.yaml", "docs_base_url: x\n");
    let without_rust = without_rust.parent().unwrap().join("no-rust");
    std::fs::create_dir_all(&without_rust).unwrap();
    std::fs::write(without_rust.join("main.go"), "package main\n").unwrap();
    let no_rust = lint(
        &fixtures().join("clean.yaml"),
        &["--sources", without_rust.to_str().unwrap()],
    );
    assert_eq!(no_rust.status.code(), Some(2));
    assert!(text(&no_rust.stderr).starts_with("error: no Rust source file (`.rs`) under"));
    let unknown_level = lint(&fixtures().join("clean.yaml"), &["--deny", "errors"]);
    assert_eq!(unknown_level.status.code(), Some(2), "clap's usage error");
}

#[test]
fn sources_find_each_kind_of_use_and_report_the_unused_code() {
    let catalogue = fixtures().join("service/errors.yaml");
    let src = fixtures().join("service/src");
    let all = lint(&catalogue, &["--json", "--sources", src.to_str().unwrap()]);
    // `locked` is only in comments; `expired` is unused but deprecated.
    assert_eq!(
        findings(&all),
        [(
            "unused-code".to_owned(),
            "err:shop:orders:locked".to_owned(),
            60,
            "warning".to_owned()
        )]
    );

    // Each file alone uses exactly its code: every other code is then reported.
    let every = [
        "err:shop:orders:not_found",
        "err:shop:orders:gone",
        "err:shop:customers:not_found",
        "err:shop:payments:declined",
        "err:shop:orders:locked",
    ];
    for (file, used) in [
        ("derive.rs", "err:shop:orders:not_found"),
        ("literal.rs", "err:shop:orders:gone"),
        ("constant.rs", "err:shop:customers:not_found"),
        ("variant.rs", "err:shop:payments:declined"),
    ] {
        let path = src.join(file);
        let output = lint(&catalogue, &["--json", "--sources", path.to_str().unwrap()]);
        let unused: Vec<String> = findings(&output)
            .into_iter()
            .map(|(rule, code, ..)| {
                assert_eq!(rule, "unused-code");
                code
            })
            .collect();
        let expected: Vec<&str> = every.iter().copied().filter(|code| *code != used).collect();
        assert_eq!(unused, expected, "{file}");
    }

    // `--sources` repeats, and the files are read together.
    let two = lint(
        &catalogue,
        &[
            "--json",
            "--sources",
            src.join("derive.rs").to_str().unwrap(),
            "--sources",
            src.join("literal.rs").to_str().unwrap(),
        ],
    );
    assert_eq!(findings(&two).len(), 3);
}

#[test]
fn unkey_s_catalogue_lints_clean_with_warnings_denied() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let output = lint(&root.join("errors.yaml"), &["--deny", "warnings"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}{}",
        text(&output.stdout),
        text(&output.stderr)
    );
}

#[test]
fn the_docs_describe_every_rule_as_the_rule_list_does() {
    let ids: Vec<&str> = RULES.iter().map(|rule| rule.id).collect();
    assert_eq!(
        ids, LINT_RULES,
        "the CLI's rules and the ids an allow may name"
    );

    let docs = include_str!("../../../docs/catalogue.md");
    let section = docs
        .split("\n## Lint rules\n")
        .nth(1)
        .expect("docs/catalogue.md has a `## Lint rules` section");
    let section = section.split("\n## ").next().unwrap();
    let documented: Vec<String> = section
        .split("\n### ")
        .skip(1)
        .map(|rule| format!("### {}\n", rule.trim_end()))
        .collect();
    let expected: Vec<String> = RULES.iter().map(|rule| rule.markdown()).collect();
    for (documented, expected) in documented.iter().zip(&expected) {
        assert_eq!(
            documented, expected,
            "docs/catalogue.md's section differs from the rule's own text; paste this:\n{expected}"
        );
    }
    assert_eq!(documented.len(), expected.len(), "one section per rule");
}

/// An editor's lock file (a hidden link to nowhere, as Emacs writes `.#main.rs`) and a file
/// that is not UTF-8 do not stop the scan: the other files are read, and the non-UTF-8 one is
/// searched as well as it can be.
#[cfg(unix)]
#[test]
fn a_dangling_lock_file_and_a_non_utf8_file_do_not_stop_the_scan() {
    let catalogue = fixtures().join("service/errors.yaml");
    let dir = std::env::temp_dir().join(format!("unkey-errors-lint-odd-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for file in ["derive.rs", "literal.rs", "constant.rs", "variant.rs"] {
        std::fs::copy(fixtures().join("service/src").join(file), dir.join(file)).unwrap();
    }
    std::os::unix::fs::symlink("root@host.1234:1700000000", dir.join(".#main.rs")).unwrap();
    std::fs::write(
        dir.join("latin1.rs"),
        b"// caf\xe9\nconst LOCKED: &str = \"err:shop:orders:locked\";\n",
    )
    .unwrap();
    let output = lint(&catalogue, &["--json", "--sources", dir.to_str().unwrap()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(findings(&output).is_empty(), "{:?}", findings(&output));
}
