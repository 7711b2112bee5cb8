//! The gRPC error path and the error counter, against hand-written baselines.
//!
//! - `status`: a derived error into `tonic::Status` (`From<E>`), against the status a service
//!   would write by hand with `tonic-types`' `Status::with_error_details` for the same content
//!   (the same code, message, `ErrorInfo` and `Help`: byte for byte the same details, which
//!   `unkey-errors`' own tests hold). A client error (its message formatted from the error)
//!   and a server error (its message the catalogue's description).
//! - `counter`: the error counter with no recorder installed, against one relaxed atomic
//!   increment, and against the least any use of the `metrics` facade costs: a counter with a
//!   static name and no labels (its key a static the macro builds), which pays the facade's
//!   check for an installed recorder (a thread-local read and an atomic load).
//!
//! Run: `cargo bench -p unkey-errors-bench --bench grpc`, and for the counter also with
//! `--profile release-lto` (thin LTO, under which the facade's functions inline); results in
//! BENCHMARKS.md.

use std::collections::HashMap;
use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering};

use criterion::{Criterion, criterion_group, criterion_main};
use tonic_types::{ErrorDetails, StatusExt};
use unkey_errors::{Code, UnkeyError, codes};

#[derive(Debug, thiserror::Error, UnkeyError)]
enum KeyError {
    #[error("key {0} does not exist")]
    #[unkey(code = "err:unkey:data:key_not_found")]
    NotFound(String),
    #[error("database failure")]
    #[unkey(code = "err:unkey:application:unexpected_error")]
    Database(#[source] std::io::Error),
}

/// The status a service would build by hand for `code`, with `message`.
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

fn status(c: &mut Criterion) {
    let mut group = c.benchmark_group("status");
    group.bench_function("client error/ours: From<KeyError>", |b| {
        b.iter(|| tonic::Status::from(black_box(KeyError::NotFound(String::from("key_123")))));
    });
    group.bench_function("client error/baseline: with_error_details", |b| {
        b.iter(|| {
            // The same work a handler does: its error's text, then the status.
            let error = black_box(KeyError::NotFound(String::from("key_123")));
            by_hand(codes::unkey::data::KEY_NOT_FOUND, error.to_string())
        });
    });
    group.bench_function("server error/ours: From<KeyError>", |b| {
        b.iter(|| {
            tonic::Status::from(black_box(KeyError::Database(std::io::Error::from(
                std::io::ErrorKind::ConnectionReset,
            ))))
        });
    });
    group.bench_function("server error/baseline: with_error_details", |b| {
        b.iter(|| {
            let error = black_box(KeyError::Database(std::io::Error::from(
                std::io::ErrorKind::ConnectionReset,
            )));
            drop(error);
            let code = codes::unkey::application::UNEXPECTED_ERROR;
            by_hand(code, code.description().to_owned())
        });
    });
    group.finish();
}

fn counter(c: &mut Criterion) {
    // A service can install a recorder at any time, so the facade must check for one. Here the
    // install is reachable but never runs (nothing sets the variable): without it, a whole-program
    // build (LTO) proves that no global recorder can exist and drops the facade's check, and the
    // benchmark would time less than any service pays.
    if std::env::var_os("UNKEY_ERRORS_BENCH_NEVER_SET").is_some() {
        let _ = metrics::set_global_recorder(metrics::NoopRecorder);
    }
    let mut group = c.benchmark_group("counter");
    group.bench_function("no recorder/ours: count_grpc", |b| {
        b.iter(|| {
            unkey_errors::metrics::count_grpc(Some(black_box(codes::unkey::data::KEY_NOT_FOUND)), 5)
        });
    });
    static COUNT: AtomicU64 = AtomicU64::new(0);
    group.bench_function("no recorder/baseline: one atomic increment", |b| {
        b.iter(|| black_box(&COUNT).fetch_add(1, Ordering::Relaxed));
    });
    group.bench_function(
        "no recorder/baseline: metrics::counter! with a static key",
        |b| {
            b.iter(|| metrics::counter!("error_responses_total").increment(black_box(1)));
        },
    );
    group.finish();
}

criterion_group!(benches, status, counter);
criterion_main!(benches);
