//! The exports for other tools: the JSON Schema held to the validator, the OpenAPI document's
//! examples held to its own schemas, and the TypeScript and Go modules' contents. The real
//! compilers run in `tests/tools/check-exports.sh`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value, json};
use unkey_errors_catalogue::{
    Catalogue, DOCS_NAVIGATION_KEYS, DOCS_NAVIGATION_SYSTEM_KEYS, ENTRY_FIELDS, ENTRY_LINT_KEYS,
    FRAMEWORK_KEYS, GATEWAY_FIELDS, LINT_KEYS, LINT_RULES, PAGE_SECTIONS,
    REQUIRED_DOCS_NAVIGATION_SYSTEM_KEYS, REQUIRED_ENTRY_FIELDS, REQUIRED_TOP_LEVEL_KEYS, Surface,
    TOP_LEVEL_KEYS,
};
use unkey_errors_cli::export::{Origin, go, openapi, prometheus, schema, shell_word, typescript};
use unkey_errors_cli::render::{self, example_response};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn unkey() -> Catalogue {
    unkey_errors_catalogue::load(&root().join("errors.yaml"), "errors.yaml").unwrap()
}

fn deprecated_fixture() -> Catalogue {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/deprecated.yaml");
    unkey_errors_catalogue::load(&path, "deprecated.yaml").unwrap()
}

/// What the tests' exports name as their origin: the default catalogue and `args`.
fn origin(args: &str) -> Origin {
    Origin::new("errors.yaml", args)
}

fn collisions_fixture() -> Catalogue {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/collisions.yaml");
    unkey_errors_catalogue::load(&path, "collisions.yaml").unwrap()
}

fn keys(object: &Value) -> BTreeSet<String> {
    object.as_object().unwrap().keys().cloned().collect()
}

fn names(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|name| (*name).to_owned()).collect()
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item.as_str().unwrap())
        .collect()
}

/// A YAML catalogue as the JSON that editors validate against the schema.
fn as_json(yaml: &str) -> Value {
    serde_yaml::from_str(yaml).unwrap()
}

fn schema_errors(instance: &Value) -> Vec<String> {
    let validator = jsonschema::draft202012::new(&schema::schema()).unwrap();
    validator
        .iter_errors(instance)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect()
}

#[test]
fn the_schema_s_keys_are_the_validator_s() {
    let schema = schema::schema();
    let entry = &schema["$defs"]["entry"];
    assert_eq!(keys(&schema["properties"]), names(&TOP_LEVEL_KEYS));
    assert_eq!(strings(&schema["required"]), REQUIRED_TOP_LEVEL_KEYS);
    assert_eq!(keys(&entry["properties"]), names(&ENTRY_FIELDS));
    assert_eq!(strings(&entry["required"]), REQUIRED_ENTRY_FIELDS);
    assert_eq!(
        strings(&entry["allOf"][0]["else"]["required"]),
        PAGE_SECTIONS
    );
    let framework = &schema["properties"]["framework"];
    assert_eq!(keys(&framework["properties"]), names(&FRAMEWORK_KEYS));
    assert_eq!(framework["additionalProperties"], false);
    let gateway = &entry["properties"]["gateway"];
    assert_eq!(keys(&gateway["properties"]), names(&GATEWAY_FIELDS));
    assert_eq!(gateway["additionalProperties"], false);
    assert_eq!(
        strings(&entry["properties"]["surfaces"]["items"]["enum"]),
        Surface::ALL.map(|(_, name)| name)
    );
    let navigation = &schema["properties"]["docs_navigation"];
    assert_eq!(
        keys(&navigation["properties"]),
        names(&DOCS_NAVIGATION_KEYS)
    );
    assert_eq!(navigation["additionalProperties"], false);
    let navigation_system = &navigation["properties"]["systems"]["items"];
    assert_eq!(
        keys(&navigation_system["properties"]),
        names(&DOCS_NAVIGATION_SYSTEM_KEYS)
    );
    assert_eq!(
        strings(&navigation_system["required"]),
        REQUIRED_DOCS_NAVIGATION_SYSTEM_KEYS
    );
    assert_eq!(navigation_system["additionalProperties"], false);
    let lint = &schema["properties"]["lint"];
    assert_eq!(keys(&lint["properties"]), names(&LINT_KEYS));
    assert_eq!(lint["additionalProperties"], false);
    let entry_lint = &entry["properties"]["lint"];
    assert_eq!(keys(&entry_lint["properties"]), names(&ENTRY_LINT_KEYS));
    assert_eq!(entry_lint["additionalProperties"], false);
    assert_eq!(
        strings(&schema["$defs"]["lint_allow"]["propertyNames"]["enum"]),
        LINT_RULES
    );
    assert_eq!(schema["additionalProperties"], false);
    assert_eq!(entry["additionalProperties"], false);
    assert_eq!(
        schema["properties"]["errors"]["propertyNames"]["$ref"],
        "#/$defs/code"
    );
    assert_eq!(schema["$defs"]["code"]["pattern"], schema::CODE_PATTERN);
    // Every key has hover text.
    for properties in [
        &schema["properties"],
        &entry["properties"],
        &gateway["properties"],
        &navigation["properties"],
        &navigation_system["properties"],
        &lint["properties"],
        &entry_lint["properties"],
    ] {
        for (name, property) in properties.as_object().unwrap() {
            assert!(
                property["description"]
                    .as_str()
                    .is_some_and(|d| d.len() > 20),
                "{name} has no description"
            );
        }
    }
}

#[test]
fn the_committed_schema_equals_a_fresh_render() {
    let committed = std::fs::read_to_string(root().join(schema::COMMITTED_PATH)).unwrap();
    assert!(
        committed == schema::render(),
        "{} is stale: run `cargo run -p unkey-errors-cli -- schema --out {}`",
        schema::COMMITTED_PATH,
        schema::COMMITTED_PATH
    );
}

