//! Classifying the changes between two catalogues: each kind of change, its class, its lines.

use unkey_errors_catalogue::Catalogue;
use unkey_errors_cli::diff::{self, Change, Class, Kind};

const BASE: &str = "docs_base_url: https://example.com/docs/errors\n";

/// One entry in block style; `extra` lines are appended to its fields.
fn entry(code: &str, status: u16, title: &str, extra: &[&str]) -> String {
    let mut text = format!(
        "  {code}:\n    status: {status}\n    title: {title}\n    description: It is gone.\n    \
         detail: Gone\n    what_happened: It was deleted.\n    how_to_fix: Create it again.\n    \
         common_mistakes: '- **Typos**: check the id.'\n"
    );
    for line in extra {
        text.push_str(&format!("    {line}\n"));
    }
    text
}

fn catalogue(head: &str, entries: &[String]) -> Catalogue {
    let yaml = format!("{head}errors:\n{}", entries.concat());
    unkey_errors_catalogue::parse(yaml.as_bytes(), "errors.yaml")
        .unwrap_or_else(|problems| panic!("{problems}\n{yaml}"))
}

fn kinds(changes: &[Change]) -> Vec<(Class, Kind, Option<&str>)> {
    changes
        .iter()
        .map(|c| (c.class, c.kind, c.code.as_deref()))
        .collect()
}

#[test]
fn identical_catalogues_have_no_changes() {
    let one = catalogue(
        BASE,
        &[entry("err:shop:orders:gone", 404, "Not Found", &[])],
    );
    assert_eq!(diff::diff(&one, &one.clone()), []);
}

#[test]
fn a_removed_code_is_breaking_with_its_old_line() {
    let old = catalogue(
        BASE,
        &[
            entry("err:shop:orders:gone", 404, "Not Found", &[]),
            entry("err:shop:carts:full", 409, "Conflict", &[]),
        ],
    );
    let new = catalogue(
        BASE,
        &[entry("err:shop:orders:gone", 404, "Not Found", &[])],
    );
    let changes = diff::diff(&old, &new);
    assert_eq!(
        kinds(&changes),
        [(Class::Breaking, Kind::Removed, Some("err:shop:carts:full"))]
    );
    assert_eq!((changes[0].old_line, changes[0].new_line), (Some(11), None));
}

#[test]
fn status_title_and_errors_array_changes_are_breaking_with_both_values() {
    let old = catalogue(
        BASE,
        &[entry("err:shop:orders:bad", 400, "Bad Request", &[])],
    );
    let new = catalogue(
        BASE,
        &[entry(
            "err:shop:orders:bad",
            422,
            "Unprocessable",
            &["errors_array: true"],
        )],
    );
    let changes = diff::diff(&old, &new);
    assert_eq!(
        kinds(&changes),
        [
            (Class::Breaking, Kind::Status, Some("err:shop:orders:bad")),
            (Class::Breaking, Kind::Title, Some("err:shop:orders:bad")),
            (
                Class::Breaking,
                Kind::ErrorsArray,
                Some("err:shop:orders:bad")
            ),
        ]
    );
    assert_eq!(changes[0].old, Some(400.into()));
    assert_eq!(changes[0].new, Some(422.into()));
    assert_eq!(changes[1].new, Some("Unprocessable".into()));
    assert_eq!(changes[2].old, Some(false.into()));
    assert_eq!(
        (changes[0].old_line, changes[0].new_line),
        (Some(3), Some(3))
    );
}

#[test]
fn a_new_docs_base_url_is_breaking_and_found_on_its_line() {
    let old = catalogue(
        BASE,
        &[entry("err:shop:orders:gone", 404, "Not Found", &[])],
    );
    let head = "# Our errors.\n\ndocs_base_url: https://shop.example/errors\n";
    let new = catalogue(
        head,
        &[entry("err:shop:orders:gone", 404, "Not Found", &[])],
    );
    let mut changes = diff::diff(&old, &new);
    assert_eq!(
        kinds(&changes),
        [(Class::Breaking, Kind::DocsBaseUrl, None)]
    );
    assert_eq!(changes[0].old_line, None, "placed only from the text");
    diff::place_top_level_changes(
        &mut changes,
        &format!("{BASE}errors:\n"),
        &format!("{head}errors:\n"),
    );
    assert_eq!(
        (changes[0].old_line, changes[0].new_line),
        (Some(1), Some(3))
    );
    assert_eq!(changes[0].new, Some("https://shop.example/errors".into()));
}

