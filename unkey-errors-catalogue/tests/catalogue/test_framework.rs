//! The top-level `framework` mapping: each condition's code, checked against the entries.

use unkey_errors_catalogue::{Condition, Diagnostics, FRAMEWORK_KEYS, Position, parse};

const SECTIONS: &str = "    what_happened: It happened.\n    how_to_fix: Fix it.\n    common_mistakes: \"- **Typos**: check.\"\n";

/// A catalogue with a 500, a 400, a 404 and a gateway-only 502, then `framework` as given.
fn catalogue(framework: &str) -> String {
    let entries = [
        "  err:shop:application:unexpected:\n    status: 500\n    title: Internal Server Error\n    description: Something failed.\n    detail: x\n",
        "  err:shop:request:invalid_body:\n    status: 400\n    title: Bad Request\n    description: The body is wrong.\n    detail: x\n    errors_array: true\n",
        "  err:shop:request:no_route:\n    status: 404\n    title: Not Found\n    description: No such route.\n    detail: x\n",
        "  err:shop:edge:upstream:\n    status: 502\n    title: Bad Gateway\n    description: The app failed.\n    detail: x\n    surfaces: [gateway]\n    gateway:\n      message: The app failed.\n",
    ];
    let entries: String = entries
        .iter()
        .map(|entry| format!("{entry}{SECTIONS}"))
        .collect();
    format!("docs_base_url: https://example.com/docs/errors\n{framework}errors:\n{entries}")
}

fn errors(yaml: &str) -> Diagnostics {
    parse(yaml.as_bytes(), "shop.yaml").expect_err("the catalogue should be rejected")
}

#[test]
fn every_condition_has_a_key_and_the_keys_are_the_documented_ones() {
    let keys: Vec<&str> = Condition::ALL.iter().map(|c| c.key()).collect();
    assert_eq!(keys, FRAMEWORK_KEYS);
    for condition in Condition::ALL {
        assert_eq!(Condition::from_key(condition.key()), Some(condition));
    }
    assert_eq!(Condition::from_key("panics"), None);
}

#[test]
fn listed_conditions_get_their_codes_and_unlisted_ones_none() {
    // Written out of order: the catalogue keeps the conditions' own order.
    let yaml = catalogue(
        "framework:\n  invalid_body: err:shop:request:invalid_body\n  panic: err:shop:application:unexpected\n  route_not_found: err:shop:request:no_route\n",
    );
    let catalogue = parse(yaml.as_bytes(), "shop.yaml").unwrap();
    let listed: Vec<(Condition, &str)> = catalogue
        .framework()
        .iter()
        .map(|(condition, code)| (*condition, code.as_str()))
        .collect();
    assert_eq!(
        listed,
        [
            (Condition::Panic, "err:shop:application:unexpected"),
            (Condition::RouteNotFound, "err:shop:request:no_route"),
            (Condition::InvalidBody, "err:shop:request:invalid_body"),
        ]
    );
    assert_eq!(catalogue.framework_code(Condition::Timeout), None);
    assert_eq!(
        catalogue
            .framework_code(Condition::Panic)
            .map(|c| c.as_str()),
        Some("err:shop:application:unexpected")
    );
}

#[test]
fn a_catalogue_without_framework_or_with_an_empty_one_lets_every_condition_pass() {
    for framework in ["", "framework:\n"] {
        let yaml = catalogue(framework);
        assert!(
            parse(yaml.as_bytes(), "shop.yaml")
                .unwrap()
                .framework()
                .is_empty()
        );
    }
}

#[test]
fn every_mistake_in_framework_is_located_and_explained_in_one_build() {
    // Reported in the file's order, each on the value (or key) at fault.
    let yaml = catalogue(
        "framework:\n  panik: err:shop:application:unexpected\n  panic: err:shop:request:invalid_body\n  invalid_body: err:shop:request:invalid_bdy\n  route_not_found: err:shop:edge:upstream\n  timeout: 408\n  client_closed: err:shop:application:unexpected\n",
    );
    let found = errors(&yaml);
    let summary: Vec<(usize, usize, &str, Option<&str>)> = found
        .iter()
        .map(|d| {
            let Position { line, column } = d.position.unwrap();
            (line, column, d.message.as_str(), d.help.as_deref())
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                3,
                3,
                "unknown framework condition `panik`",
                Some(
                    "did you mean `panic`? (expected one of `panic`, `route_not_found`, `method_not_allowed`, `invalid_body`, `body_too_large`, `unreadable_body`, `timeout`, `client_closed`)"
                )
            ),
            (
                4,
                10,
                "`framework.panic` names `err:shop:request:invalid_body`, whose status is 400, but its code must be a server error (5xx): a panic is the service's fault",
                Some("name a code with a status in 500..=599")
            ),
            (
                5,
                17,
                "`framework.invalid_body` names `err:shop:request:invalid_bdy`, which the catalogue does not define",
                Some("did you mean `err:shop:request:invalid_body`?")
            ),
            (
                6,
                20,
                "`framework.route_not_found` names `err:shop:edge:upstream`, which the API never sends (its `surfaces` lack `api`)",
                Some(
                    "the framework's failures are answered by the API: add `api` to the entry's `surfaces`, or name an API code"
                )
            ),
            (
                6,
                20,
                "`framework.route_not_found` names `err:shop:edge:upstream`, whose status is 502, but its code must be a client error (4xx): the request caused it",
                Some("name a code with a status in 400..=499")
            ),
            (
                7,
                12,
                "the code for `timeout` must be a code string, not an integer",
                Some(
                    "write one of the catalogue's codes (err:<system>:<category>:<specific>), or remove the line to let the condition pass through"
                )
            ),
            (
                8,
                18,
                "`framework.client_closed` names `err:shop:application:unexpected`, whose status is 500, but its code must be a client error (4xx): the request caused it",
                Some("name a code with a status in 400..=499")
            ),
        ]
    );
}

#[test]
fn framework_that_is_not_a_mapping_or_sets_a_condition_twice_is_an_error() {
    let found = errors(&catalogue("framework: err:shop:application:unexpected\n"));
    assert_eq!(found.len(), 1, "{found}");
    assert_eq!(
        found.0[0].message,
        "`framework` must be a mapping, not a string"
    );

    let found = errors(&catalogue(
        "framework:\n  panic: err:shop:application:unexpected\n  panic: err:shop:application:unexpected\n",
    ));
    assert_eq!(found.len(), 1, "{found}");
    assert!(
        found.0[0]
            .message
            .contains("`panic` is set twice in `framework`"),
        "{found}"
    );
}