#[test]
fn errors_yaml_names_the_schema_and_is_valid_against_it() {
    let text = std::fs::read_to_string(root().join("errors.yaml")).unwrap();
    assert_eq!(
        text.lines().next(),
        Some("# yaml-language-server: $schema=docs/catalogue.schema.json")
    );
    assert_eq!(schema_errors(&as_json(&text)), Vec::<String>::new());
}

const VALID: &str = "\
docs_base_url: https://shop.example/docs/errors
errors:
  err:shop:orders:not_found:
    status: 404
    title: Not Found
    description: The order does not exist.
    detail: No order has the id ord_123
    what_happened: No order with this id exists.
    how_to_fix: Check the order id.
    common_mistakes: '- **Stale ids**: orders are deleted after a year.'
";

#[test]
fn the_schema_rejects_what_the_validator_rejects() {
    assert_eq!(schema_errors(&as_json(VALID)), Vec::<String>::new());
    unkey_errors_catalogue::parse(VALID.as_bytes(), "valid.yaml").unwrap();
    let broken = [
        (
            "an unknown field",
            VALID.replace("    title:", "    titel:"),
        ),
        ("status 4040", VALID.replace("status: 404", "status: 4040")),
        ("status 399", VALID.replace("status: 404", "status: 399")),
        (
            "a status as text",
            VALID.replace("status: 404", "status: '404'"),
        ),
        (
            "a malformed code",
            VALID.replace("err:shop:orders:not_found", "err:shop:Orders:not_found"),
        ),
        (
            "a code of two parts",
            VALID.replace("err:shop:orders:not_found", "err:shop:not_found"),
        ),
        (
            "a reserved category",
            VALID.replace("err:shop:orders:not_found", "err:shop:self:not_found"),
        ),
        (
            "a multi-line title",
            VALID.replace("title: Not Found", "title: \"Not\\nFound\""),
        ),
        (
            "a title broken by a carriage return",
            VALID.replace("title: Not Found", "title: \"Not\\r## Found\""),
        ),
        (
            "a title with a byte order mark",
            VALID.replace("title: Not Found", "title: \"Not\\uFEFFFound\""),
        ),
        (
            "an empty errors mapping",
            VALID[..VALID.find("  err:").unwrap()].replace("errors:", "errors: {}"),
        ),
        (
            "a title with a control character",
            VALID.replace("title: Not Found", "title: \"Not\\u0007Found\""),
        ),
        (
            "a docs_base_url with a space",
            VALID.replace("/docs/errors", "/docs errors"),
        ),
        (
            "a docs_base_url with braces",
            VALID.replace("/docs/errors", "/docs/{errors}"),
        ),
        (
            "an empty detail",
            VALID.replace("detail: No order has the id ord_123", "detail: ' '"),
        ),
        (
            "a missing page section",
            VALID.replace("    how_to_fix: Check the order id.\n", ""),
        ),
        (
            "a missing title",
            VALID.replace("    title: Not Found\n", ""),
        ),
        (
            "an unknown top-level key",
            VALID.replace("errors:", "exhaustve: true\nerrors:"),
        ),
        (
            "a docs URL that is not http(s)",
            VALID.replace("https://shop", "ftp://shop"),
        ),
        (
            "a related code twice",
            VALID.replace(
                "    what_happened",
                "    related: [err:shop:orders:gone, err:shop:orders:gone]\n    what_happened",
            ),
        ),
        (
            "an unknown surface",
            VALID.replace("    status: 404", "    surfaces: [api, gateways]\n    status: 404"),
        ),
        (
            "a gateway code without gateway facts",
            VALID.replace("    status: 404", "    surfaces: [api, gateway]\n    status: 404"),
        ),
        (
            "gateway facts of a code the gateway does not send",
            VALID.replace("    status: 404", "    gateway:\n      message: Gone.\n    status: 404"),
        ),
        (
            "a gateway message that is both fixed and the error's",
            VALID.replace(
                "    status: 404",
                "    surfaces: [gateway]\n    gateway:\n      message: Gone.\n      message_from_error: true\n    status: 404",
            ),
        ),
        (
            "a gateway without a message",
            VALID.replace("    status: 404", "    surfaces: [api, gateway]\n    gateway:\n      status: 410\n    status: 404"),
        ),
        (
            "a gateway-only code whose gateway restates the status",
            VALID.replace(
                "    status: 404",
                "    surfaces: [gateway]\n    gateway:\n      status: 410\n      message: Gone.\n    status: 404",
            ),
        ),
        (
            "an unknown gateway field",
            VALID.replace(
                "    status: 404",
                "    surfaces: [api, gateway]\n    gateway:\n      messag: Gone.\n    status: 404",
            ),
        ),
        (
            "an unknown docs_navigation key",
            VALID.replace("errors:", "docs_navigation:\n  icn: triangle-exclamation\nerrors:"),
        ),
        (
            "a navigation system without its system",
            VALID.replace(
                "errors:",
                "docs_navigation:\n  systems:\n    - group: Shop Errors\nerrors:",
            ),
        ),
        (
            "a navigation whose expanded is not a flag",
            VALID.replace("errors:", "docs_navigation:\n  expanded: sometimes\nerrors:"),
        ),
        (
            "an allow of a rule that does not exist",
            VALID.replace(
                "    status: 404",
                "    lint:\n      allow:\n        stub_section: Written elsewhere.\n    status: 404",
            ),
        ),
        (
            "an allow without a reason",
            VALID.replace(
                "    status: 404",
                "    lint:\n      allow:\n        stub-section:\n    status: 404",
            ),
        ),
        (
            "an unknown key of an entry's lint",
            VALID.replace(
                "    status: 404",
                "    lint:\n      alow:\n        stub-section: Written elsewhere.\n    status: 404",
            ),
        ),
        (
            "an unknown lint setting",
            VALID.replace("errors:", "lint:\n  min_section_char: 10\nerrors:"),
        ),
        (
            "a negative section length",
            VALID.replace("errors:", "lint:\n  min_section_chars: -1\nerrors:"),
        ),
        (
            "a status name that is not an error status",
            VALID.replace("errors:", "lint:\n  status_names:\n    not_found: 200\nerrors:"),
        ),
        (
            "a status name that cannot stand in a code",
            VALID.replace("errors:", "lint:\n  status_names:\n    Not-Found: 404\nerrors:"),
        ),
        (
            "a proper name of two words",
            VALID.replace("errors:", "lint:\n  proper_names: [Open API]\nerrors:"),
        ),
    ];
    for (what, yaml) in broken {
        assert!(
            !schema_errors(&as_json(&yaml)).is_empty(),
            "the schema accepts {what}:\n{yaml}"
        );
        assert!(
            unkey_errors_catalogue::parse(yaml.as_bytes(), "broken.yaml").is_err(),
            "the validator accepts {what}, so the schema should too:\n{yaml}"
        );
    }
}

