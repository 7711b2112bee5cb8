//! The response envelope: byte-for-byte the body Unkey's API sends.

use unkey_errors::{AnyCode, Code, CodeFacts, ErrorResponse, ValidationError, codes};

/// The JSON example of the published docs page for `err:unkey:authorization:forbidden`.
const FORBIDDEN_EXAMPLE: &str = include_str!("../fixtures/forbidden-example.json");

#[test]
fn the_forbidden_envelope_matches_the_published_example_byte_for_byte() {
    let response = ErrorResponse::new(
        codes::unkey::authorization::FORBIDDEN,
        "req_2c9a0jf23l4k567",
        "This operation is not allowed",
    );
    let json = serde_json::to_string_pretty(&response).unwrap();
    assert_eq!(json, FORBIDDEN_EXAMPLE.trim_end());
}

#[test]
fn the_published_example_deserializes_to_the_same_value() {
    let parsed: ErrorResponse = serde_json::from_str(FORBIDDEN_EXAMPLE).unwrap();
    let built = ErrorResponse::new(
        codes::unkey::authorization::FORBIDDEN,
        "req_2c9a0jf23l4k567",
        "This operation is not allowed",
    );
    assert_eq!(parsed, built);
}

#[test]
fn bad_request_codes_carry_an_errors_array_even_when_empty() {
    let response = ErrorResponse::new(
        codes::unkey::application::INVALID_INPUT,
        "req_1",
        "The request is invalid",
    );
    let json: serde_json::Value = serde_json::to_value(&response).unwrap();
    assert_eq!(json["error"]["errors"], serde_json::json!([]));
    assert_eq!(json["error"]["status"], 400);
    assert_eq!(json["error"]["title"], "Bad Request");
}

#[test]
fn other_codes_have_no_errors_key() {
    for &code in Code::ALL.iter().filter(|code| !code.has_errors_array()) {
        let json = serde_json::to_value(ErrorResponse::new(code, "req_1", "x")).unwrap();
        assert!(
            json["error"].get("errors").is_none(),
            "{code} has an errors key"
        );
    }
}

#[test]
fn validation_errors_serialize_with_an_optional_fix_and_round_trip() {
    let response = ErrorResponse::new(
        codes::unkey::application::INVALID_INPUT,
        "req_1",
        "The request is invalid",
    )
    .with_error(
        ValidationError::new("body.apiId", "must not be empty").with_fix("send the id of an API"),
    )
    .with_error(ValidationError::new("body.limit", "must be at most 100"));
    let json = serde_json::to_value(&response).unwrap();
    assert_eq!(
        json["error"]["errors"],
        serde_json::json!([
            {"location": "body.apiId", "message": "must not be empty", "fix": "send the id of an API"},
            {"location": "body.limit", "message": "must be at most 100"}
        ])
    );
    let back: ErrorResponse = serde_json::from_value(json).unwrap();
    assert_eq!(back, response);
}

#[test]
fn every_code_builds_an_envelope_that_agrees_with_the_catalogue_and_round_trips() {
    for &code in Code::ALL {
        let response = ErrorResponse::new(
            code,
            "req_2c9a0jf23l4k567",
            "detail with \"quotes\" and \\ and </script>",
        );
        let json = serde_json::to_string(&response).unwrap();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["error"]["status"], code.status());
        assert_eq!(value["error"]["title"], code.title());
        assert_eq!(value["error"]["type"], code.docs_url());
        let back: ErrorResponse = serde_json::from_str(&json).unwrap();
        assert_eq!(back, response);
    }
}

#[test]
fn every_response_reads_its_code_back_from_its_type() {
    for &code in Code::ALL {
        let response = ErrorResponse::new(code, "req_1", "x");
        assert_eq!(response.code::<Code>(), Some(AnyCode::Known(code)));
    }
}

#[test]
fn a_response_from_another_docs_site_has_no_code_of_this_catalogue() {
    let facts = CodeFacts::new(
        403,
        "Forbidden",
        "https://example.com/errors/unkey/authorization/forbidden",
        false,
    );
    let response = ErrorResponse::from_facts(facts, "req_1", "x");
    assert_eq!(response.code::<Code>(), None);
}

#[test]
fn the_display_is_one_line_with_status_title_detail_type_and_request_id() {
    let response = ErrorResponse::new(
        codes::unkey::data::KEY_NOT_FOUND,
        "req_2c9a0jf23l4k567",
        "The key key_123 was not found",
    );
    let text = response.to_string();
    assert_eq!(
        text,
        "404 Not Found: The key key_123 was not found \
         (https://unkey.com/docs/errors/unkey/data/key_not_found, request req_2c9a0jf23l4k567)"
    );
    let error: Box<dyn std::error::Error + Send + Sync> = Box::new(response);
    assert_eq!(error.to_string(), text);
}

#[test]
fn unknown_members_of_a_validation_error_round_trip() {
    let body = serde_json::json!({"location": "body.limit", "message": "too big", "max": 100});
    let problem: ValidationError = serde_json::from_value(body.clone()).unwrap();
    assert_eq!(problem.fix, None);
    assert_eq!(problem.extra["max"], 100);
    assert_eq!(serde_json::to_value(&problem).unwrap(), body);
}
