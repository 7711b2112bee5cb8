//! The tables the catalogue crate (macro time) and the runtime crate (run time) each hold, since
//! neither may depend on the other: the framework conditions and the gRPC status codes. They
//! must agree entry for entry, or a catalogue would validate what the runtime cannot express.

#[test]
fn the_framework_conditions_are_the_same_on_both_sides() {
    let runtime: Vec<&str> = unkey_errors::Condition::ALL
        .iter()
        .map(|c| c.key())
        .collect();
    assert_eq!(runtime, unkey_errors_catalogue::FRAMEWORK_KEYS);
    let catalogue: Vec<&str> = unkey_errors_catalogue::Condition::ALL
        .iter()
        .map(|c| c.key())
        .collect();
    assert_eq!(runtime, catalogue);
}

#[test]
fn the_grpc_codes_and_their_defaults_are_the_same_on_both_sides() {
    let runtime: Vec<(&str, i32)> = unkey_errors::GrpcCode::ALL
        .iter()
        .map(|c| (c.as_str(), c.number()))
        .collect();
    let catalogue: Vec<(&str, i32)> = unkey_errors_catalogue::GrpcCode::ALL
        .iter()
        .map(|c| (c.name(), i32::from(c.number())))
        .collect();
    assert_eq!(runtime, catalogue);
    for status in 400..=599 {
        assert_eq!(
            unkey_errors::GrpcCode::for_http_status(status).as_str(),
            unkey_errors_catalogue::GrpcCode::for_http_status(status).name(),
            "the default for {status}"
        );
    }
}
