//! The runtime over real HTTP and gRPC on 127.0.0.1, and property tests of the envelope: one
//! test binary, one module per concern, so the server stacks (axum, hyper, tonic) are compiled
//! and linked once rather than once per file. Tests that need the process to themselves live
//! in binaries of their own: `allocations` (a counting global allocator) and `test_metrics`
//! (a global metrics recorder).

mod captured_logs;
// Its HTTP routes are for test_metrics.rs, which includes the same file.
#[allow(dead_code)]
#[path = "../../support/grpc_service.rs"]
mod grpc_service;

mod test_axum;
mod test_derive_response;
mod test_framework;
mod test_grpc;
mod test_logging;
mod test_properties;
mod test_stress;
mod test_surfaces;
mod test_utoipa;
