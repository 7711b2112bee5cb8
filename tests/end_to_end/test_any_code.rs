//! Reading what a newer server sends: codes this build lacks, docs URLs back to codes, and
//! response bodies with members this version does not know.

use std::collections::HashSet;
use std::error::Error;

use serde_json::json;
use unkey_errors::{AnyCode, Code, ErrorCode, ErrorResponse, codes};

/// A well-formed code that Unkey's catalogue does not have (yet).
const NEWER: &str = "err:unkey:billing:card_declined";
const DOCS_BASE: &str = "https://unkey.com/docs/errors";

#[test]
fn known_codes_parse_to_known_and_print_back() {
    for &code in Code::ALL {
        let parsed: AnyCode = code.as_str().parse().unwrap();
        assert_eq!(parsed, AnyCode::Known(code));
        assert_eq!(parsed.known(), Some(code));
        assert_eq!(parsed.as_str(), code.as_str());
        assert_eq!(parsed.to_string(), code.as_str());
        assert_eq!(AnyCode::from(code), parsed);
    }
}

#[test]
fn a_well_formed_code_the_catalogue_lacks_is_unknown_and_kept() {
    assert!(
        NEWER.parse::<Code>().is_err(),
        "the test needs a code Code lacks"
    );
    let parsed: AnyCode = NEWER.parse().unwrap();
    assert_eq!(parsed.known(), None);
    assert_eq!(parsed.as_str(), NEWER);
    assert_eq!(parsed.to_string(), NEWER);
    assert_eq!(
        format!("{parsed:>40}"),
        format!("{NEWER:>40}"),
        "Display pads"
    );
    let AnyCode::Unknown(unknown) = &parsed else {
        panic!("{parsed:?} should be unknown");
    };
    assert_eq!(unknown.as_str(), NEWER);
    assert_eq!(
        (unknown.system(), unknown.category(), unknown.specific()),
        ("unkey", "billing", "card_declined")
    );
    assert_eq!(unknown.to_string(), NEWER);
    assert_eq!(
        format!("{parsed:?}"),
        format!("Unknown(UnknownCode({NEWER:?}))")
    );
    // Equal codes are equal values and hash alike, whichever way they were read.
    let again: AnyCode = serde_json::from_value(json!(NEWER)).unwrap();
    assert_eq!(again, parsed);
    let set: HashSet<AnyCode> = [parsed.clone(), again].into_iter().collect();
    assert_eq!(set.len(), 1);
    assert_ne!(
        parsed,
        "err:unkey:billing:other".parse::<AnyCode>().unwrap()
    );
}

#[test]
fn a_near_miss_of_a_known_code_is_an_unknown_code_not_a_correction() {
    // AnyCode never guesses: a misspelled code from a server is kept as sent.
    let parsed: AnyCode = "err:unkey:authorization:forbiden".parse().unwrap();
    assert_eq!(parsed.known(), None);
    assert_eq!(parsed.as_str(), "err:unkey:authorization:forbiden");
}

#[test]
fn malformed_strings_are_errors_saying_what_is_wrong() {
    let form = "codes have the form err:<system>:<category>:<specific>";
    let cases = [
        ("", form),
        ("forbidden", form),
        ("err:unkey:forbidden", form),
        ("err:unkey:authorization:forbidden:extra", form),
        ("Err:unkey:authorization:forbidden", form),
        ("err::authorization:forbidden", "its system part ``"),
        (
            "err:unkey:Authorization:forbidden",
            "its category part `Authorization`",
        ),
        (
            "err:unkey:authorization:forbidden ",
            "its specific part `forbidden `",
        ),
        (
            "err:unkey:authorization:9lives",
            "its specific part `9lives`",
        ),
        (
            "err:unkey:authorization:for-bidden",
            "its specific part `for-bidden`",
        ),
        (
            "err:unkey:authorization:forbiddén",
            "its specific part `forbiddén`",
        ),
    ];
    for (input, message) in cases {
        let error = input.parse::<AnyCode>().unwrap_err();
        assert_eq!(error.input(), input);
        let text = error.to_string();
        assert!(
            text.starts_with(&format!("`{input}` is not an error code: ")),
            "{text}"
        );
        assert!(text.contains(message), "{input:?}: {text}");
        let from_json = serde_json::from_value::<AnyCode>(json!(input)).unwrap_err();
        assert!(from_json.to_string().contains(message), "{from_json}");
    }
}

#[test]
fn serializes_as_the_urn_string_and_back() {
    for code in [
        AnyCode::Known(codes::unkey::authorization::FORBIDDEN),
        NEWER.parse().unwrap(),
    ] {
        let value = serde_json::to_value(&code).unwrap();
        assert_eq!(value, json!(code.as_str()));
        let back: AnyCode = serde_json::from_value(value).unwrap();
        assert_eq!(back, code);
    }
    assert!(serde_json::from_value::<AnyCode>(json!(403)).is_err());
}