#[test]
fn an_added_code_is_additive_unless_both_catalogues_are_exhaustive() {
    let one = [entry("err:shop:orders:gone", 404, "Not Found", &[])];
    let two = [
        entry("err:shop:orders:gone", 404, "Not Found", &[]),
        entry("err:shop:carts:full", 409, "Conflict", &[]),
    ];
    let changes = diff::diff(&catalogue(BASE, &one), &catalogue(BASE, &two));
    assert_eq!(
        kinds(&changes),
        [(Class::Additive, Kind::Added, Some("err:shop:carts:full"))]
    );
    assert_eq!((changes[0].old_line, changes[0].new_line), (None, Some(11)));

    let exhaustive = format!("{BASE}exhaustive: true\n");
    let changes = diff::diff(&catalogue(&exhaustive, &one), &catalogue(&exhaustive, &two));
    assert_eq!(
        kinds(&changes),
        [(Class::Breaking, Kind::Added, Some("err:shop:carts:full"))]
    );
}

#[test]
fn turning_exhaustive_on_is_additive_and_off_is_breaking() {
    let entries = [entry("err:shop:orders:gone", 404, "Not Found", &[])];
    let open = catalogue(BASE, &entries);
    let closed = catalogue(&format!("{BASE}exhaustive: true\n"), &entries);
    assert_eq!(
        kinds(&diff::diff(&open, &closed)),
        [(Class::Additive, Kind::Exhaustive, None)]
    );
    assert_eq!(
        kinds(&diff::diff(&closed, &open)),
        [(Class::Breaking, Kind::Exhaustive, None)]
    );
}

#[test]
fn deprecation_is_additive_and_its_reason_is_docs() {
    let plain = catalogue(
        BASE,
        &[entry("err:shop:orders:gone", 404, "Not Found", &[])],
    );
    let deprecated = |reason: &str| {
        catalogue(
            BASE,
            &[entry(
                "err:shop:orders:gone",
                404,
                "Not Found",
                &[&format!("deprecated: {reason}")],
            )],
        )
    };
    let changes = diff::diff(&plain, &deprecated("use err:shop:orders:deleted instead"));
    assert_eq!(
        kinds(&changes),
        [(
            Class::Additive,
            Kind::Deprecated,
            Some("err:shop:orders:gone")
        )]
    );
    assert_eq!(
        changes[0].new,
        Some("use err:shop:orders:deleted instead".into())
    );
    assert_eq!(
        kinds(&diff::diff(&deprecated("no longer sent"), &plain)),
        [(
            Class::Additive,
            Kind::Undeprecated,
            Some("err:shop:orders:gone")
        )]
    );
    assert_eq!(
        kinds(&diff::diff(
            &deprecated("no longer sent"),
            &deprecated("never sent")
        )),
        [(
            Class::Docs,
            Kind::DeprecationReason,
            Some("err:shop:orders:gone")
        )]
    );
}

