//! Reviewed snapshots of a few rendered pages: a 403, a bad request with an `errors` array,
//! a 5xx, a frontline code, a deprecated code, and the navigation fragment. A change to the
//! renderer shows here as a diff to review.

use std::path::Path;

use unkey_errors_cli::render;

fn page(code: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../errors.yaml");
    let catalogue = unkey_errors_catalogue::load(&path, "errors.yaml").unwrap();
    render::page(&catalogue, catalogue.get(code).unwrap())
}

#[test]
fn forbidden() {
    insta::assert_snapshot!(page("err:unkey:authorization:forbidden"));
}

#[test]
fn invalid_input() {
    insta::assert_snapshot!(page("err:unkey:application:invalid_input"));
}

#[test]
fn unexpected_error() {
    insta::assert_snapshot!(page("err:unkey:application:unexpected_error"));
}

#[test]
fn frontline_rate_limited() {
    insta::assert_snapshot!(page("err:frontline:client:rate_limited"));
}

#[test]
fn navigation() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../errors.yaml");
    let catalogue = unkey_errors_catalogue::load(&path, "errors.yaml").unwrap();
    insta::assert_snapshot!(render::tree(&catalogue)["errors/navigation.json"]);
}

#[test]
fn deprecated() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/deprecated.yaml");
    let catalogue = unkey_errors_catalogue::load(&path, "deprecated.yaml").unwrap();
    insta::assert_snapshot!(render::page(
        &catalogue,
        catalogue.get("err:shop:orders:gone").unwrap()
    ));
}
