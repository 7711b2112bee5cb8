//! Property tests: whatever a detail message or validation item holds, the envelope is valid
//! JSON that round-trips and states exactly the catalogue's status, title and type.

use proptest::prelude::*;
use unkey_errors::{Code, ErrorResponse, ValidationError};

/// Strings that stress JSON escaping: quotes, backslashes, control characters, HTML, emoji.
fn nasty_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("\"".to_owned()),
        Just("\\".to_owned()),
        Just("</script><script>alert(1)</script>".to_owned()),
        Just("\u{0}\u{1}\u{1f}\u{7f}".to_owned()),
        Just("\n\r\t".to_owned()),
        Just("🔑🚫👩‍💻".to_owned()),
        Just("\u{2028}\u{2029}".to_owned()),
        any::<String>(),
    ];
    prop::collection::vec(pieces, 0..6).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_envelope_is_valid_json_that_round_trips(
        index in 0..Code::ALL.len(),
        request_id in nasty_text(),
        detail in nasty_text(),
        problems in prop::collection::vec((nasty_text(), nasty_text(), prop::option::of(nasty_text())), 0..4),
    ) {
        let code = Code::ALL[index];
        let mut response = ErrorResponse::new(code, request_id.clone(), detail.clone());
        for (location, message, fix) in &problems {
            let mut problem = ValidationError::new(location.clone(), message.clone());
            if let Some(fix) = fix {
                problem = problem.with_fix(fix.clone());
            }
            response = response.with_error(problem);
        }
        let json = serde_json::to_string(&response).unwrap();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&value["error"]["status"], &serde_json::json!(code.status()));
        prop_assert_eq!(&value["error"]["title"], &serde_json::json!(code.title()));
        prop_assert_eq!(&value["error"]["type"], &serde_json::json!(code.docs_url()));
        prop_assert_eq!(&value["error"]["detail"], &serde_json::json!(detail));
        prop_assert_eq!(&value["meta"]["requestId"], &serde_json::json!(request_id));
        // `</script>` cannot end a script block the JSON is embedded in only if `/` were escaped;
        // serde_json does not, so what matters is that the text comes back unchanged.
        let back: ErrorResponse = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, response);
    }
}