#[test]
fn prose_related_and_internal_changes_are_docs() {
    let old = catalogue(
        BASE,
        &[
            entry("err:shop:orders:gone", 404, "Not Found", &[]),
            entry("err:shop:carts:full", 409, "Conflict", &[]),
            entry("err:shop:carts:audit", 500, "Internal Server Error", &[]),
        ],
    );
    let yaml = format!(
        "{BASE}errors:\n{}{}{}",
        entry("err:shop:orders:gone", 404, "Not Found", &[])
            .replace("It is gone.", "The order is gone.")
            .replace("detail: Gone", "detail: Order ord_1 is gone")
            .replace("It was deleted.", "Someone deleted it.")
            .replace("Create it again.", "Restore it.")
            .replace("check the id.", "check the order id.")
            + "    related:\n      - err:shop:carts:full\n",
        entry("err:shop:carts:full", 409, "Conflict", &[]),
        entry(
            "err:shop:carts:audit",
            500,
            "Internal Server Error",
            &["internal: true"]
        ),
    );
    let new = unkey_errors_catalogue::parse(yaml.as_bytes(), "errors.yaml").unwrap();
    let changes = diff::diff(&old, &new);
    let gone = Some("err:shop:orders:gone");
    assert_eq!(
        kinds(&changes),
        [
            (Class::Docs, Kind::Description, gone),
            (Class::Docs, Kind::Detail, gone),
            (Class::Docs, Kind::WhatHappened, gone),
            (Class::Docs, Kind::HowToFix, gone),
            (Class::Docs, Kind::CommonMistakes, gone),
            (Class::Docs, Kind::Related, gone),
            (Class::Docs, Kind::Internal, Some("err:shop:carts:audit")),
        ]
    );
    assert_eq!(changes[5].old, Some(serde_json::json!([])));
    assert_eq!(
        changes[5].new,
        Some(serde_json::json!(["err:shop:carts:full"]))
    );
    assert_eq!(diff::count_by_class(&changes), [0, 0, 7]);
}

#[test]
fn a_code_moved_to_another_category_is_a_probable_rename() {
    let old = catalogue(
        BASE,
        &[entry("err:shop:orders:gone", 404, "Not Found", &[])],
    );
    let new = catalogue(BASE, &[entry("err:shop:archive:gone", 410, "Gone", &[])]);
    let changes = diff::diff(&old, &new);
    assert_eq!(
        kinds(&changes),
        [(
            Class::Breaking,
            Kind::Renamed,
            Some("err:shop:archive:gone")
        )]
    );
    assert_eq!(
        changes[0].rename_of.as_deref(),
        Some("err:shop:orders:gone")
    );
    assert_eq!(
        (changes[0].old_line, changes[0].new_line),
        (Some(3), Some(3))
    );
}

#[test]
fn a_code_with_a_new_name_and_the_same_title_is_a_probable_rename_only_if_unambiguous() {
    let old = catalogue(BASE, &[entry("err:shop:carts:full", 409, "Cart Full", &[])]);
    let new = catalogue(
        BASE,
        &[
            entry("err:shop:carts:over_capacity", 409, "Cart Full", &[]),
            entry("err:shop:carts:locked", 423, "Locked", &[]),
        ],
    );
    let changes = diff::diff(&old, &new);
    assert_eq!(
        kinds(&changes),
        [
            (
                Class::Breaking,
                Kind::Renamed,
                Some("err:shop:carts:over_capacity")
            ),
            (Class::Additive, Kind::Added, Some("err:shop:carts:locked")),
        ]
    );
    assert_eq!(changes[0].rename_of.as_deref(), Some("err:shop:carts:full"));

    // Two added codes titled "Cart Full": no guess, a plain removal and two additions.
    let new = catalogue(
        BASE,
        &[
            entry("err:shop:carts:over_capacity", 409, "Cart Full", &[]),
            entry("err:shop:carts:too_many", 409, "Cart Full", &[]),
        ],
    );
    assert_eq!(
        kinds(&diff::diff(&old, &new)),
        [
            (Class::Breaking, Kind::Removed, Some("err:shop:carts:full")),
            (
                Class::Additive,
                Kind::Added,
                Some("err:shop:carts:over_capacity")
            ),
            (
                Class::Additive,
                Kind::Added,
                Some("err:shop:carts:too_many")
            ),
        ]
    );
}

