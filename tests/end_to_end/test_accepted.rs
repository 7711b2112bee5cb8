//! Code the macros must accept: each file of `tests/accepted/` is a module of this test crate,
//! so it compiles with the crate, and its `main` runs as a test. (The UI tests in `tests/ui/`
//! are the code the macros must reject; keeping them compile-fail only lets trybuild check
//! them without building their dependencies' object code.)

#[path = "../accepted/derive_empty_enum.rs"]
mod derive_empty_enum;
#[path = "../accepted/derive_generics_and_skip.rs"]
mod derive_generics_and_skip;
#[path = "../accepted/derive_own_catalogue.rs"]
mod derive_own_catalogue;
#[path = "../accepted/derive_paths.rs"]
mod derive_paths;
#[path = "../accepted/derive_surface.rs"]
mod derive_surface;
#[path = "../accepted/own_catalogue.rs"]
mod own_catalogue;
#[path = "../accepted/two_catalogues_one_file.rs"]
mod two_catalogues_one_file;

#[test]
fn an_enum_without_variants_derives() {
    derive_empty_enum::main();
}

#[test]
fn a_generic_type_derives_and_a_skipped_impl_is_written_by_hand() {
    derive_generics_and_skip::main();
}

#[test]
fn a_type_derives_against_its_own_catalogue_and_through_a_string_path() {
    derive_own_catalogue::main();
}

#[test]
fn the_derive_names_everything_by_absolute_path() {
    derive_paths::main();
}

#[test]
fn a_type_answers_on_the_surface_it_names() {
    derive_surface::main();
}

#[test]
fn a_crate_gets_its_own_code_type_from_its_own_catalogue() {
    own_catalogue::main();
}

#[test]
fn two_catalogue_calls_on_one_file_work_in_one_crate() {
    two_catalogues_one_file::main();
}
