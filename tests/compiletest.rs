//! Compile-time behaviour: what the macros accept, and the errors they give for what they don't.
//!
//! The UI tests name their catalogues relative to the crate trybuild builds them in,
//! `target/tests/trybuild/unkey-errors-tests/`, hence the `../../../../` prefix.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/pass/*.rs");
    cases.compile_fail("tests/ui/*.rs");
    cases.compile_fail("tests/ui/derive/*.rs");
}