#[test]
fn the_schema_accepts_what_the_validator_accepts() {
    let accepted = [
        (
            "an internal entry without page sections",
            VALID
                .replace("    what_happened: No order with this id exists.\n", "")
                .replace("    how_to_fix: Check the order id.\n", "")
                .replace("    common_mistakes: '- **Stale ids**: orders are deleted after a year.'\n", "    internal: true\n"),
        ),
        (
            "a title written as a block",
            VALID.replace("title: Not Found", "title: |\n      Not Found"),
        ),
        (
            "a deprecated code restating its key",
            VALID.replace(
                "    status:",
                "    code: err:shop:orders:not_found\n    deprecated: use err:shop:orders:missing instead\n    status:",
            ),
        ),
        ("exhaustive", VALID.replace("errors:", "exhaustive: true\nerrors:")),
        (
            "a code the gateway sends with its own status",
            VALID.replace(
                "    status: 404",
                "    surfaces: [api, gateway]\n    gateway:\n      status: 410\n      title: Gone\n      message: The order is gone.\n    status: 404",
            ),
        ),
        (
            "a gateway-only code whose message comes from the error",
            VALID.replace(
                "    status: 404",
                "    surfaces: [gateway]\n    gateway:\n      message_from_error: true\n    status: 404",
            ),
        ),
        (
            "a navigation with every setting",
            VALID.replace(
                "errors:",
                "docs_navigation:\n  group: Errors\n  icon: triangle-exclamation\n  expanded: true\n  systems:\n    - system: shop\n      group: Shop Errors\nerrors:",
            ),
        ),
        (
            "every lint setting, and an entry's allow",
            VALID
                .replace(
                    "errors:",
                    "lint:\n  allow:\n    one-way-related: One-way on purpose.\n  min_section_chars: 0\n  status_names:\n    client_closed_request: 499\n    gone: [404, 410]\n    conflict: []\n  proper_names: [OpenAPI]\nerrors:",
                )
                .replace(
                    "    status: 404",
                    "    lint:\n      allow:\n        status-name-mismatch: \"The API sends 404 here.\"\n    status: 404",
                ),
        ),
    ];
    for (what, yaml) in accepted {
        unkey_errors_catalogue::parse(yaml.as_bytes(), "accepted.yaml")
            .unwrap_or_else(|problems| panic!("{what}: {problems}"));
        assert_eq!(
            schema_errors(&as_json(&yaml)),
            Vec::<String>::new(),
            "the schema rejects {what}:\n{yaml}"
        );
    }
}

/// The schema at `pointer` in `document`, as a validator resolving `$ref`s in the document.
fn validator_at(document: &Value, pointer: &str) -> jsonschema::Validator {
    let mut schema = document.clone();
    schema["$ref"] = json!(format!("#{pointer}"));
    jsonschema::draft202012::new(&schema).unwrap()
}

/// The schema of the response `name` in `document`.
fn response_validator(document: &Value, name: &str) -> jsonschema::Validator {
    let media_type = openapi::MEDIA_TYPES[0].replace('/', "~1");
    validator_at(
        document,
        &format!("/components/responses/{name}/content/{media_type}/schema"),
    )
}

#[test]
fn every_code_is_an_example_of_its_status_s_response_and_matches_its_schema() {
    let catalogue = unkey();
    let document = openapi::document(&catalogue, "1.2.3", &origin("openapi"));
    assert_eq!(document["openapi"], "3.1.0");
    assert_eq!(document["info"]["version"], "1.2.3");
    assert_eq!(document["paths"], json!({}));
    let responses = document["components"]["responses"].as_object().unwrap();
    let mut examples_seen = 0;
    for entry in catalogue.entries().iter().filter(|entry| entry.api) {
        let name = openapi::response_name(entry.status);
        let response = &responses[&name];
        assert!(
            response["description"]
                .as_str()
                .unwrap()
                .contains(entry.code.as_str())
        );
        // Both media types the API answers with, with the same schema and examples.
        let content = &response["content"][openapi::MEDIA_TYPES[0]];
        assert_eq!(content, &response["content"][openapi::MEDIA_TYPES[1]]);
        let example = &content["examples"][entry.code.as_str()];
        let body: Value = serde_json::from_str(&example_response(&catalogue, entry)).unwrap();
        assert_eq!(example["value"], body, "{}", entry.code);
        assert_eq!(example["summary"], entry.description.as_str());
        let validator = response_validator(&document, &name);
        let errors: Vec<String> = validator
            .iter_errors(&example["value"])
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", entry.code);
        examples_seen += 1;
    }
    let total: usize = responses
        .iter()
        .filter(|(name, _)| !name.starts_with("Gateway"))
        .map(|(_, r)| {
            r["content"][openapi::MEDIA_TYPES[0]]["examples"]
                .as_object()
                .unwrap()
                .len()
        })
        .sum();
    assert_eq!(total, examples_seen, "one example per code, and no other");
}