#[test]
fn a_client_struct_holding_any_code_reads_a_body_with_a_newer_code() {
    #[derive(serde::Deserialize)]
    struct Event {
        code: AnyCode,
        #[allow(dead_code)]
        at: u64,
    }
    let events: Vec<Event> = serde_json::from_str(&format!(
        r#"[{{"code": "err:unkey:data:key_not_found", "at": 1}}, {{"code": "{NEWER}", "at": 2}}]"#
    ))
    .unwrap();
    assert_eq!(
        events[0].code.known(),
        Some(codes::unkey::data::KEY_NOT_FOUND)
    );
    assert_eq!(events[1].code.known(), None);
    assert_eq!(events[1].code.as_str(), NEWER);
    // The same body read with `Code` fails as a whole: what AnyCode is for.
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct StrictEvent {
        code: Code,
    }
    assert!(serde_json::from_str::<StrictEvent>(&format!(r#"{{"code": "{NEWER}"}}"#)).is_err());
}

#[test]
fn every_docs_url_gives_its_code_back() {
    for &code in Code::ALL {
        let url = code.docs_url();
        assert_eq!(Code::from_docs_url(url), Some(code), "{url}");
        assert_eq!(
            AnyCode::from_docs_url(url),
            Some(AnyCode::Known(code)),
            "{url}"
        );
    }
}

#[test]
fn a_docs_url_of_the_same_site_for_a_newer_code_is_unknown() {
    let url = format!("{DOCS_BASE}/unkey/billing/card_declined");
    assert_eq!(Code::from_docs_url(&url), None);
    let code = AnyCode::<Code>::from_docs_url(&url).unwrap();
    assert_eq!(code.known(), None);
    assert_eq!(code.as_str(), NEWER);
}

#[test]
fn foreign_and_garbage_urls_give_nothing() {
    let forbidden = codes::unkey::authorization::FORBIDDEN.docs_url();
    let urls = [
        String::new(),
        "/".to_owned(),
        "forbidden".to_owned(),
        "unkey/authorization/forbidden".to_owned(),
        "https://unkey.com/docs/errors".to_owned(),
        "https://unkey.com/docs/errors/unkey/authorization".to_owned(),
        // Another site, or another path on the same site.
        "https://example.com/docs/errors/unkey/authorization/forbidden".to_owned(),
        "https://unkey.com/docs/unkey/authorization/forbidden".to_owned(),
        "https://unkey.com/docs/errors/x/unkey/authorization/forbidden".to_owned(),
        "http://unkey.com/docs/errors/unkey/authorization/forbidden".to_owned(),
        // The right page, spelled differently.
        format!("{forbidden}/"),
        format!("{forbidden}?ref=x"),
        format!("{forbidden}#top"),
        forbidden.to_uppercase(),
        // Same site, but no well-formed code.
        format!("{DOCS_BASE}/unkey/authorization/Forbidden"),
        format!("{DOCS_BASE}/unkey//forbidden"),
        format!("{DOCS_BASE}/unkey/auth:z/forbidden"),
        format!("{DOCS_BASE}/unkey/authorization/forbidden:x"),
        format!("{DOCS_BASE}/unkey/authorization/for%20bidden"),
        "https://unkey.com/docs/errors/🔑/authorization/forbidden".to_owned(),
    ];
    for url in &urls {
        assert_eq!(Code::from_docs_url(url), None, "{url:?}");
        assert_eq!(AnyCode::<Code>::from_docs_url(url), None, "{url:?}");
    }
}

/// A body as a newer server might send it: a code this build lacks, and members at every level
/// that this version does not know.
fn newer_body() -> serde_json::Value {
    json!({
        "meta": {
            "requestId": "req_2c9a0jf23l4k567",
            "region": "eu-central-1",
            "trace": {"id": "abc", "sampled": true}
        },
        "error": {
            "detail": "The card was declined",
            "status": 402,
            "title": "Payment Required",
            "type": "https://unkey.com/docs/errors/unkey/billing/card_declined",
            "instance": "/v2/keys.createKey",
            "extensions": {"retryAfter": 30, "hints": ["update the card", null]},
            "errors": [
                {"location": "body.card", "message": "declined", "code": "insufficient_funds"}
            ]
        },
        "links": [{"rel": "billing", "href": "https://app.unkey.com/billing"}]
    })
}

#[test]
fn a_newer_servers_body_deserializes_and_its_code_is_kept() {
    let text = serde_json::to_string_pretty(&newer_body()).unwrap();
    let response: ErrorResponse = serde_json::from_str(&text).unwrap();
    assert_eq!(response.error.status, 402);
    assert_eq!(response.error.title, "Payment Required");
    assert_eq!(response.meta.request_id, "req_2c9a0jf23l4k567");
    let code = response.code::<Code>().unwrap();
    assert_eq!(code.known(), None);
    assert_eq!(code.as_str(), NEWER);
    assert_eq!(response.error.extra["instance"], "/v2/keys.createKey");
    assert_eq!(response.error.extra["extensions"]["retryAfter"], 30);
    assert_eq!(response.meta.extra["region"], "eu-central-1");
    assert_eq!(response.extra["links"][0]["rel"], "billing");
    let problems = response.error.errors.as_ref().unwrap();
    assert_eq!(problems[0].location, "body.card");
    assert_eq!(problems[0].extra["code"], "insufficient_funds");
}

#[test]
fn a_newer_servers_body_serializes_back_with_every_member() {
    let body = newer_body();
    let response: ErrorResponse = serde_json::from_value(body.clone()).unwrap();
    // Through text too, the way a proxy would pass it on.
    let text = serde_json::to_string(&response).unwrap();
    let back: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(back, body);
    let again: ErrorResponse = serde_json::from_str(&text).unwrap();
    assert_eq!(again, response);
}

#[test]
fn known_members_come_first_in_order_then_the_extra_ones() {
    let text = r#"{"error":{"instance":"/x","type":"https://unkey.com/docs/errors/unkey/authorization/forbidden","title":"Forbidden","status":403,"detail":"d"},"meta":{"requestId":"req_1"}}"#;
    let response: ErrorResponse = serde_json::from_str(text).unwrap();
    assert_eq!(
        serde_json::to_string(&response).unwrap(),
        r#"{"meta":{"requestId":"req_1"},"error":{"detail":"d","status":403,"title":"Forbidden","type":"https://unkey.com/docs/errors/unkey/authorization/forbidden","instance":"/x"}}"#
    );
}

#[test]
fn an_extra_entry_named_like_a_known_member_is_not_written_twice() {
    let mut response = ErrorResponse::new(codes::unkey::authorization::FORBIDDEN, "req_1", "d");
    response.error.extra.insert("status".into(), json!(500));
    response.error.extra.insert("instance".into(), json!("/x"));
    let value = serde_json::to_value(&response).unwrap();
    assert_eq!(value["error"]["status"], 403);
    assert_eq!(value["error"]["instance"], "/x");
    let text = serde_json::to_string(&response).unwrap();
    assert_eq!(text.matches("\"status\"").count(), 1, "{text}");
}

#[test]
fn broken_bodies_are_still_errors() {
    let mut missing_type = newer_body();
    missing_type["error"]
        .as_object_mut()
        .unwrap()
        .remove("type");
    let error = serde_json::from_value::<ErrorResponse>(missing_type).unwrap_err();
    assert!(
        error.to_string().contains("missing field `type`"),
        "{error}"
    );

    let duplicate = r#"{"meta":{"requestId":"a","requestId":"b"},"error":{"detail":"d","status":403,"title":"t","type":"u"}}"#;
    let error = serde_json::from_str::<ErrorResponse>(duplicate).unwrap_err();
    assert!(
        error.to_string().contains("duplicate field `requestId`"),
        "{error}"
    );

    let mut wrong_type = newer_body();
    wrong_type["error"]["status"] = json!("402");
    assert!(serde_json::from_value::<ErrorResponse>(wrong_type).is_err());
    assert!(serde_json::from_value::<ErrorResponse>(json!([1, 2])).is_err());
}

#[test]
fn a_null_errors_array_reads_as_absent() {
    let mut body = newer_body();
    body["error"]["errors"] = serde_json::Value::Null;
    let response: ErrorResponse = serde_json::from_value(body).unwrap();
    assert_eq!(response.error.errors, None);
}

/// A client's call that failed with `body`.
// The test is about returning the response itself as the error, unboxed.
#[allow(clippy::result_large_err)]
fn call(body: &str) -> Result<u32, ErrorResponse> {
    Err(serde_json::from_str(body).expect("an error body"))
}

fn client(body: &str) -> Result<u32, Box<dyn Error>> {
    let answer = call(body)?;
    Ok(answer + 1)
}

#[test]
fn an_error_response_returns_with_question_mark_and_prints_one_line() {
    let response = ErrorResponse::new(
        codes::unkey::authorization::FORBIDDEN,
        "req_2c9a0jf23l4k567",
        "This operation is not allowed",
    );
    let error = client(&serde_json::to_string(&response).unwrap()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "403 Forbidden: This operation is not allowed \
         (https://unkey.com/docs/errors/unkey/authorization/forbidden, request req_2c9a0jf23l4k567)"
    );
    let back = error.downcast::<ErrorResponse>().unwrap();
    assert_eq!(*back, response);
    assert!(back.source().is_none());
}
