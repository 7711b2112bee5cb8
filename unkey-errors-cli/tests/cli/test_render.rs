//! The rendered docs: the published page layout, completeness, links, escaping, determinism,
//! and the committed `docs/` tree equal to a fresh render.

use std::path::Path;

use unkey_errors_catalogue::Catalogue;
use unkey_errors_cli::render;

fn unkey() -> Catalogue {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../errors.yaml");
    unkey_errors_catalogue::load(&path, "errors.yaml").unwrap()
}

fn forbidden_page() -> String {
    let catalogue = unkey();
    let entry = catalogue.get("err:unkey:authorization:forbidden").unwrap();
    render::page(&catalogue, entry)
}

/// The parts of a page that the published layout fixes.
#[derive(Debug, PartialEq)]
struct Structure {
    title: String,
    danger: String,
    headings: Vec<String>,
    related: Vec<(String, String)>,
    json: String,
}

fn reference() -> Structure {
    let text = include_str!("../fixtures/forbidden-page-structure.txt");
    let (lines, json) = text.split_once("\njson\n").unwrap();
    let mut structure = Structure {
        title: String::new(),
        danger: String::new(),
        headings: Vec::new(),
        related: Vec::new(),
        json: json.trim_end().to_owned(),
    };
    for line in lines.lines().filter(|l| !l.starts_with('#')) {
        let (kind, rest) = line.split_once(' ').unwrap();
        match kind {
            "title" => structure.title = rest.to_owned(),
            "danger" => structure.danger = rest.to_owned(),
            "heading" => structure.headings.push(rest.to_owned()),
            "related" => {
                let (code, link) = rest.split_once(' ').unwrap();
                structure.related.push((code.to_owned(), link.to_owned()));
            }
            other => panic!("unknown line kind {other}"),
        }
    }
    structure
}

fn structure(page: &str) -> Structure {
    let frontmatter = page
        .strip_prefix("---\n")
        .unwrap()
        .split_once("\n---\n")
        .unwrap()
        .0;
    let keys: Vec<&str> = frontmatter
        .lines()
        .map(|l| l.split_once(": ").unwrap().0)
        .collect();
    assert_eq!(keys, ["title", "description"], "frontmatter keys");
    let title = frontmatter
        .lines()
        .next()
        .unwrap()
        .strip_prefix("title: ")
        .unwrap();
    let api_json = examples(page)
        .into_iter()
        .find(|(title, _)| title == "Example" || title.starts_with("API response"))
        .map(|(_, json)| json)
        .unwrap_or_default();
    Structure {
        title: serde_json::from_str(title).unwrap(),
        danger: page
            .lines()
            .find(|l| l.starts_with("<Danger>"))
            .unwrap()
            .to_owned(),
        headings: page
            .lines()
            .filter_map(|l| l.strip_prefix("## "))
            .map(str::to_owned)
            .collect(),
        related: page
            .lines()
            .filter_map(|l| l.strip_prefix("- [err:"))
            .map(|l| {
                let (code, rest) = l.split_once("](").unwrap();
                let link = rest.split_once(')').unwrap().0;
                (format!("err:{code}"), link.to_owned())
            })
            .collect(),
        json: api_json,
    }
}

/// Every ```` ```json <title> ```` block of a page before its first section, with its title.
fn examples(page: &str) -> Vec<(String, String)> {
    let head = page.split("\n## ").next().unwrap();
    head.split("```json ")
        .skip(1)
        .map(|block| {
            let (title, rest) = block.split_once('\n').unwrap();
            let json = rest.split_once("\n```").unwrap().0;
            (title.to_owned(), json.to_owned())
        })
        .collect()
}

#[test]
fn the_forbidden_page_has_the_published_structure() {
    assert_eq!(structure(&forbidden_page()), reference());
}

#[test]
fn the_example_json_is_the_api_s_own_serialization() {
    let page = forbidden_page();
    let response = unkey_errors::ErrorResponse::new(
        unkey_errors::codes::unkey::authorization::FORBIDDEN,
        render::EXAMPLE_REQUEST_ID,
        "This operation is not allowed",
    );
    assert!(page.contains(&serde_json::to_string_pretty(&response).unwrap()));
}