#[test]
fn every_gateway_code_is_an_example_of_the_gateway_s_response_for_its_status() {
    let catalogue = unkey();
    let document = openapi::document(&catalogue, "1", &origin("openapi"));
    let responses = document["components"]["responses"].as_object().unwrap();
    let media_type = openapi::GATEWAY_MEDIA_TYPE.replace('/', "~1");
    let mut examples_seen = 0;
    for entry in catalogue.entries() {
        let Some(gateway) = &entry.gateway else {
            continue;
        };
        let name = openapi::gateway_response_name(gateway.status);
        let content = &responses[&name]["content"][openapi::GATEWAY_MEDIA_TYPE];
        let example = &content["examples"][entry.code.as_str()];
        let body: Value =
            serde_json::from_str(&render::gateway_example_response(entry).unwrap()).unwrap();
        assert_eq!(example["value"], body, "{}", entry.code);
        let validator = validator_at(
            &document,
            &format!("/components/responses/{name}/content/{media_type}/schema"),
        );
        let errors: Vec<String> = validator
            .iter_errors(&example["value"])
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", entry.code);
        // The API's envelope is not the gateway's: the schema tells them apart.
        let api_body: Value = serde_json::from_str(&example_response(&catalogue, entry)).unwrap();
        assert!(!validator.is_valid(&api_body), "{}", entry.code);
        examples_seen += 1;
    }
    assert_eq!(examples_seen, 27);
    // A gateway-only code is not among the API's examples.
    let gateway_only = "err:frontline:client:rate_limited";
    assert!(
        responses
            .iter()
            .filter(|(name, _)| !name.starts_with("Gateway"))
            .all(|(_, r)| r["content"][openapi::MEDIA_TYPES[0]]["examples"]
                .get(gateway_only)
                .is_none())
    );
    assert!(responses.contains_key("GatewayError401"));
    assert!(
        responses["Error400"]["content"][openapi::MEDIA_TYPES[0]]["examples"]
            .get("err:unkey:authentication:missing")
            .is_some()
    );
}

#[test]
fn the_typescript_and_go_modules_carry_each_surface_s_facts() {
    let catalogue = unkey();
    let ts = typescript::module(&catalogue, &origin("gen --lang typescript"));
    for member in [
        "readonly apiStatus: number | null;",
        "readonly gatewayStatus: number | null;",
        "readonly gatewayTitle: string | null;",
        "readonly gatewayMessage: string | null;",
        "export interface GatewayErrorResponse {",
    ] {
        assert!(ts.contains(member), "{member}");
    }
    let missing = "      MISSING: {\n        code: \"err:unkey:authentication:missing\",\n        status: 400,\n        title: \"Bad Request\",\n        apiStatus: 400,\n        gatewayStatus: 401,\n        gatewayTitle: \"Unauthorized\",\n        gatewayMessage: \"The request has no Authorization header.\",\n";
    assert!(ts.contains(missing), "{ts}");
    let rate_limited = "        apiStatus: null,\n        gatewayStatus: 429,\n        gatewayTitle: \"Too Many Requests\",\n        gatewayMessage: \"Too many requests; slow down and retry later.\",\n";
    assert!(ts.contains(rate_limited));

    let go = go::module(
        &catalogue,
        "codes",
        &origin("gen --lang go --package codes"),
    );
    assert!(go.contains("\tAPIStatus int\n") && go.contains("\tGatewayMessage string\n"));
    assert!(go.contains("type GatewayErrorResponse struct {"));
    // A gateway-only code's API status is Go's zero value, and an API-only code's gateway facts.
    let block = |code: &str| {
        let start = go.find(&format!("\t{code}: {{")).unwrap();
        go[start..start + go[start..].find("\t},").unwrap()].to_owned()
    };
    let rate_limited = block("FrontlineClientRateLimited");
    assert!(
        rate_limited.contains("APIStatus:      0,"),
        "{rate_limited}"
    );
    assert!(
        rate_limited.contains("GatewayStatus:  429,"),
        "{rate_limited}"
    );
    let not_found = block("UnkeyDataKeyNotFound");
    assert!(not_found.contains("GatewayStatus:  0,"), "{not_found}");
    assert!(not_found.contains("GatewayTitle:   \"\","), "{not_found}");
}

