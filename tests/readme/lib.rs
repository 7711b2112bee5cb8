//! The README, as documentation: its Rust examples run as doctests with `cargo test`.
#![doc = include_str!("../../README.md")]
