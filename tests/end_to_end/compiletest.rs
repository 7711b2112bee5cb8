//! Compile-time behaviour: the errors the macros give for what they reject. (What they accept
//! compiles as part of `test_accepted`: with compile-fail cases only, trybuild checks each case
//! without generating code, for its dependencies too, which halves the time it takes.)
//!
//! The UI tests name their catalogues relative to the crate trybuild builds them in,
//! `target/tests/trybuild/unkey-errors-tests/`, hence the `../../../../` prefix.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
    cases.compile_fail("tests/ui/derive/*.rs");
}
