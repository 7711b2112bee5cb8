//! Runtime cost of the generated code against hand-written baselines, measured in one run.
//!
//! `cargo bench -p unkey-errors-bench --bench runtime`. Results: BENCHMARKS.md.

use std::collections::HashMap;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use serde::Serialize;
use unkey_errors::{Code, ErrorResponse, codes};

include!(concat!(env!("OUT_DIR"), "/generated.rs"));

/// Cycles through `items`, one per call, so no call can be folded into a constant.
struct Cycle<'a, T> {
    items: &'a [T],
    at: usize,
}

impl<'a, T> Cycle<'a, T> {
    fn new(items: &'a [T]) -> Self {
        Cycle { items, at: 0 }
    }

    #[inline(always)]
    fn next(&mut self) -> &'a T {
        self.at += 1;
        if self.at == self.items.len() {
            self.at = 0;
        }
        &self.items[self.at]
    }
}

fn accessors(c: &mut Criterion) {
    let mut group = c.benchmark_group("accessors (89 codes)");
    let ours = Code::ALL;
    let naive = unkey_naive::NaiveCode::ALL;
    macro_rules! pair {
        ($name:literal, $ours:expr, $naive:expr) => {
            group.bench_function(concat!($name, "/ours: table"), |b| {
                let mut codes = Cycle::new(ours);
                b.iter(|| $ours(black_box(*codes.next())))
            });
            group.bench_function(concat!($name, "/baseline: match"), |b| {
                let mut codes = Cycle::new(naive);
                b.iter(|| $naive(black_box(*codes.next())))
            });
        };
    }
    pair!("status", Code::status, unkey_naive::NaiveCode::status);
    pair!("title", Code::title, unkey_naive::NaiveCode::title);
    pair!("as_str", Code::as_str, unkey_naive::NaiveCode::as_str);
    group.finish();
}

/// `urns` in a fixed pseudo-random order, each copied into its own allocation in that order:
/// lookups land anywhere in the tables, as real requests do, while the inputs themselves are
/// read in the order they sit in memory, as a request's freshly parsed body would be.
fn shuffled(urns: impl Iterator<Item = &'static str>) -> Vec<String> {
    let mut urns: Vec<&str> = urns.collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in (1..urns.len()).rev() {
        // xorshift64: any fixed permutation will do, as long as it is the same every run.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        urns.swap(i, (state % (i as u64 + 1)) as usize);
    }
    urns.into_iter().map(str::to_owned).collect()
}

fn parse(c: &mut Criterion) {
    let small = shuffled(Code::ALL.iter().map(|c| c.as_str()));
    let large = shuffled(large::Code::ALL.iter().map(|c| c.as_str()));
    let large_size = large::Code::ALL.len().to_string();
    for (size, urns) in [("89", &small), (large_size.as_str(), &large)] {
        let mut group = c.benchmark_group(format!("parse ({size} codes)"));
        let misses: Vec<String> = urns
            .iter()
            .map(|u| format!("{}x", &u[..u.len() - 1]))
            .collect();
        let map: HashMap<&str, usize> = urns
            .iter()
            .enumerate()
            .map(|(i, u)| (u.as_str(), i))
            .collect();
        for (kind, inputs) in [("hit", urns), ("miss", &misses)] {
            if size == "89" {
                group.bench_function(format!("{kind}/ours: hash table"), |b| {
                    let mut inputs = Cycle::new(inputs);
                    b.iter(|| black_box(inputs.next()).parse::<Code>().is_ok())
                });
                group.bench_function(format!("{kind}/baseline: match"), |b| {
                    let mut inputs = Cycle::new(inputs);
                    b.iter(|| unkey_naive::NaiveCode::parse(black_box(inputs.next())).is_some())
                });
            } else {
                group.bench_function(format!("{kind}/ours: hash table"), |b| {
                    let mut inputs = Cycle::new(inputs);
                    b.iter(|| black_box(inputs.next()).parse::<large::Code>().is_ok())
                });
                group.bench_function(format!("{kind}/baseline: match"), |b| {
                    let mut inputs = Cycle::new(inputs);
                    b.iter(|| large_naive::NaiveCode::parse(black_box(inputs.next())).is_some())
                });
            }
            group.bench_function(format!("{kind}/baseline: HashMap"), |b| {
                let mut inputs = Cycle::new(inputs);
                b.iter(|| map.get(black_box(inputs.next().as_str())).copied())
            });
        }
        group.finish();
    }
}

/// The envelope as a person would write it with serde, for comparison.
#[derive(Serialize)]
struct HandResponse<'a> {
    meta: HandMeta<'a>,
    error: HandError<'a>,
}

#[derive(Serialize)]
struct HandMeta<'a> {
    #[serde(rename = "requestId")]
    request_id: &'a str,
}

#[derive(Serialize)]
struct HandError<'a> {
    detail: &'a str,
    status: u16,
    title: &'a str,
    #[serde(rename = "type")]
    type_url: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<Vec<()>>,
}

fn serialize(c: &mut Criterion) {
    let mut group = c.benchmark_group("serialize envelope");
    let code = codes::unkey::authorization::FORBIDDEN;
    let ours = ErrorResponse::new(code, "req_2c9a0jf23l4k567", "This operation is not allowed");
    let hand = HandResponse {
        meta: HandMeta {
            request_id: "req_2c9a0jf23l4k567",
        },
        error: HandError {
            detail: "This operation is not allowed",
            status: 403,
            title: "Forbidden",
            type_url: "https://unkey.com/docs/errors/unkey/authorization/forbidden",
            errors: None,
        },
    };
    assert_eq!(
        serde_json::to_string(&ours).unwrap(),
        serde_json::to_string(&hand).unwrap()
    );
    let mut buffer = Vec::with_capacity(512);
    group.bench_function("ours: ErrorResponse", |b| {
        b.iter(|| {
            buffer.clear();
            serde_json::to_writer(&mut buffer, black_box(&ours)).unwrap();
        })
    });
    group.bench_function("baseline: derived struct", |b| {
        b.iter(|| {
            buffer.clear();
            serde_json::to_writer(&mut buffer, black_box(&hand)).unwrap();
        })
    });
    group.bench_function("ours: build and serialize", |b| {
        b.iter(|| {
            buffer.clear();
            let response = ErrorResponse::new(
                black_box(code),
                "req_2c9a0jf23l4k567",
                "This operation is not allowed",
            );
            serde_json::to_writer(&mut buffer, &response).unwrap();
        })
    });
    group.finish();
}

criterion_group!(benches, accessors, parse, serialize);
criterion_main!(benches);
