//! The end-to-end tests of the crates together (Unkey's catalogue, the macros and the runtime):
//! one test binary, one module per concern, so they are linked once and their slow tests (the
//! trybuild UI tests, the scratch crates that cargo builds) run side by side.

#[path = "../scratch/mod.rs"]
mod scratch;

mod compiletest;
mod test_accepted;
mod test_any_code;
mod test_catalogue_format_doc;
mod test_code;
mod test_derive;
mod test_rebuild;
mod test_response;
mod test_shared_tables;
mod test_surface_leak;
mod test_unkey_catalogue;
mod test_workflows;
