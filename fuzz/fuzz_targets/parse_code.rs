//! Any string parses to the code whose URN it is, or to an error whose message can be shown.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unkey_errors::Code;

fuzz_target!(|input: &str| {
    match input.parse::<Code>() {
        Ok(code) => assert_eq!(code.as_str(), input),
        Err(error) => {
            assert_eq!(error.input(), input);
            assert!(Code::ALL.iter().all(|code| code.as_str() != input));
            let _ = error.to_string();
        }
    }
});
