//! Time inside the `catalogue!` macro: loading and validating a catalogue, then generating its
//! source text, for Unkey's catalogue and synthetic ones of 100, 1,000 and 10,000 codes.
//!
//! `cargo bench -p unkey-errors-bench --bench macro` (optimized, as with
//! `[profile.dev.build-override] opt-level = 3`), and `… --profile dev` for the dev profile
//! a proc macro runs in by default. Results: BENCHMARKS.md.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use unkey_errors_bench::synthetic;

fn expand(c: &mut Criterion) {
    let unkey =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../errors.yaml")).unwrap();
    let mut inputs = vec![("unkey (89)".to_owned(), unkey)];
    for n in [100, 1_000, 10_000] {
        inputs.push((
            format!("synthetic ({n})"),
            synthetic::catalogue(n).into_bytes(),
        ));
    }
    let mut group = c.benchmark_group("catalogue! expansion");
    group.sample_size(10);
    for (name, bytes) in &inputs {
        group.bench_function(format!("{name}/load and validate"), |b| {
            b.iter(|| unkey_errors_catalogue::parse(black_box(bytes), "errors.yaml").unwrap())
        });
        let catalogue = unkey_errors_catalogue::parse(bytes, "errors.yaml").unwrap();
        // The macro's output is source text; rustc lexes it (as it lexes hand-written code).
        group.bench_function(format!("{name}/generate source"), |b| {
            b.iter(|| {
                unkey_errors_codegen::generate_source(
                    black_box(&catalogue),
                    Path::new("/errors.yaml"),
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, expand);
criterion_main!(benches);
