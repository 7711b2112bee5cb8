//! Unkey's catalogue, compiled into this macro crate so every derive can check its codes.
//!
//! The file is embedded with `include_str!`, so a change to it rebuilds this crate and, through
//! it, every crate that derives `UnkeyError`. It is parsed once per compiler process: the text
//! cannot change while the process lives, so the cache is always fresh.

use std::sync::OnceLock;

use unkey_errors_catalogue::{Catalogue, Diagnostics};

const TEXT: &str = include_str!("../../errors.yaml");

pub(crate) fn get() -> &'static Result<Catalogue, Diagnostics> {
    static PARSED: OnceLock<Result<Catalogue, Diagnostics>> = OnceLock::new();
    PARSED.get_or_init(|| unkey_errors_catalogue::parse(TEXT.as_bytes(), "errors.yaml"))
}
