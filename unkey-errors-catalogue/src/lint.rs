//! What `unkey-errors lint` reads from a catalogue: the rules allowed, each with its reason, and
//! the rules' settings (the top-level `lint` mapping).
//!
//! The rules themselves live in the command line; the catalogue only knows their ids
//! ([`LINT_RULES`](crate::LINT_RULES)), so that an allow naming a rule that does not exist is a
//! located error like any other.

use std::collections::BTreeMap;

/// Lint rules allowed in one place, an entry or the whole catalogue, each with the reason the
/// catalogue gives for it (`lint: { allow: { status-name-mismatch: "…" } }`).
///
/// Every reason is a non-empty line: validation rejects an allow without one, since the reason
/// is what tells the next reader that the difference is deliberate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Allows {
    reasons: BTreeMap<String, String>,
}

impl Allows {
    /// The reason given for allowing `rule` (a rule id such as `stub-section`), if it is allowed.
    pub fn reason(&self, rule: &str) -> Option<&str> {
        self.reasons.get(rule).map(String::as_str)
    }

    /// Every allowed rule with its reason, by rule id.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.reasons
            .iter()
            .map(|(rule, reason)| (rule.as_str(), reason.as_str()))
    }

    /// Whether no rule is allowed.
    pub fn is_empty(&self) -> bool {
        self.reasons.is_empty()
    }

    pub(crate) fn insert(&mut self, rule: String, reason: String) {
        self.reasons.insert(rule, reason);
    }
}

/// The top-level `lint` mapping: rules allowed for the whole catalogue and the rules' settings,
/// with every default filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct LintSettings {
    /// Rules allowed for every entry, each with its reason (`lint.allow`).
    pub allow: Allows,
    /// A page section with fewer characters than this, after trimming, is a stub
    /// (`lint.min_section_chars`, rule `stub-section`); 0 turns the length check off.
    pub min_section_chars: usize,
    /// Additions to and overrides of the table of names that imply a status
    /// (`lint.status_names`, rule `status-name-mismatch`): a `_`-separated run of words, e.g.
    /// `not_found`, to the statuses a code whose name holds it may have. An empty list takes a
    /// built-in name out of the table.
    pub status_names: BTreeMap<String, Vec<u16>>,
    /// Words with capitals inside that are names, not code identifiers, e.g. `OpenAPI`
    /// (`lint.proper_names`, rule `identifier-in-prose`).
    pub proper_names: Vec<String>,
}

impl LintSettings {
    /// The section length under which a section is a stub, unless the catalogue sets another.
    pub const DEFAULT_MIN_SECTION_CHARS: usize = 40;
}

impl Default for LintSettings {
    fn default() -> Self {
        LintSettings {
            allow: Allows::default(),
            min_section_chars: Self::DEFAULT_MIN_SECTION_CHARS,
            status_names: BTreeMap::new(),
            proper_names: Vec::new(),
        }
    }
}
