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
    // The error domain defaults to the docs' host, so gRPC clients see a new one too.
    assert_eq!(
        kinds(&changes),
        [
            (Class::Breaking, Kind::DocsBaseUrl, None),
            (Class::Breaking, Kind::Domain, None)
        ]
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
    assert_eq!(diff::count_by_class(&changes), [0, 0, 0, 7]);
}

#[test]
fn a_code_renamed_within_its_category_is_a_probable_rename_and_still_an_addition() {
    let old = catalogue(
        BASE,
        &[entry("err:shop:orders:gone", 404, "Not Found", &[])],
    );
    let new = catalogue(BASE, &[entry("err:shop:orders:deleted", 410, "Gone", &[])]);
    let changes = diff::diff(&old, &new);
    assert_eq!(
        kinds(&changes),
        [
            (Class::Breaking, Kind::Renamed, Some("err:shop:orders:gone")),
            (
                Class::Additive,
                Kind::Added,
                Some("err:shop:orders:deleted")
            ),
        ]
    );
    assert_eq!(
        changes[0].probable_rename.as_deref(),
        Some("err:shop:orders:deleted")
    );
    assert_eq!(
        (changes[0].old_line, changes[0].new_line),
        (Some(3), Some(3))
    );
    assert_eq!(
        changes[1].probable_rename.as_deref(),
        Some("err:shop:orders:gone")
    );
    assert_eq!((changes[1].old_line, changes[1].new_line), (None, Some(3)));
    assert_eq!(diff::count_by_class(&changes), [1, 0, 1, 0]);
    assert_eq!(
        changes[0].describe(),
        "err:shop:orders:gone  removed, probably renamed to err:shop:orders:deleted"
    );
    assert_eq!(
        changes[1].describe(),
        "err:shop:orders:deleted  added, probably the new name of err:shop:orders:gone"
    );
}

#[test]
fn a_shared_last_segment_alone_is_no_rename() {
    // Same specific part, another category and another title: unrelated codes.
    let old = catalogue(
        BASE,
        &[entry(
            "err:shop:orders:not_found",
            404,
            "Order Not Found",
            &[],
        )],
    );
    let new = catalogue(
        BASE,
        &[entry(
            "err:shop:invoices:not_found",
            404,
            "Invoice Not Found",
            &[],
        )],
    );
    assert_eq!(
        kinds(&diff::diff(&old, &new)),
        [
            (
                Class::Breaking,
                Kind::Removed,
                Some("err:shop:orders:not_found")
            ),
            (
                Class::Additive,
                Kind::Added,
                Some("err:shop:invoices:not_found")
            ),
        ]
    );
}

#[test]
fn a_code_with_a_new_place_and_the_same_title_is_a_probable_rename() {
    let old = catalogue(BASE, &[entry("err:shop:carts:full", 409, "Cart Full", &[])]);
    let new = catalogue(
        BASE,
        &[
            entry("err:shop:limits:cart_capacity", 409, "Cart Full", &[]),
            entry("err:shop:limits:locked", 423, "Locked", &[]),
        ],
    );
    let changes = diff::diff(&old, &new);
    assert_eq!(
        kinds(&changes),
        [
            (Class::Breaking, Kind::Renamed, Some("err:shop:carts:full")),
            (
                Class::Additive,
                Kind::Added,
                Some("err:shop:limits:cart_capacity")
            ),
            (Class::Additive, Kind::Added, Some("err:shop:limits:locked")),
        ]
    );
    assert_eq!(
        changes[0].probable_rename.as_deref(),
        Some("err:shop:limits:cart_capacity")
    );
    assert_eq!(changes[2].probable_rename, None);
}

#[test]
fn an_ambiguous_rename_pairs_nothing() {
    let old = catalogue(BASE, &[entry("err:shop:carts:full", 409, "Cart Full", &[])]);
    // Two added codes in the same category and with the same title.
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

    // Two removed codes of one category, one added: which was renamed cannot be told.
    let old = catalogue(
        BASE,
        &[
            entry("err:shop:carts:full", 409, "Cart Full", &[]),
            entry("err:shop:carts:locked", 423, "Locked", &[]),
        ],
    );
    let new = catalogue(BASE, &[entry("err:shop:carts:closed", 409, "Closed", &[])]);
    assert_eq!(
        kinds(&diff::diff(&old, &new)),
        [
            (Class::Breaking, Kind::Removed, Some("err:shop:carts:full")),
            (
                Class::Breaking,
                Kind::Removed,
                Some("err:shop:carts:locked")
            ),
            (Class::Additive, Kind::Added, Some("err:shop:carts:closed")),
        ]
    );
}