#[test]
fn a_change_serializes_with_every_field() {
    let old = catalogue(
        BASE,
        &[entry("err:shop:orders:gone", 404, "Not Found", &[])],
    );
    let new = catalogue(BASE, &[entry("err:shop:archive:gone", 410, "Gone", &[])]);
    assert_eq!(
        diff::diff(&old, &new)[0].to_json(),
        serde_json::json!({
            "class": "breaking",
            "kind": "renamed",
            "code": "err:shop:archive:gone",
            "old_line": 3,
            "new_line": 3,
            "old": null,
            "new": null,
            "rename_of": "err:shop:orders:gone",
        })
    );
}

#[test]
fn top_level_keys_are_found_only_at_the_start_of_a_line() {
    let text =
        "# docs_base_url: in a comment\nerrors:\n  docs_base_url: nested\ndocs_base_url : x\n";
    assert_eq!(diff::top_level_line(text, "docs_base_url"), Some(4));
    assert_eq!(diff::top_level_line(text, "exhaustive"), None);
}

#[test]
fn surfaces_and_the_gateway_facts_are_classified() {
    let code = "err:edge:client:blocked";
    let with = |extra: &[&str]| catalogue(BASE, &[entry(code, 403, "Forbidden", extra)]);
    let api_only = with(&[]);
    let both = with(&[
        "surfaces: [api, gateway]",
        "gateway:",
        "  status: 401",
        "  message: Blocked.",
    ]);
    let one = |old: &Catalogue, new: &Catalogue| -> Vec<(Class, Kind)> {
        let changes = diff::diff(old, new);
        assert!(changes.iter().all(|c| c.code.as_deref() == Some(code)));
        changes.iter().map(|c| (c.class, c.kind)).collect()
    };

    // The gateway starts sending the code: clients of the API see nothing change.
    assert_eq!(
        one(&api_only, &both),
        [(Class::Additive, Kind::SurfaceAdded)]
    );
    // It stops: a gateway client no longer gets the code.
    assert_eq!(
        one(&both, &api_only),
        [(Class::Breaking, Kind::SurfaceRemoved)]
    );
    // The API stops sending it.
    let gateway_only = with(&["surfaces: [gateway]", "gateway:", "  message: Blocked."]);
    assert!(one(&both, &gateway_only).contains(&(Class::Breaking, Kind::SurfaceRemoved)));

    // The gateway's status and title break its clients; its message is prose.
    let changed = with(&[
        "surfaces: [api, gateway]",
        "gateway:",
        "  status: 429",
        "  title: Too Many Requests",
        "  message: Slow down.",
    ]);
    let changes = diff::diff(&both, &changed);
    assert_eq!(
        kinds(&changes),
        [
            (Class::Breaking, Kind::GatewayStatus, Some(code)),
            (Class::Breaking, Kind::GatewayTitle, Some(code)),
            (Class::Docs, Kind::GatewayMessage, Some(code)),
        ]
    );
    assert_eq!(
        (changes[0].old.clone(), changes[0].new.clone()),
        (Some(401.into()), Some(429.into()))
    );
    // A message that now comes from the error is `null` in the values.
    let from_error = with(&[
        "surfaces: [api, gateway]",
        "gateway:",
        "  status: 401",
        "  message_from_error: true",
    ]);
    let changes = diff::diff(&both, &from_error);
    assert_eq!(
        kinds(&changes),
        [(Class::Docs, Kind::GatewayMessage, Some(code))]
    );
    assert_eq!(changes[0].new, Some(serde_json::Value::Null));
}

#[test]
fn a_navigation_change_is_docs_with_its_line() {
    let entries = [entry("err:shop:orders:gone", 404, "Not Found", &[])];
    let old_head = BASE;
    let new_head = format!("{BASE}docs_navigation:\n  group: Shop Errors\n");
    let old = catalogue(old_head, &entries);
    let new = catalogue(&new_head, &entries);
    let mut changes = diff::diff(&old, &new);
    assert_eq!(kinds(&changes), [(Class::Docs, Kind::DocsNavigation, None)]);
    diff::place_top_level_changes(
        &mut changes,
        &format!("{old_head}errors:\n"),
        &format!("{new_head}errors:\n"),
    );
    assert_eq!((changes[0].old_line, changes[0].new_line), (None, Some(2)));
}