#[test]
fn bad_request_pages_show_an_empty_errors_array() {
    let catalogue = unkey();
    let entry = catalogue
        .get("err:unkey:application:invalid_input")
        .unwrap();
    let json = structure(&render::page(&catalogue, entry)).json;
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["error"]["errors"], serde_json::json!([]));
    assert_eq!(value["error"]["status"], 400);
}

#[test]
fn every_public_entry_has_a_complete_page_with_its_facts() {
    let catalogue = unkey();
    let tree = render::tree(&catalogue);
    assert_eq!(
        tree.len(),
        catalogue.entries().len() + 3,
        "a page per code, plus overview, navigation, llms.txt"
    );
    for entry in catalogue.entries() {
        let page = &tree[&format!("{}.mdx", render::page_path(entry))];
        let found = structure(page);
        assert_eq!(
            found.headings[..3],
            ["What Happened?", "How To Fix", "Common Mistakes"],
            "{}",
            entry.code
        );
        let titles: Vec<String> = examples(page).into_iter().map(|(t, _)| t).collect();
        let gateway_title = entry
            .gateway
            .as_ref()
            .map(|gateway| format!("Gateway response ({})", gateway.status));
        let expected: Vec<String> = match (entry.api, gateway_title) {
            (true, None) => vec!["Example".to_owned()],
            (true, Some(gateway)) => vec![format!("API response ({})", entry.status), gateway],
            (false, Some(gateway)) => vec![gateway],
            (false, None) => unreachable!("the validator requires a surface"),
        };
        assert_eq!(titles, expected, "{}", entry.code);
        if entry.api {
            let json: serde_json::Value = serde_json::from_str(&found.json).unwrap();
            assert_eq!(json["error"]["status"], entry.status);
            assert_eq!(json["error"]["title"], entry.title.as_str());
            assert_eq!(json["error"]["type"], catalogue.docs_url(entry));
            // What a derived error without a `detail` template sends: a server error's
            // description exactly, a client error's own text (the entry's example of it).
            let detail = if entry.status >= 500 {
                &entry.description
            } else {
                &entry.detail
            };
            assert_eq!(json["error"]["detail"], detail.as_str(), "{}", entry.code);
        }
        if let Some(gateway) = &entry.gateway {
            let (_, json) = examples(page).pop().unwrap();
            let json: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert_eq!(json["error"]["code"], entry.code.as_str());
            // A message from the error is masked by the description on a server error.
            let from_error = if gateway.status >= 500 {
                &entry.description
            } else {
                &entry.detail
            };
            let message = gateway.message.as_deref().unwrap_or(from_error);
            assert_eq!(json["error"]["message"], message);
            // The line above the examples names each surface's status and the page's title.
            assert!(
                page.contains(&format!("**{} {}**", gateway.status, gateway.title)),
                "{page}"
            );
            assert_eq!(
                page.contains("the one shown is an example"),
                gateway.message.is_none() && gateway.status < 500,
                "{}",
                entry.code
            );
        }
    }
}

#[test]
fn a_code_both_surfaces_send_shows_both_bodies_as_tabs_with_their_statuses() {
    let catalogue = unkey();
    let entry = catalogue.get("err:unkey:authentication:missing").unwrap();
    let page = render::page(&catalogue, entry);
    let danger = "<Danger>`err:unkey:authentication:missing`</Danger>\n\n";
    let expected = format!(
        "{danger}Sent by the API with **400 Bad Request** and by the gateway in front of the \
         deployment with **401 Unauthorized**. The gateway answers a browser with an HTML error \
         page titled \"Unauthorized\" instead of JSON.\n\n<CodeGroup>\n\n```json API response \
         (400)\n{}\n```\n\n```json Gateway response (401)\n{}\n```\n\n</CodeGroup>\n\nOver gRPC the \
         status is `INVALID_ARGUMENT`, with an `ErrorInfo` of reason \
         `UNKEY_AUTHENTICATION_MISSING` in domain `unkey.com`.\n\n## What Happened?",
        render::example_response(&catalogue, entry),
        render::gateway_example_response(entry).unwrap(),
    );
    assert!(page.contains(&expected), "{page}");
}

