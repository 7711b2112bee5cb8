//! The generated Unkey catalogue agrees with the facts of what the API sends on the wire.
//!
//! `fixtures/unkey-error-facts.tsv` lists every code with its status and title as observed from
//! the API, whether its body carries an `errors` array, and its related codes. It was written
//! independently of `errors.yaml`, so this test catches a catalogue that drifts from the API.

use std::collections::BTreeSet;

use unkey_errors::{Code, ErrorCode};

struct Fact {
    urn: String,
    status: u16,
    title: String,
    errors_array: bool,
    related: Vec<String>,
}

fn facts() -> Vec<Fact> {
    let text = include_str!("../fixtures/unkey-error-facts.tsv");
    let mut lines = text.lines();
    let header: Vec<&str> = lines
        .next()
        .expect("the facts file has a header")
        .split('\t')
        .collect();
    assert_eq!(
        header[..5],
        ["urn", "status", "title", "errors_array", "related"]
    );
    lines
        .map(|line| {
            let columns: Vec<&str> = line.split('\t').collect();
            Fact {
                urn: columns[0].to_owned(),
                status: columns[1].parse().expect("status is a number"),
                title: columns[2].to_owned(),
                errors_array: match columns[3] {
                    "yes" => true,
                    "no" => false,
                    other => panic!("errors_array is yes or no, not {other}"),
                },
                related: columns[4]
                    .split(',')
                    .filter(|code| !code.is_empty())
                    .map(str::to_owned)
                    .collect(),
            }
        })
        .collect()
}

#[test]
fn the_catalogue_holds_exactly_the_codes_of_the_facts_file() {
    let facts: BTreeSet<String> = facts().into_iter().map(|fact| fact.urn).collect();
    let generated: BTreeSet<String> = Code::ALL
        .iter()
        .map(|code| code.as_str().to_owned())
        .collect();
    assert_eq!(Code::ALL.len(), generated.len(), "no code is listed twice");
    let list = |codes: Vec<&String>| {
        codes
            .iter()
            .map(|code| format!("\n    {code}"))
            .collect::<String>()
    };
    let only_in_catalogue = list(generated.difference(&facts).collect());
    let only_in_facts = list(facts.difference(&generated).collect());
    assert!(
        only_in_catalogue.is_empty() && only_in_facts.is_empty(),
        "errors.yaml and tests/fixtures/unkey-error-facts.tsv disagree.\n  \
         in errors.yaml only:{only_in_catalogue}\n  \
         in the facts file only:{only_in_facts}\n\
         A new Unkey code goes in both: add its line (urn, status, title, errors_array, related) \
         to tests/fixtures/unkey-error-facts.tsv, as the API sends it."
    );
}

#[test]
fn every_code_has_the_status_and_title_the_api_sends() {
    for fact in facts() {
        let code: Code = fact.urn.parse().unwrap();
        assert_eq!(code.status(), fact.status, "status of {}", fact.urn);
        assert_eq!(code.title(), fact.title, "title of {}", fact.urn);
        assert_eq!(
            code.has_errors_array(),
            fact.errors_array,
            "errors_array of {}",
            fact.urn
        );
    }
}

#[test]
fn related_codes_include_those_of_the_facts_file() {
    let catalogue = unkey_errors_catalogue::load(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/errors.yaml")),
        "errors.yaml",
    )
    .unwrap();
    for fact in facts() {
        let entry = catalogue.get(&fact.urn).unwrap();
        let related: Vec<&str> = entry.related.iter().map(|urn| urn.as_str()).collect();
        if !fact.related.is_empty() {
            assert_eq!(related, fact.related, "related codes of {}", fact.urn);
        }
    }
}

#[test]
fn the_three_codes_old_services_disagreed_on_have_one_status() {
    // Two services answered 401 for these and one answered 504 for the timeout.
    assert_eq!(
        "err:unkey:authentication:malformed"
            .parse::<Code>()
            .unwrap()
            .status(),
        400
    );
    assert_eq!(
        "err:unkey:authentication:missing"
            .parse::<Code>()
            .unwrap()
            .status(),
        400
    );
    assert_eq!(
        "err:user:bad_request:request_timeout"
            .parse::<Code>()
            .unwrap()
            .status(),
        408
    );
    // And the code that fell into a 500 by accident answers its intended 400.
    assert_eq!(
        "err:user:bad_request:missing_required_header"
            .parse::<Code>()
            .unwrap()
            .status(),
        400
    );
}

#[test]
fn docs_urls_follow_the_urn() {
    for code in Code::ALL {
        let path = code
            .as_str()
            .strip_prefix("err:")
            .unwrap()
            .replace(':', "/");
        assert_eq!(
            code.docs_url(),
            format!("https://unkey.com/docs/errors/{path}")
        );
    }
}

#[test]
fn the_trait_and_the_inherent_methods_agree() {
    fn through_trait<C: ErrorCode>(
        code: C,
    ) -> (
        &'static str,
        u16,
        &'static str,
        &'static str,
        &'static str,
        bool,
    ) {
        (
            code.as_str(),
            code.status(),
            code.title(),
            code.description(),
            code.docs_url(),
            code.has_errors_array(),
        )
    }
    assert_eq!(<Code as ErrorCode>::ALL, Code::ALL);
    for &code in Code::ALL {
        assert_eq!(
            through_trait(code),
            (
                code.as_str(),
                code.status(),
                code.title(),
                code.description(),
                code.docs_url(),
                code.has_errors_array()
            )
        );
        assert!(!code.description().is_empty());
        assert_eq!(ErrorCode::deprecation(code), code.deprecation());
    }
}

/// `fixtures/unkey-gateway-facts.tsv`: every code the gateway (the `frontline` system) sends,
/// with the gateway's status and title beside the API's (`none` when the API never sends it),
/// and whether the gateway's body carries a fixed public message.
#[test]
fn every_code_the_gateway_sends_has_the_gateway_facts() {
    let text = include_str!("../fixtures/unkey-gateway-facts.tsv");
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap().split('\t').collect::<Vec<_>>(),
        [
            "urn",
            "gateway_status",
            "gateway_title",
            "api_status",
            "api_title",
            "gateway_has_fixed_message"
        ]
    );
    let mut by_gateway = BTreeSet::new();
    for line in lines {
        let columns: Vec<&str> = line.split('\t').collect();
        let code: Code = columns[0].parse().unwrap();
        by_gateway.insert(code.as_str());
        let gateway_status: u16 = columns[1].parse().unwrap();
        assert_eq!(
            code.gateway_status(),
            Some(gateway_status),
            "gateway status of {code}"
        );
        assert_eq!(
            code.gateway_title(),
            Some(columns[2]),
            "gateway title of {code}"
        );
        match columns[3] {
            "none" => assert_eq!(code.api_status(), None, "{code} is not sent by the API"),
            status => {
                assert_eq!(
                    code.api_status(),
                    Some(status.parse().unwrap()),
                    "API status of {code}"
                );
                assert_eq!(code.title(), columns[4], "API title of {code}");
            }
        }
        let fixed = columns[5] == "yes";
        assert_eq!(
            code.gateway_message().is_some(),
            fixed,
            "gateway message of {code}"
        );
    }
    assert_eq!(by_gateway.len(), 27);
    for code in Code::ALL {
        if !by_gateway.contains(code.as_str()) {
            assert_eq!(
                code.gateway_status(),
                None,
                "{code} is not sent by the gateway"
            );
            assert_eq!(
                code.api_status(),
                Some(code.status()),
                "{code} is sent by the API"
            );
        }
    }
}