#[test]
fn the_openapi_envelope_is_open_and_errors_is_required_where_every_code_has_it() {
    let catalogue = unkey();
    let document = openapi::document(&catalogue, openapi::DEFAULT_API_VERSION, &origin("openapi"));
    let invalid_input = catalogue
        .get("err:unkey:application:invalid_input")
        .unwrap();
    let forbidden = catalogue.get("err:unkey:authorization:forbidden").unwrap();
    let body =
        |entry| -> Value { serde_json::from_str(&example_response(&catalogue, entry)).unwrap() };

    // Every code the API answers with 400 lists its problems, so its response requires them.
    let bad_request = response_validator(&document, "Error400");
    let mut listed = body(invalid_input);
    listed["error"]["errors"] =
        json!([{ "location": "body.apiId", "message": "must not be empty", "fix": "send an id" }]);
    assert!(bad_request.is_valid(&listed));
    let mut without_errors = body(invalid_input);
    without_errors["error"]
        .as_object_mut()
        .unwrap()
        .remove("errors");
    assert!(!bad_request.is_valid(&without_errors));
    // A member a later release adds does not make a body invalid.
    let mut unknown_problem_member = listed.clone();
    unknown_problem_member["error"]["errors"][0]["line"] = json!(3);
    assert!(bad_request.is_valid(&unknown_problem_member));
    let mut no_message = listed.clone();
    no_message["error"]["errors"][0]
        .as_object_mut()
        .unwrap()
        .remove("message");
    assert!(!bad_request.is_valid(&no_message));
    // Where one status has codes with and without the array, the response takes both bodies,
    // and an `errors` array only in the body that has it.
    let mixed_yaml = format!(
        "{VALID}{}",
        VALID
            .split_once("errors:\n")
            .unwrap()
            .1
            .replace("not_found", "invalid")
            .replace("status: 404", "status: 400\n    errors_array: true")
    )
    .replace("status: 404", "status: 400");
    let mixed = unkey_errors_catalogue::parse(mixed_yaml.as_bytes(), "mixed.yaml").unwrap();
    let mixed_document = openapi::document(&mixed, "1", &origin("openapi"));
    let mixed_400 = response_validator(&mixed_document, "Error400");
    let mixed_body = |code: &str| -> Value {
        serde_json::from_str(&example_response(&mixed, mixed.get(code).unwrap())).unwrap()
    };
    let with_array = mixed_body("err:shop:orders:invalid");
    let plain = mixed_body("err:shop:orders:not_found");
    assert!(with_array["error"]["errors"].is_array() && plain["error"].get("errors").is_none());
    assert!(mixed_400.is_valid(&with_array) && mixed_400.is_valid(&plain));
    let mut plain_with_errors = plain.clone();
    plain_with_errors["error"]["errors"] = json!("not a list");
    assert!(!mixed_400.is_valid(&plain_with_errors));

    let forbidden_response = response_validator(&document, "Error403");
    assert!(forbidden_response.is_valid(&body(forbidden)));
    for member in ["detail", "status", "title", "type"] {
        let mut missing = body(forbidden);
        missing["error"].as_object_mut().unwrap().remove(member);
        assert!(
            !forbidden_response.is_valid(&missing),
            "{member} is required"
        );
    }
    let mut extra = body(forbidden);
    extra["error"]["instance"] = json!("/v2/keys.deleteKey");
    assert!(
        forbidden_response.is_valid(&extra),
        "a later release may add members"
    );
    // The schemas are the runtime's one description of the envelope.
    assert_eq!(
        document["components"]["schemas"]["ErrorResponse"],
        unkey_errors::envelope::json_schema(&unkey_errors::envelope::ERROR_RESPONSE)
    );
    let mut no_request_id = body(forbidden);
    no_request_id["meta"] = json!({});
    assert!(!forbidden_response.is_valid(&no_request_id));
}

#[test]
fn openapi_works_for_any_catalogue_and_tells_deprecation() {
    let catalogue = deprecated_fixture();
    let document = openapi::document(&catalogue, "1", &origin("openapi"));
    assert!(
        document["info"]["description"]
            .as_str()
            .unwrap()
            .contains("https://shop.example/docs/errors")
    );
    let deprecated = catalogue
        .entries()
        .iter()
        .find(|e| e.deprecated.is_some())
        .unwrap();
    let example = &document["components"]["responses"][openapi::response_name(deprecated.status)]["content"]
        [openapi::MEDIA_TYPES[0]]["examples"][deprecated.code.as_str()];
    assert!(
        example["description"]
            .as_str()
            .unwrap()
            .starts_with("Deprecated: use "),
        "{example}"
    );
}

#[test]
fn the_typescript_module_has_every_code_typed_and_documented() {
    let catalogue = unkey();
    let module = typescript::module(&catalogue, &origin("gen --lang typescript"));
    assert!(module.starts_with(
        "// Code generated from errors.yaml by unkey-errors; DO NOT EDIT.\n\
         // To regenerate it: unkey-errors gen --lang typescript --out <this file>\n//\n"
    ));
    for entry in catalogue.entries() {
        let literal = format!("\"{}\"", entry.code);
        assert!(
            module.contains(&format!("\n  | {literal}")),
            "{literal} in the union"
        );
        assert!(
            module.contains(&format!(
                "      {}: {{\n        code: {literal},\n        status: {},\n        title: \"{}\",",
                entry.constant_name(),
                entry.status,
                entry.title
            )),
            "{literal}'s constant"
        );
        assert!(module.contains(&format!("       * @see {}\n", catalogue.docs_url(entry))));
    }
    assert!(module.contains("export function isErrorCode(value: string): value is ErrorCode {"));
    assert!(module.contains("export interface ErrorResponse {"));
    assert_eq!(
        module,
        typescript::module(&catalogue, &origin("gen --lang typescript")),
        "deterministic"
    );

    let fixture = deprecated_fixture();
    let module = typescript::module(&fixture, &origin("gen --lang typescript"));
    assert!(
        module.contains(
            "       * @deprecated use err:shop:orders:not_found instead\n       */\n      GONE: {"
        ),
        "{module}"
    );
    assert!(module.contains("        deprecated: \"use err:shop:orders:not_found instead\",\n"));
    assert!(module.contains("        deprecated: null,\n"));
}

