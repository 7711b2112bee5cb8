//! The parsed YAML tree to a validated [`Catalogue`], reporting every problem found.
//!
//! One module per part of the file: `top` (the top-level keys and the assembled catalogue),
//! `entry` (each entry's fields), `gateway` (surfaces and the gateway's facts), `grpc` (an
//! entry's gRPC status and the catalogue's error domain), `related`,
//! `names` (generated Rust names), `navigation` (`docs_navigation`), `lint` (the `lint`
//! mappings) and `keys` (what every mapping shares: repeated and unknown keys).

use std::collections::HashMap;

use crate::diagnostic::{Position, Report};
use crate::model::{
    Catalogue, DocsNavigation, Entry, GatewayFacts, NavigationSystem, Surface, Urn, title_case,
};
use crate::outline::{Outline, Place};
use crate::suggest::{closest, did_you_mean};
use crate::yaml::Node;

/// The most entries a catalogue may hold. Past it the generated enum would no longer fit a
/// `u16` and users' builds would slow to a crawl; split such a catalogue by system instead.
pub const MAX_ENTRIES: usize = 65_535;

/// Every top-level key a catalogue may have.
pub const TOP_LEVEL_KEYS: [&str; 7] = [
    "docs_base_url",
    "domain",
    "docs_navigation",
    "exhaustive",
    "framework",
    "errors",
    "lint",
];

/// Every key of the top-level `framework` mapping: the conditions, as [`Condition::key`]
/// names them.
///
/// [`Condition::key`]: crate::Condition::key
pub const FRAMEWORK_KEYS: [&str; 8] = [
    "panic",
    "route_not_found",
    "method_not_allowed",
    "invalid_body",
    "body_too_large",
    "unreadable_body",
    "timeout",
    "client_closed",
];

/// Every key of the top-level `docs_navigation` mapping.
pub const DOCS_NAVIGATION_KEYS: [&str; 4] = ["group", "icon", "expanded", "systems"];

/// Every key of an item of `docs_navigation.systems`.
pub const DOCS_NAVIGATION_SYSTEM_KEYS: [&str; 2] = ["system", "group"];

/// The keys every item of `docs_navigation.systems` must have.
pub const REQUIRED_DOCS_NAVIGATION_SYSTEM_KEYS: [&str; 1] = ["system"];

/// The top-level keys every catalogue must have.
pub const REQUIRED_TOP_LEVEL_KEYS: [&str; 2] = ["docs_base_url", "errors"];

/// The fields every entry must have.
pub const REQUIRED_ENTRY_FIELDS: [&str; 4] = ["status", "title", "description", "detail"];

/// The docs page's sections: required of every entry but an `internal: true` one.
pub const PAGE_SECTIONS: [&str; 3] = ["what_happened", "how_to_fix", "common_mistakes"];

/// Every field of an entry's `gateway` mapping.
pub const GATEWAY_FIELDS: [&str; 4] = ["status", "title", "message", "message_from_error"];

/// Every field an entry may have.
pub const ENTRY_FIELDS: [&str; 16] = [
    "status",
    "title",
    "description",
    "detail",
    "errors_array",
    "internal",
    "deprecated",
    "surfaces",
    "gateway",
    "grpc",
    "related",
    "what_happened",
    "how_to_fix",
    "common_mistakes",
    "lint",
    // Accepted for readers of the YAML: an entry may restate its own code, which must agree.
    "code",
];

/// Parts that cannot name a generated module, even as raw identifiers.
const RESERVED_PARTS: [&str; 3] = ["self", "super", "crate"];

mod entry;
mod framework;
mod gateway;
mod grpc;
mod keys;
mod lint;
mod names;
mod navigation;
mod related;
mod top;

use entry::*;
use framework::*;
use gateway::*;
use grpc::*;
use keys::*;
pub use lint::{ENTRY_LINT_KEYS, LINT_KEYS, LINT_RULES};
use lint::{entry_lint, lint_settings};
use names::*;
use navigation::*;
use related::*;
pub(crate) use top::validate;
