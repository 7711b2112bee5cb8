//! The `unkey-errors` command line: a catalogue rendered to Mintlify pages and checked against
//! the committed tree, compared between releases, exported to other languages and explained in
//! the terminal.
//!
//! The binary is the product; this library exists so the binary and its tests share one build.
//! It is not public API: every module is hidden from the docs and may change in any release.
//! Install the command with `cargo install unkey-errors-cli`:
//!
//! ```text
//! unkey-errors docs [--out docs] [--dry-run]   # write docs/errors/** from errors.yaml
//! unkey-errors check [--out docs]               # exit 1 showing every missing or stale page
//! unkey-errors diff OLD.yaml NEW.yaml [--json] [--allow-breaking]
//! unkey-errors explain err:unkey:authorization:forbidden
//! unkey-errors list [--json]
//! unkey-errors schema [--out FILE [--check]]   # JSON Schema of the format, for editors
//! unkey-errors openapi [--out FILE [--check]]  # OpenAPI 3.1 error responses
//! unkey-errors gen --lang typescript|go [--package codes] [--out FILE [--check]]
//! unkey-errors lint [--sources DIR]... [--json] [--deny warnings]
//! unkey-errors import DIR [--out FILE] [--report FILE]  # pages back into a catalogue
//! ```

#![warn(missing_docs)]

/// The catalogue file the command line reads unless `--catalogue` names another.
#[doc(hidden)]
pub const DEFAULT_CATALOGUE: &str = "errors.yaml";

#[doc(hidden)]
pub mod diff;
#[doc(hidden)]
pub mod explain;
#[doc(hidden)]
pub mod export;
pub mod import;
#[doc(hidden)]
pub mod lint;
mod markdown;
#[doc(hidden)]
pub mod render;
#[doc(hidden)]
pub mod tree;