#[test]
fn the_go_package_has_every_code_and_go_s_conventions() {
    let catalogue = unkey();
    let source = go::module(
        &catalogue,
        "codes",
        &origin("gen --lang go --package codes"),
    );
    let header = source.lines().next().unwrap();
    assert!(
        header.starts_with("// Code generated ") && header.ends_with(" DO NOT EDIT."),
        "Go's generated-code header: {header}"
    );
    assert!(source.contains("\npackage codes\n"));
    assert!(source.contains("\ntype Code string\n"));
    for entry in catalogue.entries() {
        let name = entry.variant_name();
        assert!(
            source.contains(&format!("\nconst {name} Code = \"{}\"\n", entry.code)),
            "{name}"
        );
        // gofmt aligns the values one space past the longest key, `GatewayMessage:`.
        assert!(source.contains(&format!("\t\tStatus:         {},\n", entry.status)));
    }
    assert!(
        !source.contains("\t\n") && !source.contains(" \n"),
        "no trailing space"
    );
    assert_eq!(
        source,
        go::module(
            &catalogue,
            "codes",
            &origin("gen --lang go --package codes")
        ),
        "deterministic"
    );

    let fixture = deprecated_fixture();
    let source = go::module(&fixture, "shop", &origin("gen --lang go --package shop"));
    assert!(source.contains("\npackage shop\n"));
    // Go's convention: a paragraph of the doc comment that starts `Deprecated: `.
    assert!(
        source.contains(
            "//\n// Deprecated: use err:shop:orders:not_found instead\nconst ShopOrdersGone Code ="
        ),
        "{source}"
    );
    assert!(go::is_package_name("codes") && go::is_package_name("unkey_errors2"));
    for name in ["Codes", "2codes", "my-codes", "func", ""] {
        assert!(!go::is_package_name(name), "{name}");
    }
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unkey-errors"))
        .arg("--catalogue")
        .arg(root().join("errors.yaml"))
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn gen_check_exits_1_saying_what_differs() {
    let dir = std::env::temp_dir().join(format!("unkey-errors-gen-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (lang, file) in [("go", "codes.go"), ("typescript", "errors.ts")] {
        let path = dir.join(file);
        let out = path.to_str().unwrap();
        let missing = run(&["gen", "--lang", lang, "--out", out, "--check"]);
        assert_eq!(missing.status.code(), Some(1));
        assert!(
            text(&missing.stderr).contains("does not exist"),
            "{}",
            text(&missing.stderr)
        );

        assert!(run(&["gen", "--lang", lang, "--out", out]).status.success());
        let fresh = run(&["gen", "--lang", lang, "--out", out, "--check"]);
        assert!(fresh.status.success(), "{}", text(&fresh.stderr));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            text(&run(&["gen", "--lang", lang]).stdout),
            "--out writes what is printed"
        );

        let edited = std::fs::read_to_string(&path)
            .unwrap()
            .replace("Not Found", "Gone");
        std::fs::write(&path, &edited).unwrap();
        let stale = run(&["gen", "--lang", lang, "--out", out, "--check"]);
        assert_eq!(stale.status.code(), Some(1));
        let report = text(&stale.stderr);
        assert!(report.contains("differs from a fresh render"), "{report}");
        assert!(
            report.contains("-") && report.contains("Gone") && report.contains("+"),
            "{report}"
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            edited,
            "--check writes nothing"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn export_commands_print_and_refuse_bad_arguments() {
    let schema_out = run(&["schema"]);
    assert!(schema_out.status.success());
    assert_eq!(text(&schema_out.stdout), schema::render());

    let document: Value =
        serde_json::from_slice(&run(&["openapi", "--api-version", "2.0.0"]).stdout).unwrap();
    assert_eq!(document["info"]["version"], "2.0.0");

    let check_without_out = run(&["schema", "--check"]);
    assert_eq!(check_without_out.status.code(), Some(2), "a usage error");
    let bad_package = run(&["gen", "--lang", "go", "--package", "func"]);
    assert_eq!(bad_package.status.code(), Some(1));
    assert!(text(&bad_package.stderr).contains("`func` is not a Go package name"));

    let help = text(&run(&["--help"]).stdout);
    for command in ["schema", "openapi", "gen"] {
        let line = help
            .lines()
            .find(|line| line.trim_start().starts_with(&format!("{command} ")))
            .unwrap_or_else(|| panic!("{command} in\n{help}"));
        assert!(line.len() > 30, "{command} has a description: {line}");
    }
}

/// Runs the command line in this package's folder, as a user who installed it runs it (without
/// the variables `cargo run` sets).
fn run_here(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unkey-errors"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("CARGO_PKG_NAME")
        .output()
        .unwrap()
}

#[test]
fn every_export_names_the_catalogue_and_the_command_it_came_from() {
    let fixture = "tests/fixtures/deprecated.yaml";
    let go = text(
        &run_here(&[
            "--catalogue",
            fixture,
            "gen",
            "--lang",
            "go",
            "--package",
            "shop",
        ])
        .stdout,
    );
    assert!(
        go.starts_with(
            "// Code generated from tests/fixtures/deprecated.yaml by unkey-errors; DO NOT EDIT.\n\
             // To regenerate it: unkey-errors --catalogue tests/fixtures/deprecated.yaml gen \
             --lang go --package shop --out <this file>\n\n// Package shop "
        ),
        "{go}"
    );
    let ts = text(&run_here(&["--catalogue", fixture, "gen", "--lang", "typescript"]).stdout);
    assert!(
        ts.starts_with(
            "// Code generated from tests/fixtures/deprecated.yaml by unkey-errors; DO NOT EDIT.\n\
             // To regenerate it: unkey-errors --catalogue tests/fixtures/deprecated.yaml gen \
             --lang typescript --out <this file>\n//\n"
        ),
        "{ts}"
    );
    let openapi: Value = serde_json::from_slice(
        &run_here(&["--catalogue", fixture, "openapi", "--api-version", "2.0.0"]).stdout,
    )
    .unwrap();
    let description = openapi["info"]["description"].as_str().unwrap();
    assert!(
        description.contains(
            "generated from tests/fixtures/deprecated.yaml by `unkey-errors --catalogue \
             tests/fixtures/deprecated.yaml openapi --api-version 2.0.0`."
        ),
        "{description}"
    );

    // The default catalogue is not named twice.
    let origin = Origin::new("errors.yaml", "openapi");
    assert_eq!(origin.command(), "unkey-errors openapi");
    assert_eq!(origin.catalogue(), "errors.yaml");
}

#[test]
fn a_header_stays_two_comment_lines_whatever_the_path() {
    let origin = Origin::new("my errors/it's.yaml", "gen --lang typescript");
    assert_eq!(
        origin.command(),
        "unkey-errors --catalogue 'my errors/it'\\''s.yaml' gen --lang typescript"
    );
    // A newline, or JavaScript's line and paragraph separators, would end the comment and
    // leave the rest of the path as code.
    for path in [
        "a\nb.yaml",
        "a\u{2028}b.yaml",
        "a\u{2029}b.yaml",
        "a\rb.yaml",
    ] {
        let header = Origin::new(path, "gen --lang typescript").header();
        let lines: Vec<&str> = header.split_inclusive('\n').collect();
        assert_eq!(lines.len(), 2, "{header:?}");
        assert!(
            lines.iter().all(|line| line.starts_with("// ")),
            "{header:?}"
        );
        assert!(
            !header.contains(['\r', '\u{2028}', '\u{2029}']),
            "{header:?}"
        );
        assert!(header.contains("a\\u{"), "{header:?}");
    }
    assert_eq!(shell_word("api/errors.yaml"), "api/errors.yaml");
    assert_eq!(shell_word(""), "''");
    assert_eq!(shell_word("$HOME"), "'$HOME'");
}

/// The names a Go source declares at the top level: types, functions (not methods), variables
/// and constants, in order.
fn go_top_level_names(source: &str) -> Vec<String> {
    source
        .lines()
        .filter_map(|line| {
            let rest = ["type ", "func ", "var ", "const "]
                .iter()
                .find_map(|keyword| line.strip_prefix(keyword))?;
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            // `func (c Code) …` is a method: its name lives in Code's method set.
            (!name.is_empty()).then_some(name)
        })
        .collect()
}

#[test]
fn a_go_constant_named_like_a_declaration_of_the_package_gets_a_trailing_underscore() {
    let catalogue = collisions_fixture();
    let source = go::module(
        &catalogue,
        "codes",
        &origin("gen --lang go --package codes"),
    );
    assert!(source.contains(
        "\n// GatewayErrorResponse_ is \"err:gateway:error:response\" (named with a trailing \"_\" \
         because\n// GatewayErrorResponse is declared by this package).\n"
    ));
    assert!(
        source.contains("\nconst GatewayErrorResponse_ Code = \"err:gateway:error:response\"\n")
    );
    assert!(source.contains("\nconst GatewayErrorBody_ Code = \"err:gateway:error:body\"\n"));
    assert!(source.contains("\ntype GatewayErrorResponse struct {\n"));
    // A name that only starts like a declaration keeps its own.
    assert!(source.contains("\nconst GatewayErrorResponseCode Code = "));
    assert!(
        source.contains("\tGatewayErrorResponse_: {\n\t\tCode:           GatewayErrorResponse_,\n")
    );
    assert!(
        source.contains("\nvar all = []Code{\n\tGatewayErrorResponse_,\n\tGatewayErrorBody_,\n")
    );

    for catalogue in [catalogue, unkey(), deprecated_fixture()] {
        let source = go::module(
            &catalogue,
            "codes",
            &origin("gen --lang go --package codes"),
        );
        let declared = go_top_level_names(&source);
        let unique: BTreeSet<&String> = declared.iter().collect();
        assert_eq!(
            unique.len(),
            declared.len(),
            "a name declared twice: {declared:?}"
        );
        let constants: Vec<String> = catalogue.entries().iter().map(go::constant_name).collect();
        // What is neither a code's constant nor unexported is exactly the package's own list.
        let own: BTreeSet<&str> = declared
            .iter()
            .filter(|name| !constants.contains(name))
            .filter(|name| name.starts_with(|c: char| c.is_ascii_uppercase()))
            .map(String::as_str)
            .collect();
        assert_eq!(own, go::PACKAGE_NAMES.into_iter().collect());
    }
}

/// The names a TypeScript module declares at the top level.
fn typescript_top_level_names(source: &str) -> BTreeSet<String> {
    source
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("export ").unwrap_or(line);
            let rest = ["interface ", "type ", "const ", "function ", "let ", "var "]
                .iter()
                .find_map(|keyword| rest.strip_prefix(keyword))?;
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '$')
                .collect();
            Some(name)
        })
        .collect()
}

#[test]
fn no_typescript_declaration_takes_its_name_from_the_catalogue() {
    let names = |catalogue: &Catalogue| {
        typescript_top_level_names(&typescript::module(
            catalogue,
            &origin("gen --lang typescript"),
        ))
    };
    let fixed = names(&unkey());
    assert!(
        fixed.contains("GatewayErrorResponse") && fixed.contains("codes"),
        "{fixed:?}"
    );
    assert_eq!(names(&collisions_fixture()), fixed);
    assert_eq!(names(&deprecated_fixture()), fixed);
    // The codes' parts are property names, reserved words and Object.prototype's names included.
    let module = typescript::module(&collisions_fixture(), &origin("gen --lang typescript"));
    assert!(
        module.contains("\n  constructor: {\n    prototype: {\n"),
        "{module}"
    );
    assert!(
        module.contains("\n  default: {\n    class: {\n"),
        "{module}"
    );
    assert!(module.contains("  \"err:default:class:new\": codes.default.class.NEW,\n"));
}

/// `gen --lang prometheus-rules` for `catalogue`, read back as YAML.
fn prometheus_rules(catalogue: &Catalogue) -> serde_yaml::Value {
    let rules = prometheus::rules(catalogue, &origin("gen --lang prometheus-rules"));
    serde_yaml::from_str(&rules).unwrap_or_else(|error| panic!("{error}\n{rules}"))
}

#[test]
fn the_prometheus_rules_alert_on_each_system_s_server_errors() {
    let catalogue = unkey();
    // The systems with a code sent as a 5xx on some surface.
    let expected: BTreeSet<&str> = catalogue
        .entries()
        .iter()
        .filter(|e| e.status >= 500 || e.gateway.as_ref().is_some_and(|g| g.status >= 500))
        .map(|e| e.code.system())
        .collect();
    // The user system's codes are 4xx on the API, even those gRPC answers with
    // DEADLINE_EXCEEDED (a query that ran out of time), but the gateway answers a request that
    // timed out (err:user:bad_request:request_timeout) with 504: its rule watches HTTP only.
    assert_eq!(expected, BTreeSet::from(["frontline", "unkey", "user"]));

    let rules = prometheus_rules(&catalogue);
    let groups = rules["groups"].as_sequence().unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0]["name"], "unkey-errors");
    let rules = groups[0]["rules"].as_sequence().unwrap();
    let systems: BTreeSet<&str> = rules
        .iter()
        .map(|rule| rule["labels"]["system"].as_str().unwrap())
        .collect();
    assert_eq!(systems, expected);
    for rule in rules {
        let system = rule["labels"]["system"].as_str().unwrap();
        let mut name = system[..1].to_ascii_uppercase();
        name.push_str(&system[1..]);
        assert_eq!(rule["alert"], format!("{name}ServerErrors").as_str());
        // Over HTTP, the 5xx sent; over gRPC, the codes whose HTTP status is a 5xx.
        let http = format!(
            "sum by (surface) (rate(error_responses_total{{system=\"{system}\",status=~\"5..\"}}[5m]))"
        );
        let grpc_codes: Vec<&str> = catalogue
            .entries()
            .iter()
            .filter(|e| e.code.system() == system && e.status >= 500)
            .map(|e| e.code.as_str())
            .collect();
        let expr = if grpc_codes.is_empty() {
            format!("{http} > 0")
        } else {
            format!(
                "({http} or sum by (surface) (rate(error_responses_total{{system=\"{system}\",\
                 surface=\"grpc\",error_type=~\"{}\"}}[5m]))) > 0",
                grpc_codes.join("|")
            )
        };
        assert_eq!(rule["expr"], expr.as_str());
        assert_eq!(
            expr.contains("err:unkey:application:unexpected_error"),
            system == "unkey"
        );
        assert_eq!(expr.contains("surface=\"grpc\""), system != "user");
        assert_eq!(rule["for"], "5m");
        assert_eq!(rule["labels"]["severity"], "critical");
        let description = rule["annotations"]["description"].as_str().unwrap();
        assert!(
            description.ends_with("What each code means: https://unkey.com/docs/errors"),
            "{description}"
        );
    }
}

