//! Any bytes as a catalogue file: the loader returns a catalogue or positioned problems, and a
//! catalogue it accepts generates source text that parses as a Rust file (the proc macro hands
//! it to rustc's lexer unchecked) and renders docs, all without panicking.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    match unkey_errors_catalogue::parse(bytes, "errors.yaml") {
        Ok(catalogue) => {
            assert!(!catalogue.entries().is_empty());
            let text = unkey_errors_codegen::generate_standalone_source(
                &catalogue,
                Path::new("/errors.yaml"),
            );
            if let Err(error) = syn::parse_file(&text) {
                panic!("generated source is not valid Rust: {error}");
            }
            let _ = unkey_errors_cli::render::tree(&catalogue);
        }
        Err(problems) => {
            assert!(!problems.is_empty());
            // Lines as YAML counts them: CR, LF and CRLF each end one.
            let text = String::from_utf8_lossy(bytes)
                .replace("\r\n", "\n")
                .replace('\r', "\n");
            let lines = text.split('\n').count();
            for problem in problems.iter() {
                if let Some(position) = problem.position {
                    assert!(
                        position.line >= 1 && position.line <= lines + 1,
                        "{problem}"
                    );
                    assert!(position.column >= 1, "{problem}");
                }
            }
            let _ = problems.to_string();
        }
    }
});