#[test]
fn the_same_place_and_title_together_settle_what_either_alone_leaves_open() {
    // Both removed codes share the category with both added ones, but each title matches once.
    let old = catalogue(
        BASE,
        &[
            entry("err:shop:carts:full", 409, "Cart Full", &[]),
            entry("err:shop:carts:locked", 423, "Locked", &[]),
        ],
    );
    let new = catalogue(
        BASE,
        &[
            entry("err:shop:carts:at_capacity", 409, "Cart Full", &[]),
            entry("err:shop:carts:frozen", 423, "Locked", &[]),
        ],
    );
    let changes = diff::diff(&old, &new);
    let renames: Vec<(&str, &str)> = changes
        .iter()
        .filter(|c| c.kind == Kind::Renamed)
        .map(|c| {
            (
                c.code.as_deref().unwrap(),
                c.probable_rename.as_deref().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        renames,
        [
            ("err:shop:carts:full", "err:shop:carts:at_capacity"),
            ("err:shop:carts:locked", "err:shop:carts:frozen"),
        ]
    );
}

#[test]
fn a_change_serializes_with_every_field() {
    let old = catalogue(
        BASE,
        &[entry("err:shop:orders:gone", 404, "Not Found", &[])],
    );
    let new = catalogue(BASE, &[entry("err:shop:orders:deleted", 410, "Gone", &[])]);
    let changes = diff::diff(&old, &new);
    assert_eq!(
        changes[0].to_json(),
        serde_json::json!({
            "class": "breaking",
            "kind": "renamed",
            "code": "err:shop:orders:gone",
            "old_line": 3,
            "new_line": 3,
            "old": null,
            "new": null,
            "probable_rename": "err:shop:orders:deleted",
        })
    );
    assert_eq!(
        diff::to_json(&changes, "old.yaml", "new.yaml"),
        serde_json::json!({
            "old": "old.yaml",
            "new": "new.yaml",
            "changes": [changes[0].to_json(), changes[1].to_json()],
            "summary": {"breaking": 1, "wire": 0, "additive": 1, "docs": 0},
        })
    );
    assert_eq!(
        changes[1].to_json()["probable_rename"],
        "err:shop:orders:gone"
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
    // The API stops sending it: that surface is removed; the gateway's facts are unchanged
    // (the entry's 403 was the API's, and the gateway's 401 stays the gateway's).
    let gateway_only = with(&["surfaces: [gateway]", "gateway:", "  message: Blocked."]);
    let gateway_only_401 = catalogue(
        BASE,
        &[entry(
            code,
            401,
            "Forbidden",
            &["surfaces: [gateway]", "gateway:", "  message: Blocked."],
        )],
    );
    assert!(one(&both, &gateway_only).contains(&(Class::Breaking, Kind::SurfaceRemoved)));
    // The API starts sending a gateway-only code: a surface added, not a new status and title,
    // though the entry's own turn from the gateway's (401) into the API's (403). The gRPC
    // status follows the entry's status, so it does change.
    assert_eq!(
        one(&gateway_only_401, &both),
        [
            (Class::Breaking, Kind::Grpc),
            (Class::Additive, Kind::SurfaceAdded)
        ]
    );
    assert_eq!(
        one(&both, &gateway_only_401),
        [
            (Class::Breaking, Kind::Grpc),
            (Class::Breaking, Kind::SurfaceRemoved)
        ]
    );
    // A gateway-only code's status is the gateway's: its change breaks the gateway's clients.
    assert_eq!(
        one(&gateway_only_401, &gateway_only),
        [
            (Class::Breaking, Kind::Grpc),
            (Class::Breaking, Kind::GatewayStatus)
        ]
    );

    // The gateway's status and title break its clients; its message is the body they receive.
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
            (Class::Wire, Kind::GatewayMessage, Some(code)),
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
        [(Class::Wire, Kind::GatewayMessage, Some(code))]
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

/// `yaml` with every `It is gone.` description and `Gone` detail reworded.
fn reworded(yaml: &str) -> String {
    yaml.replace("It is gone.", "It is no longer here.")
        .replace("detail: Gone", "detail: Gone for good")
}

#[test]
fn a_description_the_runtime_sends_is_a_wire_change_and_the_detail_never_is() {
    let classes = |status: u16, extra: &[&str]| -> Vec<(Class, Kind)> {
        let code = "err:shop:orders:gone";
        let before = entry(code, status, "Some Title", extra);
        let old = catalogue(BASE, std::slice::from_ref(&before));
        let new = catalogue(BASE, &[reworded(&before)]);
        diff::diff(&old, &new)
            .iter()
            .map(|c| (c.class, c.kind))
            .collect()
    };
    // A server error made without a detail of its own sends the description as its detail.
    assert_eq!(
        classes(503, &[]),
        [
            (Class::Wire, Kind::Description),
            (Class::Docs, Kind::Detail)
        ]
    );
    // A client error sends its own detail: the description is only read in the docs.
    assert_eq!(
        classes(404, &[]),
        [
            (Class::Docs, Kind::Description),
            (Class::Docs, Kind::Detail)
        ]
    );
    // The gateway sends the description when the message comes from the error and none is given.
    let from_error = [
        "surfaces: [api, gateway]",
        "gateway:",
        "  message_from_error: true",
    ];
    assert_eq!(
        classes(400, &from_error),
        [
            (Class::Wire, Kind::Description),
            (Class::Docs, Kind::Detail)
        ]
    );
    // With a message of its own, the gateway never sends the description.
    let fixed = [
        "surfaces: [api, gateway]",
        "gateway:",
        "  message: Blocked.",
    ];
    assert_eq!(
        classes(400, &fixed),
        [
            (Class::Docs, Kind::Description),
            (Class::Docs, Kind::Detail)
        ]
    );
}

#[test]
fn the_report_groups_wire_changes_between_breaking_and_additive() {
    let code = "err:shop:orders:gone";
    let old = catalogue(BASE, &[entry(code, 500, "Internal Server Error", &[])]);
    let new_text = reworded(&entry(code, 500, "Internal Server Error", &[]))
        + &entry("err:shop:orders:late", 504, "Gateway Timeout", &[]);
    let new = catalogue(BASE, &[new_text]);
    let changes = diff::diff(&old, &new);
    assert_eq!(diff::count_by_class(&changes), [0, 1, 1, 1]);
    assert_eq!(
        diff::report(&changes, "old.yaml", "new.yaml"),
        "wire (1):\n  \
         err:shop:orders:gone  description, which the runtime sends as the response's text: \
         \"It is gone.\" -> \"It is no longer here.\"  (old.yaml:3 -> new.yaml:3)\n\
         additive (1):\n  err:shop:orders:late  added  (new.yaml:11)\n\
         docs (1):\n  err:shop:orders:gone  detail: \"Gone\" -> \"Gone for good\"  \
         (old.yaml:3 -> new.yaml:3)\n\
         0 breaking, 1 wire, 1 additive, 1 docs change from old.yaml to new.yaml\n"
    );
}

/// A catalogue of one entry per code, in the order given, each 404 "Not Found" with its own
/// title so that no two codes look like a rename of each other.
fn in_order(codes: &[&str]) -> Catalogue {
    let entries: Vec<String> = codes
        .iter()
        .map(|code| entry(code, 404, &format!("Title {code}"), &[]))
        .collect();
    catalogue(BASE, &entries)
}

#[test]
fn a_code_added_after_the_last_entry_changes_no_discriminant() {
    let old = in_order(&["err:shop:a:one", "err:shop:b:two"]);
    let new = in_order(&["err:shop:a:one", "err:shop:b:two", "err:shop:a:three"]);
    assert_eq!(
        kinds(&diff::diff(&old, &new)),
        [(Class::Additive, Kind::Added, Some("err:shop:a:three"))]
    );
}

#[test]
fn a_code_inserted_mid_file_shifts_the_discriminants_after_it() {
    let old = in_order(&["err:shop:a:one", "err:shop:b:two", "err:shop:c:three"]);
    let new = in_order(&[
        "err:shop:a:one",
        "err:shop:a:inserted",
        "err:shop:b:two",
        "err:shop:c:three",
    ]);
    let changes = diff::diff(&old, &new);
    assert_eq!(
        kinds(&changes),
        [
            (Class::Additive, Kind::Added, Some("err:shop:a:inserted")),
            // The order of the file is not part of the stable API: a minor release.
            (Class::Additive, Kind::Discriminants, None),
        ]
    );
    let shift = &changes[1];
    // Placed at the first code that shifted: two in the old file, three in the new.
    assert_eq!((shift.old_line, shift.new_line), (Some(11), Some(19)));
    assert_eq!(
        shift.old,
        Some(serde_json::json!({"err:shop:b:two": 1, "err:shop:c:three": 2}))
    );
    assert_eq!(
        shift.new,
        Some(serde_json::json!({"err:shop:b:two": 2, "err:shop:c:three": 3}))
    );
    assert_eq!(
        shift.describe(),
        "2 existing codes get another discriminant, from err:shop:b:two (1 -> 2): `as u16` and \
         indices into `Code::ALL` name other codes than before (neither is stable across \
         releases; `Ord`, by URN, is unchanged)"
    );
    // A top-level setting is placed from the text; this change keeps the lines of its code.
    let mut placed = changes.clone();
    diff::place_top_level_changes(&mut placed, "errors:\n", "errors:\n");
    assert_eq!(placed, changes);

    // Removing a code mid-file shifts the codes after it the other way.
    let changes = diff::diff(&new, &old);
    assert_eq!(
        kinds(&changes),
        [
            (Class::Breaking, Kind::Removed, Some("err:shop:a:inserted")),
            (Class::Additive, Kind::Discriminants, None),
        ]
    );
}

#[test]
fn a_code_moved_among_the_others_changes_their_order() {
    let old = in_order(&["err:shop:a:one", "err:shop:b:two", "err:shop:c:three"]);
    // `three` moved to the front: the one code out of its old order.
    let new = in_order(&["err:shop:c:three", "err:shop:a:one", "err:shop:b:two"]);
    let changes = diff::diff(&old, &new);
    assert_eq!(
        kinds(&changes),
        [
            (Class::Additive, Kind::Moved, Some("err:shop:c:three")),
            (Class::Additive, Kind::Discriminants, None),
        ]
    );
    assert_eq!(
        (changes[0].old_line, changes[0].new_line),
        (Some(19), Some(3))
    );
    assert_eq!(
        (changes[0].old.clone(), changes[0].new.clone()),
        (Some(2.into()), Some(0.into()))
    );
    assert_eq!(
        changes[0].describe(),
        "err:shop:c:three  moved among the existing codes: it stands elsewhere in `Code::ALL` \
         and its discriminant (`as u16`, not stable across releases) is 2 -> 0; it sorts \
         (`Ord`, by URN) as before"
    );
    assert_eq!(
        changes[1].new,
        Some(serde_json::json!({"err:shop:a:one": 1, "err:shop:b:two": 2}))
    );

    // Swapping the last two: one of them moved, and nothing else shifts.
    let swapped = in_order(&["err:shop:a:one", "err:shop:c:three", "err:shop:b:two"]);
    let changes = diff::diff(&old, &swapped);
    let moved: Vec<_> = changes.iter().filter(|c| c.kind == Kind::Moved).collect();
    assert_eq!(moved.len(), 1, "{changes:?}");
    assert_eq!(
        changes.len(),
        2,
        "the other of the two shifted: {changes:?}"
    );
    assert!(changes.iter().all(|c| c.class == Class::Additive));
}

#[test]
fn a_reversed_catalogue_moves_all_codes_but_one() {
    let codes: Vec<String> = (0..300).map(|i| format!("err:shop:c{i}:x")).collect();
    let forward: Vec<&str> = codes.iter().map(String::as_str).collect();
    let backward: Vec<&str> = forward.iter().rev().copied().collect();
    let changes = diff::diff(&in_order(&forward), &in_order(&backward));
    let moved = changes.iter().filter(|c| c.kind == Kind::Moved).count();
    assert_eq!(moved, 299);
    // The one that stays put still gets another discriminant (reversing a list of even length
    // leaves no item in place), so one more change reports it alone.
    let shifted = changes
        .iter()
        .find(|c| c.kind == Kind::Discriminants)
        .expect("the code that stayed shifted");
    assert_eq!(shifted.new.as_ref().unwrap().as_object().unwrap().len(), 1);
    assert_eq!(changes.len(), 300);
}

#[test]
fn a_renamed_system_pairs_every_code_by_its_title() {
    let entries = |system: &str| -> Vec<String> {
        (0..300)
            .map(|i| {
                entry(
                    &format!("err:{system}:c{i}:x"),
                    404,
                    &format!("Title {i}"),
                    &[],
                )
            })
            .collect()
    };
    let changes = diff::diff(
        &catalogue(BASE, &entries("shop")),
        &catalogue(BASE, &entries("store")),
    );
    let renamed: Vec<&Change> = changes.iter().filter(|c| c.kind == Kind::Renamed).collect();
    assert_eq!(renamed.len(), 300);
    assert!(renamed.iter().enumerate().all(|(i, c)| {
        c.code.as_deref() == Some(format!("err:shop:c{i}:x").as_str())
            && c.probable_rename.as_deref() == Some(format!("err:store:c{i}:x").as_str())
    }));
    assert_eq!(
        changes.iter().filter(|c| c.kind == Kind::Added).count(),
        300
    );
}

#[test]
fn any_change_to_the_framework_codes_is_breaking() {
    let entries = [
        entry("err:shop:a:unexpected", 500, "Internal Server Error", &[]),
        entry("err:shop:a:broken", 503, "Service Unavailable", &[]),
        entry("err:shop:a:invalid", 400, "Bad Request", &[]),
    ];
    let with = |framework: &str| catalogue(&format!("{BASE}framework:\n{framework}"), &entries);
    let old = with("  panic: err:shop:a:unexpected\n");
    for (new, what) in [
        (with("  panic: err:shop:a:broken\n"), "another code"),
        (with(""), "no code"),
        (
            with("  panic: err:shop:a:unexpected\n  invalid_body: err:shop:a:invalid\n"),
            "a condition gains a code",
        ),
    ] {
        let changes = diff::diff(&old, &new);
        assert_eq!(
            kinds(&changes),
            [(Class::Breaking, Kind::Framework, None)],
            "{what}"
        );
    }
    let changes = diff::diff(&old, &with("  panic: err:shop:a:broken\n"));
    assert_eq!(
        (changes[0].old.clone(), changes[0].new.clone()),
        (
            Some(serde_json::json!({"panic": "err:shop:a:unexpected"})),
            Some(serde_json::json!({"panic": "err:shop:a:broken"}))
        )
    );
    assert_eq!(Kind::Framework.top_level_key(), Some("framework"));
    assert!(diff::diff(&old, &with("  panic: err:shop:a:unexpected\n")).is_empty());
}

#[test]
fn a_changed_grpc_status_or_domain_is_breaking_and_a_restated_default_is_no_change() {
    let old = catalogue(
        BASE,
        &[entry("err:shop:orders:taken", 409, "Conflict", &[])],
    );
    // Stating the default (409's ABORTED) changes nothing a client sees.
    let restated = catalogue(
        BASE,
        &[entry(
            "err:shop:orders:taken",
            409,
            "Conflict",
            &["grpc: ABORTED"],
        )],
    );
    assert_eq!(diff::diff(&old, &restated), []);
    let new = catalogue(
        &format!("{BASE}domain: shop.example\n"),
        &[entry(
            "err:shop:orders:taken",
            409,
            "Conflict",
            &["grpc: ALREADY_EXISTS"],
        )],
    );
    let changes = diff::diff(&old, &new);
    assert_eq!(
        kinds(&changes),
        [
            (Class::Breaking, Kind::Domain, None),
            (Class::Breaking, Kind::Grpc, Some("err:shop:orders:taken")),
        ]
    );
    assert_eq!(
        changes[1].describe(),
        "err:shop:orders:taken  grpc: \"ABORTED\" -> \"ALREADY_EXISTS\""
    );
    assert_eq!(
        changes[0].describe(),
        "domain: \"example.com\" -> \"shop.example\""
    );
}
