//! `docs/catalogue.md` describes exactly the keys the validator accepts and requires: its tables
//! cannot drift from the code.

use std::collections::BTreeMap;

use unkey_errors_catalogue::{
    DOCS_NAVIGATION_KEYS, DOCS_NAVIGATION_SYSTEM_KEYS, ENTRY_FIELDS, ENTRY_LINT_KEYS,
    FRAMEWORK_KEYS, GATEWAY_FIELDS, LINT_KEYS, LintSettings, PAGE_SECTIONS,
    REQUIRED_DOCS_NAVIGATION_SYSTEM_KEYS, REQUIRED_ENTRY_FIELDS, REQUIRED_TOP_LEVEL_KEYS,
    TOP_LEVEL_KEYS,
};

/// The rows of the table under `<heading>` (e.g. `## Top level`): first column (without
/// backticks) to second.
fn table(heading: &str) -> BTreeMap<String, String> {
    nth_table(heading, 0)
}

/// The rows of the `nth` table (from 0) under `<heading>`, before the next heading.
fn nth_table(heading: &str, nth: usize) -> BTreeMap<String, String> {
    let text = include_str!("../../docs/catalogue.md");
    let section = text
        .split(&format!("\n{heading}\n"))
        .nth(1)
        .unwrap_or_else(|| panic!("docs/catalogue.md has no `## {heading}` section"));
    let section = section.split("\n#").next().unwrap_or_default();
    let mut lines = section.lines();
    for _ in 0..nth {
        lines
            .by_ref()
            .skip_while(|line| !line.starts_with('|'))
            .take_while(|line| line.starts_with('|'))
            .for_each(drop);
    }
    lines
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .skip(2) // the header and its `|---|` line
        .map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            (cells[1].trim_matches('`').to_owned(), cells[2].to_owned())
        })
        .collect()
}

/// Every key of `documented` is in `accepted` and the other way round, and the "required"
/// column says `yes` exactly for the required ones, and for the `sometimes` ones what it says
/// (`yes, unless …` or `when …`).
fn assert_documented(
    documented: &BTreeMap<String, String>,
    accepted: &[&str],
    required: &[&str],
    sometimes: &[(&str, &str)],
) {
    let mut accepted: Vec<&str> = accepted.to_vec();
    accepted.sort_unstable();
    let keys: Vec<&str> = documented.keys().map(String::as_str).collect();
    assert_eq!(keys, accepted, "the table's keys against the validator's");
    for (key, column) in documented {
        let expected = if required.contains(&key.as_str()) {
            "yes"
        } else if let Some((_, condition)) = sometimes.iter().find(|(k, _)| k == key) {
            condition
        } else {
            assert!(
                column.starts_with("no"),
                "`{key}` is optional, the table says {column:?}"
            );
            continue;
        };
        assert_eq!(column, expected, "whether `{key}` is required");
    }
}

#[test]
fn the_top_level_table_lists_exactly_the_accepted_keys() {
    assert_documented(
        &table("## Top level"),
        &TOP_LEVEL_KEYS,
        &REQUIRED_TOP_LEVEL_KEYS,
        &[],
    );
}

#[test]
fn the_entry_table_lists_exactly_the_accepted_fields() {
    assert_documented(
        &table("## Entry fields"),
        &ENTRY_FIELDS,
        &REQUIRED_ENTRY_FIELDS,
        &PAGE_SECTIONS
            .map(|section| (section, "yes, unless `internal`"))
            .into_iter()
            .chain([("gateway", "when `surfaces` lists `gateway`")])
            .collect::<Vec<_>>(),
    );
}

#[test]
fn the_gateway_table_lists_exactly_the_accepted_fields() {
    assert_documented(
        &table("### Gateway fields"),
        &GATEWAY_FIELDS,
        &[],
        &[("message", "yes, unless `message_from_error`")],
    );
}

#[test]
fn the_docs_navigation_tables_list_exactly_the_accepted_keys() {
    assert_documented(
        &nth_table("## Docs navigation", 0),
        &DOCS_NAVIGATION_KEYS,
        &[],
        &[],
    );
    assert_documented(
        &nth_table("## Docs navigation", 1),
        &DOCS_NAVIGATION_SYSTEM_KEYS,
        &REQUIRED_DOCS_NAVIGATION_SYSTEM_KEYS,
        &[],
    );
}

#[test]
fn the_framework_table_lists_exactly_the_conditions() {
    assert_documented(&table("## Framework conditions"), &FRAMEWORK_KEYS, &[], &[]);
}

#[test]
fn the_lint_tables_list_exactly_the_accepted_keys() {
    assert_documented(&table("### Allowing a rule"), &ENTRY_LINT_KEYS, &[], &[]);
    let settings = table("### Lint settings");
    assert_documented(&settings, &LINT_KEYS, &[], &[]);
    assert_eq!(
        settings["min_section_chars"],
        format!("no, `{}`", LintSettings::DEFAULT_MIN_SECTION_CHARS),
        "the documented default"
    );
}
