//! What the tests that build scratch crates with cargo share.

use std::path::{Path, PathBuf};

/// The target directory the scratch crates build in: this workspace's own, so they reuse every
/// dependency `cargo test` has already compiled (cargo holds no lock on it while tests run, and
/// parallel scratch builds wait for each other on its lock).
pub fn target_dir() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root.join(dir),
        None => root.join("target"),
    }
}
