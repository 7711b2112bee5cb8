//! The gRPC facts of a catalogue: each entry's status code (stated or by default) and the
//! catalogue's error domain, and every way to get them wrong.

use unkey_errors_catalogue::{Diagnostic, GrpcCode, Position, parse};

const SECTIONS: &str = "    what_happened: It was never created.\n    how_to_fix: Create it.\n    common_mistakes: \"- **Typos**: check the id.\"\n";

/// A catalogue with `top` at its top level and one entry of `status` with `extra` fields.
fn catalogue(top: &str, status: u16, extra: &str) -> String {
    format!(
        "docs_base_url: https://shop.example.com/docs/errors\n{top}errors:\n  err:shop:orders:not_found:\n    status: {status}\n    title: Not Found\n    description: It is not there.\n    detail: Nothing has the id x_1\n{extra}{SECTIONS}"
    )
}

fn only_problem(yaml: &str) -> Diagnostic {
    let found =
        parse(yaml.as_bytes(), "errors.yaml").expect_err("the catalogue should be rejected");
    assert_eq!(found.len(), 1, "expected one problem, found:\n{found}");
    found.0.into_iter().next().unwrap()
}

#[test]
fn an_entry_without_grpc_gets_the_default_of_its_status() {
    for (status, expected) in [
        (404, GrpcCode::NotFound),
        (409, GrpcCode::Aborted),
        (412, GrpcCode::FailedPrecondition),
        (503, GrpcCode::Unavailable),
    ] {
        let yaml = catalogue("", status, "");
        let parsed = parse(yaml.as_bytes(), "errors.yaml").unwrap();
        assert_eq!(parsed.entries()[0].grpc, expected, "{status}");
    }
}

#[test]
fn a_stated_grpc_code_wins_over_the_default() {
    let yaml = catalogue("", 409, "    grpc: ALREADY_EXISTS\n");
    let parsed = parse(yaml.as_bytes(), "errors.yaml").unwrap();
    assert_eq!(parsed.entries()[0].grpc, GrpcCode::AlreadyExists);
}

#[test]
fn an_unknown_grpc_name_suggests_the_one_meant() {
    for (written, hint) in [
        ("FAILED_PRECONDITON", "did you mean `FAILED_PRECONDITION`?"),
        ("not_found", "did you mean `NOT_FOUND`?"),
        ("Already-Exists", "did you mean `ALREADY_EXISTS`?"),
    ] {
        let problem = only_problem(&catalogue("", 409, &format!("    grpc: {written}\n")));
        assert_eq!(
            problem.message,
            format!("unknown gRPC status code `{written}`")
        );
        assert_eq!(problem.help.as_deref(), Some(hint));
        assert_eq!(
            problem.position,
            Some(Position {
                line: 8,
                column: 11
            })
        );
    }
    let problem = only_problem(&catalogue("", 409, "    grpc: TEAPOT\n"));
    assert!(
        problem
            .help
            .unwrap()
            .starts_with("the status codes are CANCELLED, UNKNOWN,"),
        "no plausible name: every name is listed"
    );
}

#[test]
fn a_number_ok_or_a_list_is_no_grpc_status() {
    let problem = only_problem(&catalogue("", 412, "    grpc: 9\n"));
    assert_eq!(
        problem.message,
        "`grpc` is written as the status code's name, not its number 9"
    );
    assert_eq!(
        problem.help.as_deref(),
        Some("write `grpc: FAILED_PRECONDITION`")
    );
    let problem = only_problem(&catalogue("", 412, "    grpc: OK\n"));
    assert_eq!(problem.message, "`grpc: OK` is not an error status");
    let problem = only_problem(&catalogue("", 412, "    grpc: [NOT_FOUND]\n"));
    assert_eq!(
        problem.message,
        "`grpc` must be a gRPC status code's name, not a list"
    );
}

#[test]
fn the_domain_defaults_to_the_docs_host_and_may_be_stated() {
    let yaml = catalogue("", 404, "");
    let parsed = parse(yaml.as_bytes(), "errors.yaml").unwrap();
    assert_eq!(parsed.domain(), "shop.example.com");
    let yaml = catalogue("domain: shop.example\n", 404, "");
    let parsed = parse(yaml.as_bytes(), "errors.yaml").unwrap();
    assert_eq!(parsed.domain(), "shop.example");
    let yaml = "docs_base_url: http://user@localhost:8080/docs\nerrors:\n  err:a:b:c:\n    status: 404\n    title: Not Found\n    description: It is not there.\n    detail: Nothing has the id x_1\n    internal: true\n";
    assert_eq!(
        parse(yaml.as_bytes(), "errors.yaml").unwrap().domain(),
        "localhost"
    );
}

#[test]
fn a_malformed_domain_is_an_error() {
    for written in [
        "\"shop example\"",
        "\"shop..example\"",
        "\"-shop.example\"",
        "[a]",
    ] {
        let problem = only_problem(&catalogue(&format!("domain: {written}\n"), 404, ""));
        assert!(
            problem.message.starts_with("`domain` must be a"),
            "{problem}"
        );
        assert_eq!(
            problem.position,
            Some(Position { line: 2, column: 9 }),
            "{written}"
        );
        assert!(problem.help.unwrap().contains("unkey.com"));
    }
}
