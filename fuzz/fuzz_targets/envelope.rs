//! Any detail, request id and validation items: the envelope serializes to JSON that parses
//! back to the same value, with exactly the catalogue's status, title and type.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unkey_errors::{Code, ErrorResponse, ValidationError};

type Problems = Vec<(String, String, Option<String>)>;

fuzz_target!(|input: (u8, String, String, Problems)| {
    let (index, request_id, detail, problems) = input;
    let code = Code::ALL[usize::from(index) % Code::ALL.len()];
    let mut response = ErrorResponse::new(code, request_id, detail);
    for (location, message, fix) in problems {
        let mut problem = ValidationError::new(location, message);
        if let Some(fix) = fix {
            problem = problem.with_fix(fix);
        }
        response = response.with_error(problem);
    }
    let json = serde_json::to_string(&response).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["error"]["status"], code.status());
    assert_eq!(value["error"]["title"], code.title());
    assert_eq!(value["error"]["type"], code.docs_url());
    let back: ErrorResponse = serde_json::from_str(&json).unwrap();
    assert_eq!(back, response);
});