#[test]
fn the_gateway_example_has_the_gateway_s_members_in_its_order() {
    let catalogue = unkey();
    let entry = catalogue.get("err:frontline:client:rate_limited").unwrap();
    // The gateway's bytes, pinned: `meta` first, then `error.code` and `error.message`.
    assert_eq!(
        render::gateway_example_response(entry).unwrap(),
        r#"{
  "meta": {
    "requestId": "req_2c9a0jf23l4k567"
  },
  "error": {
    "code": "err:frontline:client:rate_limited",
    "message": "Too many requests; slow down and retry later."
  }
}"#
    );
    assert_eq!(
        render::gateway_example_response(catalogue.get("err:unkey:data:key_not_found").unwrap()),
        None,
        "the gateway never sends it"
    );
    // A message that needs escaping stays valid JSON.
    let mut quoting = entry.clone();
    quoting.gateway.as_mut().unwrap().message = Some("say \"hi\"\\ <now>".to_owned());
    let body: serde_json::Value =
        serde_json::from_str(&render::gateway_example_response(&quoting).unwrap()).unwrap();
    assert_eq!(body["error"]["message"], "say \"hi\"\\ <now>");
}

#[test]
fn a_gateway_only_page_shows_only_the_gateway_s_body_and_status() {
    let catalogue = unkey();
    let entry = catalogue
        .get("err:frontline:client:openapi_validation_failed")
        .unwrap();
    let page = render::page(&catalogue, entry);
    assert_eq!(
        examples(&page)
            .into_iter()
            .map(|(title, _)| title)
            .collect::<Vec<_>>(),
        ["Gateway response (400)"]
    );
    assert!(!page.contains("\"type\""), "no API envelope: {page}");
    assert!(!page.contains("<CodeGroup>"), "{page}");
    assert!(
        page.contains("Sent by the gateway in front of the deployment with **400 Bad Request**."),
        "{page}"
    );
    // Its message comes from the error raised: the detail stands in, and the page says so.
    assert!(page.contains(&format!("\"message\": \"{}\"", entry.detail)));
    assert!(
        page.contains("Its `message` comes from the error raised; the one shown is an example.")
    );
}

#[test]
fn every_related_link_resolves_to_a_rendered_page() {
    let catalogue = unkey();
    let tree = render::tree(&catalogue);
    let mut links = 0;
    for entry in catalogue.entries() {
        let page = &tree[&format!("{}.mdx", render::page_path(entry))];
        let dir = Path::new(&render::page_path(entry))
            .parent()
            .unwrap()
            .to_path_buf();
        for (code, link) in structure(page).related {
            let mut target = dir.clone();
            for part in link.split('/') {
                match part {
                    "." => {}
                    ".." => assert!(target.pop()),
                    name => target.push(name),
                }
            }
            let target = format!("{}.mdx", target.to_str().unwrap());
            assert!(
                tree.contains_key(&target),
                "{} links {link} for {code}, but {target} is not rendered",
                entry.code
            );
            assert_eq!(
                target,
                format!("{}.mdx", render::page_path(catalogue.get(&code).unwrap()))
            );
            links += 1;
        }
    }
    assert!(links > 100, "{links} links checked");
}

#[test]
fn rendering_is_deterministic() {
    assert_eq!(render::tree(&unkey()), render::tree(&unkey()));
}

#[test]
fn prose_is_escaped_for_mdx_and_frontmatter() {
    let yaml = r#"
docs_base_url: https://example.com/docs/errors
errors:
  err:shop:orders:not_found:
    status: 404
    title: Not Found
    description: 'The order "ord_1" is gone: {gone}.'
    detail: Order <ord_1> was not found
    what_happened: |
      The body `{"id": 1}` named an order <id> that does not exist {anymore}.
    how_to_fix: |
      ```json
      {"id": "<new>"}
      ```
    common_mistakes: "- **Braces**: {x}"
"#;
    let catalogue = unkey_errors_catalogue::parse(yaml.as_bytes(), "errors.yaml").unwrap();
    let page = render::page(&catalogue, &catalogue.entries()[0]);
    assert!(
        page.contains("description: \"The order \\\"ord_1\\\" is gone: {gone}.\"\n"),
        "{page}"
    );
    assert!(
        page.contains(
            "The body `{\"id\": 1}` named an order &lt;id> that does not exist \\{anymore\\}."
        ),
        "{page}"
    );
    assert!(
        page.contains("```json\n{\"id\": \"<new>\"}\n```"),
        "code blocks are left alone: {page}"
    );
    assert!(page.contains("- **Braces**: \\{x\\}"), "{page}");
    // The example JSON carries the detail verbatim, escaped as JSON.
    assert!(
        page.contains("\"detail\": \"Order <ord_1> was not found\""),
        "{page}"
    );
}

