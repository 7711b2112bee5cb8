//! How many allocations a derived error's `tonic::Status` costs, against the status written by
//! hand with `tonic-types` for the same content (the same bytes), and what the error counter
//! costs with no recorder.

use std::collections::HashMap;

use tonic_types::{ErrorDetails, StatusExt};
use unkey_errors::{Code, UnkeyError, codes};

use crate::allocations;

#[derive(Debug, thiserror::Error, UnkeyError)]
enum KeyError {
    #[error("key {0} does not exist")]
    #[unkey(code = "err:unkey:data:key_not_found")]
    NotFound(String),
}

/// The status a service would build by hand, as bench/benches/grpc.rs's baseline does.
fn by_hand(code: Code, message: String) -> tonic::Status {
    let urn = code.as_str();
    let mut details = ErrorDetails::new();
    details.set_error_info(
        urn["err:".len()..].replace(':', "_").to_ascii_uppercase(),
        "unkey.com",
        HashMap::from([("urn".to_owned(), urn.to_owned())]),
    );
    details.add_help_link("What the error means and how to fix it", code.docs_url());
    tonic::Status::with_error_details(tonic::Code::from(code.grpc_code()), message, details)
}

#[test]
fn a_derived_errors_status_allocates_less_than_the_hand_written_one() {
    let error = KeyError::NotFound("key_123".into());
    let (status, ours) = allocations(|| tonic::Status::from(error));
    let error = KeyError::NotFound("key_123".into());
    let (baseline, theirs) =
        allocations(|| by_hand(codes::unkey::data::KEY_NOT_FOUND, error.to_string()));
    assert_eq!(status.details(), baseline.details(), "the same content");
    assert_eq!(status.message(), baseline.message());
    println!("tonic::Status of a derived error: {ours} allocations; by hand: {theirs}");
    // The message (the `Display` text grows its `String` three times, as in the baseline), the
    // status's box, and one buffer, sized exactly, for every detail.
    assert_eq!(ours, 5);
    assert!(ours < theirs);
}

#[test]
fn the_counter_allocates_nothing_without_a_recorder() {
    let code = codes::unkey::data::KEY_NOT_FOUND;
    // The first use of a thread's metrics state may set it up: not a per-response cost.
    unkey_errors::metrics::count_grpc(Some(code), 5);
    let ((), counted) = allocations(|| unkey_errors::metrics::count_grpc(Some(code), 5));
    println!("counting one gRPC error with no recorder: {counted} allocations");
    // The key's labels were built at compile time, from the catalogue.
    assert_eq!(counted, 0);
    // A status other than the catalogue's for the code lists its labels at run time: the
    // one allocation left, off the path of a derived error.
    let ((), counted) = allocations(|| unkey_errors::metrics::count_grpc(Some(code), 13));
    assert_eq!(counted, 1);
}
