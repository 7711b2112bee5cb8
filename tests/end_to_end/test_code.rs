//! The generated `Code` type: parsing, printing, serde, constants and exhaustive matching.

use unkey_errors::{Code, ErrorCode, ParseCodeError, codes};

#[test]
fn every_code_round_trips_through_its_urn() {
    for &code in Code::ALL {
        assert_eq!(code.as_str().parse::<Code>(), Ok(code));
        assert_eq!(code.to_string(), code.as_str());
    }
}

#[test]
fn all_lists_codes_in_catalogue_order_without_repeats() {
    let urns: Vec<&str> = Code::ALL.iter().map(|code| code.as_str()).collect();
    let mut sorted = urns.clone();
    sorted.sort_unstable();
    sorted.dedup();
    // errors.yaml keeps its entries sorted, so catalogue order is URN order.
    assert_eq!(urns, sorted);
    assert_eq!(
        urns.first(),
        Some(&"err:frontline:capacity:deployment_offline")
    );
}

#[test]
fn a_typo_is_an_error_suggesting_the_intended_code() {
    let error = "err:unkey:authorization:forbiden"
        .parse::<Code>()
        .unwrap_err();
    assert_eq!(error.input(), "err:unkey:authorization:forbiden");
    assert_eq!(error.suggestions(), ["err:unkey:authorization:forbidden"]);
    assert_eq!(
        error.to_string(),
        "unknown error code `err:unkey:authorization:forbiden`; did you mean `err:unkey:authorization:forbidden`?"
    );
}

#[test]
fn a_wrong_category_still_finds_the_code() {
    let error = "err:unkey:data:forbidden".parse::<Code>().unwrap_err();
    assert_eq!(
        error.suggestions().first(),
        Some(&"err:unkey:authorization:forbidden")
    );
}

#[test]
fn an_unrelated_string_gets_no_suggestion_and_names_the_form() {
    let error = "hello".parse::<Code>().unwrap_err();
    assert!(error.suggestions().is_empty());
    assert_eq!(
        error.to_string(),
        "`hello` is not an error code: codes have the form err:<system>:<category>:<specific>"
    );
    let error: ParseCodeError = "err:nothing:like:this_at_all_really"
        .parse::<Code>()
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "unknown error code `err:nothing:like:this_at_all_really`"
    );
    assert!("".parse::<Code>().is_err());
}

#[test]
fn constants_live_at_paths_mirroring_the_urn() {
    assert_eq!(
        codes::unkey::authorization::FORBIDDEN,
        Code::UnkeyAuthorizationForbidden
    );
    assert_eq!(
        codes::unkey::data::KEY_NOT_FOUND.as_str(),
        "err:unkey:data:key_not_found"
    );
    assert_eq!(codes::frontline::upstream::GATEWAY_TIMEOUT.status(), 504);
    assert_eq!(
        codes::user::bad_request::CLIENT_CLOSED_REQUEST.as_str(),
        "err:user:bad_request:client_closed_request"
    );
    assert_eq!(
        codes::unkey::limits::CUSTOM_DOMAIN_LIMIT_EXCEEDED.title(),
        "Forbidden"
    );
}

#[test]
fn status_is_usable_in_const_context() {
    const STATUS: u16 = codes::unkey::data::API_NOT_FOUND.status();
    const TITLE: &str = codes::unkey::data::API_NOT_FOUND.title();
    assert_eq!((STATUS, TITLE), (404, "Not Found"));
}

#[test]
fn debug_shows_the_variant_as_written_in_code() {
    // Pasteable back into code, unlike a `Code("…")` tuple that does not exist.
    assert_eq!(
        format!("{:?}", codes::unkey::authorization::FORBIDDEN),
        "Code::UnkeyAuthorizationForbidden"
    );
    for code in Code::ALL {
        let debug = format!("{code:?}");
        let variant = debug.strip_prefix("Code::").unwrap();
        let joined: String = code.as_str()["err:".len()..]
            .split([':', '_'])
            .map(|word| word[..1].to_ascii_uppercase() + &word[1..])
            .collect();
        assert_eq!(variant, joined, "{code}");
    }
    let urn = "err:unkey:data:api_not_found";
    let padded = format!("{}{urn}", " ".repeat(40 - urn.len()));
    assert_eq!(format!("{:>40}", codes::unkey::data::API_NOT_FOUND), padded);
}

#[test]
fn serde_uses_the_urn_string() {
    let json = serde_json::to_string(&codes::unkey::data::KEY_NOT_FOUND).unwrap();
    assert_eq!(json, r#""err:unkey:data:key_not_found""#);
    let back: Code = serde_json::from_str(&json).unwrap();
    assert_eq!(back, codes::unkey::data::KEY_NOT_FOUND);
    let error = serde_json::from_str::<Code>(r#""err:unkey:data:key_not_fund""#).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("did you mean `err:unkey:data:key_not_found`?"),
        "{error}"
    );
    assert!(serde_json::from_str::<Code>("404").is_err());
}

#[test]
fn variants_and_constants_match_as_patterns() {
    // Exhaustiveness itself (a missing variant is a compile error) is checked by the UI test
    // `tests/ui/non_exhaustive_match.rs`.
    fn kind(code: Code) -> &'static str {
        match code {
            Code::UnkeyAuthorizationForbidden => "forbidden",
            codes::unkey::data::KEY_NOT_FOUND => "missing key",
            _ => "other",
        }
    }
    assert_eq!(kind(codes::unkey::authorization::FORBIDDEN), "forbidden");
    assert_eq!(kind(Code::UnkeyDataKeyNotFound), "missing key");
    assert_eq!(kind(codes::unkey::data::API_NOT_FOUND), "other");
}

#[test]
fn codes_are_ordered_hashable_and_copy() {
    use std::collections::{BTreeSet, HashSet};
    let hashed: HashSet<Code> = Code::ALL.iter().copied().collect();
    let ordered: BTreeSet<Code> = Code::ALL.iter().copied().collect();
    assert_eq!(hashed.len(), Code::ALL.len());
    assert_eq!(ordered.len(), Code::ALL.len());
    fn assert_error_code<C: ErrorCode>() {}
    assert_error_code::<Code>();
}

#[test]
fn a_huge_unknown_input_is_cheap_to_report() {
    // Suggestions are skipped for inputs whose length alone rules out every code, so a client
    // sending a megabyte as a code cannot make formatting the error slow.
    let huge = "err:".repeat(250_000);
    let error = huge.parse::<Code>().unwrap_err();
    assert!(error.suggestions().is_empty());
    assert!(error.to_string().starts_with("`err:err:"));
}