#[test]
fn internal_entries_get_no_page_and_sections_are_optional_for_them() {
    let yaml = "
docs_base_url: https://example.com/docs/errors
errors:
  err:shop:orders:not_found:
    status: 404
    title: Not Found
    description: The order is gone.
    detail: Gone
    internal: true
";
    let catalogue = unkey_errors_catalogue::parse(yaml.as_bytes(), "errors.yaml").unwrap();
    let tree = render::tree(&catalogue);
    assert_eq!(
        tree.keys().collect::<Vec<_>>(),
        [
            "errors/llms.txt",
            "errors/navigation.json",
            "errors/overview.mdx"
        ]
    );
    assert!(!tree["errors/overview.mdx"].contains("err:shop"));
}

#[test]
fn navigation_groups_systems_and_categories_with_sorted_pages() {
    let tree = render::tree(&unkey());
    let navigation: serde_json::Value =
        serde_json::from_str(&tree["errors/navigation.json"]).unwrap();
    assert_eq!(navigation["group"], "Errors");
    assert_eq!(navigation["icon"], "triangle-exclamation");
    assert_eq!(navigation["expanded"], false);
    let pages = navigation["pages"].as_array().unwrap();
    assert_eq!(pages[0], "errors/overview");
    let systems: Vec<&str> = pages[1..]
        .iter()
        .map(|g| g["group"].as_str().unwrap())
        .collect();
    assert_eq!(systems, ["Unkey Errors", "User Errors", "Frontline Errors"]);
    let user_categories: Vec<&str> = pages[2]["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["group"].as_str().unwrap())
        .collect();
    assert_eq!(
        user_categories,
        ["Bad Request", "Too Many Requests", "Unprocessable Entity"]
    );
    let authorization = &pages[1]["pages"].as_array().unwrap()[2];
    assert_eq!(authorization["group"], "Authorization");
    assert_eq!(
        authorization["pages"],
        serde_json::json!([
            "errors/unkey/authorization/forbidden",
            "errors/unkey/authorization/insufficient_permissions",
            "errors/unkey/authorization/key_disabled",
            "errors/unkey/authorization/workspace_disabled"
        ])
    );
}

#[test]
fn the_committed_docs_tree_equals_a_fresh_render() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs");
    let drift = unkey_errors_cli::tree::check(&root, &render::tree(&unkey())).unwrap();
    assert!(
        drift.is_empty(),
        "docs/ differs from errors.yaml; run `cargo run -p unkey-errors-cli -- docs --out docs`:\n{drift:?}"
    );
}

#[test]
fn unicode_renders_verbatim_in_pages_and_json() {
    let yaml = "
docs_base_url: https://example.com/docs/errors
errors:
  err:shop:orders:not_found:
    status: 404
    title: Nicht gefunden ✋
    description: Die Bestellung 注文 existiert nicht. 🚫
    detail: Bestellung «ord_1» fehlt
    what_happened: Ключ не найден — 👩‍💻.
    how_to_fix: 1. Prüfen.
    common_mistakes: '- **Tippfehler**: ähnliche IDs.'
";
    let catalogue = unkey_errors_catalogue::parse(yaml.as_bytes(), "errors.yaml").unwrap();
    let page = render::page(&catalogue, &catalogue.entries()[0]);
    assert!(
        page.contains("description: \"Die Bestellung 注文 existiert nicht. 🚫\""),
        "{page}"
    );
    assert!(page.contains("\"title\": \"Nicht gefunden ✋\""), "{page}");
    assert!(
        page.contains("\"detail\": \"Bestellung «ord_1» fehlt\""),
        "{page}"
    );
    assert!(page.contains("Ключ не найден — 👩‍💻."), "{page}");
    let json = structure(&page).json;
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["error"]["title"], "Nicht gefunden ✋");
}