#[test]
fn a_catalogue_without_server_errors_gets_a_group_without_rules() {
    let rules = prometheus_rules(&deprecated_fixture());
    assert_eq!(rules["groups"][0]["name"], "unkey-errors");
    assert_eq!(rules["groups"][0]["rules"].as_sequence().unwrap().len(), 0);
}

#[test]
fn gen_prints_the_prometheus_rules_under_a_header_naming_their_origin() {
    let fixture = "tests/fixtures/collisions.yaml";
    let output = run_here(&["--catalogue", fixture, "gen", "--lang", "prometheus-rules"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let rules = text(&output.stdout);
    assert!(
        rules.starts_with(
            "# Code generated from tests/fixtures/collisions.yaml by unkey-errors; DO NOT EDIT.\n\
             # To regenerate it: unkey-errors --catalogue tests/fixtures/collisions.yaml gen \
             --lang prometheus-rules --out <this file>\n#\n"
        ),
        "{rules}"
    );
}

/// `*/` is a URL's to hold (`/*/` is a path), and would end a JSDoc comment early: the
/// TypeScript module writes docs URLs in its comments with that pair broken.
#[test]
fn a_docs_url_with_a_comment_end_stays_inside_the_typescript_comment() {
    let yaml = VALID.replace("/docs/errors", "/docs/*/errors");
    let catalogue = unkey_errors_catalogue::parse(yaml.as_bytes(), "errors.yaml").unwrap();
    let ts = typescript::module(&catalogue, &origin("gen --lang typescript"));
    assert!(
        ts.contains("@see https://shop.example/docs/*\\/errors/shop/orders/not_found"),
        "{ts}"
    );
    for line in ts
        .lines()
        .filter(|line| line.trim_start().starts_with("* @see"))
    {
        assert!(!line.contains("*/"), "{line}");
    }
}

/// A code whose gateway message comes from the error raised, on a gateway 5xx: the runtime
/// sends the description, and `explain` and the OpenAPI example say so instead of calling the
/// message the error's own.
#[test]
fn a_masked_gateway_message_is_described_as_the_description_everywhere() {
    let yaml = std::fs::read_to_string(root().join("tests/fixtures/leak.yaml")).unwrap();
    let catalogue = unkey_errors_catalogue::parse(yaml.as_bytes(), "leak.yaml").unwrap();
    let entry = &catalogue.entries()[0];
    let explained = unkey_errors_cli::explain::explain(&catalogue, entry);
    assert!(
        explained.contains(
            "Gateway message: the description (the error's own text is not sent on this \
             server error)"
        ),
        "{explained}"
    );
    assert!(!explained.contains("the error's own, e.g."), "{explained}");
    let document = openapi::document(&catalogue, "1.0.0", &origin("openapi"));
    let text = document.to_string();
    assert!(
        text.contains("The message is the code's description"),
        "{text}"
    );
    assert!(!text.contains("this one is an example"), "{text}");
}
