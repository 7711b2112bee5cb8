//! The `lint` mappings: an entry's allowed rules and the top level's settings, read into the
//! model, and every mistake in them a located error with a fix.

use unkey_errors_catalogue::{Diagnostic, LINT_RULES, LintSettings, Position, parse};

const HEADER: &str = "docs_base_url: https://example.com/docs/errors\n";

/// One valid entry under `errors:`, with `extra` (indented 4) after its fields.
fn errors_with(extra: &str) -> String {
    format!(
        "errors:\n  err:shop:orders:not_found:\n    status: 404\n    title: Not Found\n    description: No order has this id.\n    detail: No order has the id ord_1\n    what_happened: The order id does not name an order of this shop.\n    how_to_fix: List the shop's orders and check the id.\n    common_mistakes: \"- **Ids from another shop**: an id is only valid in its own shop.\"\n{extra}"
    )
}

fn only(yaml: &str) -> Diagnostic {
    let found =
        parse(yaml.as_bytes(), "errors.yaml").expect_err("the catalogue should be rejected");
    assert_eq!(found.len(), 1, "expected one problem, found:\n{found}");
    found.0.into_iter().next().unwrap()
}

fn at(line: usize, column: usize) -> Option<Position> {
    Some(Position { line, column })
}

#[test]
fn an_entry_s_allows_and_the_top_level_settings_are_read() {
    let yaml = format!(
        "{HEADER}lint:\n  allow:\n    one-way-related: Our related lists are one-way on purpose.\n  min_section_chars: 12\n  status_names:\n    client_closed_request: 499\n    gone: [404, 410]\n    conflict: []\n  proper_names: [OpenAPI, ClickHouse]\n{}",
        errors_with(
            "    lint:\n      allow:\n        status-name-mismatch: \"The API sends 404 here; see the changelog.\"\n"
        )
    );
    let catalogue = parse(yaml.as_bytes(), "errors.yaml").unwrap();
    let settings = catalogue.lint_settings();
    assert_eq!(
        settings.allow.iter().collect::<Vec<_>>(),
        [(
            "one-way-related",
            "Our related lists are one-way on purpose."
        )]
    );
    assert_eq!(settings.min_section_chars, 12);
    assert_eq!(settings.status_names["client_closed_request"], [499]);
    assert_eq!(settings.status_names["gone"], [404, 410]);
    assert!(settings.status_names["conflict"].is_empty());
    assert_eq!(settings.proper_names, ["OpenAPI", "ClickHouse"]);
    let entry = &catalogue.entries()[0];
    assert_eq!(
        entry.lint_allows().reason("status-name-mismatch"),
        Some("The API sends 404 here; see the changelog.")
    );
    assert_eq!(entry.lint_allows().reason("stub-section"), None);
}

#[test]
fn without_a_lint_mapping_the_defaults_apply() {
    let yaml = format!("{HEADER}{}", errors_with(""));
    let catalogue = parse(yaml.as_bytes(), "errors.yaml").unwrap();
    assert_eq!(catalogue.lint_settings(), &LintSettings::default());
    assert_eq!(
        catalogue.lint_settings().min_section_chars,
        LintSettings::DEFAULT_MIN_SECTION_CHARS
    );
    assert!(catalogue.entries()[0].lint_allows().is_empty());
}

#[test]
fn an_allow_of_a_rule_that_does_not_exist_suggests_the_rule_meant() {
    let yaml = format!(
        "{HEADER}{}",
        errors_with(
            "    lint:\n      allow:\n        stub_section: The page is written elsewhere.\n"
        )
    );
    let problem = only(&yaml);
    assert_eq!(problem.message, "unknown lint rule `stub_section`");
    assert_eq!(problem.position, at(13, 9));
    assert!(
        problem
            .help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `stub-section`?"),
        "{problem}"
    );
    // The help lists every rule, so a reader can pick the right one.
    for rule in LINT_RULES {
        assert!(problem.help.as_deref().unwrap().contains(rule), "{rule}");
    }
}

#[test]
fn an_allow_without_a_reason_is_an_error_at_the_rule() {
    for value in ["", " ~", " \"\"", " \"  \""] {
        let yaml = format!(
            "{HEADER}{}",
            errors_with(&format!(
                "    lint:\n      allow:\n        duplicate-prose:{value}\n"
            ))
        );
        let problem = only(&yaml);
        assert_eq!(
            problem.message, "allowing `duplicate-prose` needs a reason",
            "{value:?}"
        );
        assert_eq!(problem.position, at(13, 9));
        assert!(problem.help.unwrap().contains("say why"));
    }
    // The top level's allows are held to the same rule.
    let yaml = format!(
        "{HEADER}lint:\n  allow:\n    one-way-related:\n{}",
        errors_with("")
    );
    assert_eq!(
        only(&yaml).message,
        "allowing `one-way-related` needs a reason"
    );
}

#[test]
fn an_allow_must_map_rules_to_reasons() {
    let yaml = format!(
        "{HEADER}{}",
        errors_with("    lint:\n      allow: [stub-section]\n")
    );
    let problem = only(&yaml);
    assert_eq!(
        problem.message,
        "`allow` must be a mapping from rule to reason, not a list"
    );
    assert_eq!(problem.position, at(12, 14));

    let yaml = format!(
        "{HEADER}{}",
        errors_with("    lint:\n      allow:\n        stub-section: 3\n")
    );
    assert_eq!(
        only(&yaml).message,
        "the reason for allowing `stub-section` must be text, not an integer"
    );
}

#[test]
fn unknown_keys_in_either_lint_mapping_suggest_the_key_meant() {
    let yaml = format!(
        "{HEADER}{}",
        errors_with("    lint:\n      alow:\n        stub-section: Written elsewhere.\n")
    );
    let problem = only(&yaml);
    assert_eq!(problem.message, "unknown `lint` key `alow`");
    assert_eq!(problem.position, at(12, 7));
    assert!(problem.help.unwrap().starts_with("did you mean `allow`?"));

    let yaml = format!("{HEADER}lint:\n  min_section_char: 10\n{}", errors_with(""));
    let problem = only(&yaml);
    assert_eq!(problem.message, "unknown `lint` key `min_section_char`");
    assert_eq!(problem.position, at(3, 3));
    assert!(
        problem
            .help
            .unwrap()
            .starts_with("did you mean `min_section_chars`?")
    );
}

#[test]
fn settings_of_the_wrong_shape_are_located_errors() {
    let cases = [
        (
            "lint:\n  min_section_chars: -1\n",
            "`min_section_chars` must be a whole number of characters, not -1",
            at(3, 22),
        ),
        (
            "lint:\n  status_names:\n    Not-Found: 404\n",
            "`Not-Found` is not a name that can stand in a code",
            at(4, 5),
        ),
        (
            "lint:\n  status_names:\n    not_found: 200\n",
            "the statuses of `not_found` must be error statuses (400 to 599), not 200",
            at(4, 16),
        ),
        (
            "lint:\n  status_names: [not_found]\n",
            "`status_names` must be a mapping from name to status, not a list",
            at(3, 17),
        ),
        (
            "lint:\n  proper_names:\n    - Open API\n",
            "a proper name must be one word, not `Open API`",
            at(4, 7),
        ),
        (
            "lint: strict\n",
            "`lint` must be a mapping, not a string",
            at(2, 7),
        ),
    ];
    for (lint, message, position) in cases {
        let yaml = format!("{HEADER}{lint}{}", errors_with(""));
        let problem = only(&yaml);
        assert_eq!(problem.message, message);
        assert_eq!(problem.position, position, "{message}");
    }
}