#[test]
fn a_deprecated_code_s_page_warns_right_after_its_code_and_the_overview_marks_it() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/deprecated.yaml");
    let catalogue = unkey_errors_catalogue::load(&path, "deprecated.yaml").unwrap();
    let tree = render::tree(&catalogue);
    let page = &tree["errors/shop/orders/gone.mdx"];
    let body: Vec<&str> = page
        .split_once("\n---\n")
        .unwrap()
        .1
        .lines()
        .filter(|line| !line.is_empty())
        .take(3)
        .collect();
    assert_eq!(
        body,
        [
            "<Danger>`err:shop:orders:gone`</Danger>",
            "<Warning>Deprecated: use err:shop:orders:not_found instead</Warning>",
            "```json Example",
        ]
    );
    assert!(!tree["errors/shop/orders/not_found.mdx"].contains("<Warning>"));
    // The page keeps the published structure around the callout.
    assert_eq!(
        structure(page).headings[..3],
        ["What Happened?", "How To Fix", "Common Mistakes"]
    );

    let overview = &tree["errors/overview.mdx"];
    assert!(
        overview.contains(
            "| [`err:shop:orders:gone`](./shop/orders/gone) | 404 | Not Found *(deprecated)* |\n"
        ),
        "{overview}"
    );
    assert!(
        overview.contains(
            "| [`err:shop:orders:not_found`](./shop/orders/not_found) | 404 | Not Found |\n"
        ),
        "{overview}"
    );
}

#[test]
fn a_deprecation_reason_is_escaped_for_mdx() {
    let yaml = "
docs_base_url: https://example.com/docs/errors
errors:
  err:shop:orders:gone:
    status: 404
    title: Not Found
    description: The order is gone.
    detail: Gone
    deprecated: 'use <err:shop:orders:not_found> {soon}'
    what_happened: It was deleted.
    how_to_fix: Restore it.
    common_mistakes: '- **Typos**: check the id.'
";
    let catalogue = unkey_errors_catalogue::parse(yaml.as_bytes(), "errors.yaml").unwrap();
    let page = render::page(&catalogue, &catalogue.entries()[0]);
    assert!(
        page.contains(
            "<Warning>Deprecated: use &lt;err:shop:orders:not_found> \\{soon\\}</Warning>\n"
        ),
        "{page}"
    );
}

#[test]
fn every_gateway_example_is_the_runtime_s_own_gateway_body() {
    // The renderer writes the gateway's body for any catalogue, whose codes are not types; the
    // runtime's `GatewayResponse` needs a typed code. For Unkey's codes the two must agree.
    let catalogue = unkey();
    let mut compared = 0;
    for entry in catalogue.entries().iter().filter(|e| e.gateway.is_some()) {
        let code: unkey_errors::Code = entry.code.as_str().parse().unwrap();
        let gateway = entry.gateway.as_ref().unwrap();
        // What the gateway sends for the code: its fixed message, or for a message from the
        // error, the description on a server error (masked) and an example otherwise.
        let response = match &gateway.message {
            Some(_) => unkey_errors::GatewayResponse::new(code, render::EXAMPLE_REQUEST_ID),
            None if gateway.status >= 500 => {
                unkey_errors::GatewayResponse::new(code, render::EXAMPLE_REQUEST_ID)
            }
            None => unkey_errors::GatewayResponse::with_message(
                code,
                render::EXAMPLE_REQUEST_ID,
                entry.detail.clone(),
            ),
        };
        assert_eq!(
            render::gateway_example_response(entry).unwrap(),
            serde_json::to_string_pretty(&response).unwrap(),
            "{}",
            entry.code
        );
        compared += 1;
    }
    assert_eq!(
        compared, 27,
        "20 frontline codes and 7 sent by both surfaces"
    );
}

/// A system's group name is text the overview writes as a heading: MDX would read its `<` as
/// a tag and its braces as an expression, so they are escaped there as in any prose.
#[test]
fn a_systems_group_name_is_escaped_in_the_overviews_heading() {
    let yaml = "
docs_base_url: https://example.com/docs/errors
docs_navigation:
  systems:
    - system: shop
      group: Shop <beta> {v2}
errors:
  err:shop:orders:not_found:
    status: 404
    title: Not Found
    description: The order is gone.
    detail: Gone
    what_happened: It was deleted.
    how_to_fix: Use another order.
    common_mistakes: '- **Old ids**: they expire.'
";
    let catalogue = unkey_errors_catalogue::parse(yaml.as_bytes(), "errors.yaml").unwrap();
    let tree = render::tree(&catalogue);
    let overview = &tree["errors/overview.mdx"];
    assert!(
        overview.contains("\n## Shop &lt;beta> \\{v2\\}\n"),
        "{overview}"
    );
    assert!(!overview.contains("<beta>"), "{overview}");
}
