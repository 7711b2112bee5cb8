//! Docs that cannot drift: an unkey-errors catalogue rendered to Mintlify pages, checked
//! against the committed tree, and explained in the terminal.
//!
//! The `unkey-errors` binary of this crate is the command line:
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
//! ```

#![warn(missing_docs)]

pub mod diff;
pub mod explain;
pub mod export;
pub mod render;
pub mod tree;
