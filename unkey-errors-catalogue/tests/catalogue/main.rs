//! The catalogue loader's tests, one test binary: diagnostics for malformed catalogues, the
//! `framework` mapping, gRPC statuses and the lint settings.

mod test_diagnostics;
mod test_framework;
mod test_grpc;
mod test_lint_settings;
