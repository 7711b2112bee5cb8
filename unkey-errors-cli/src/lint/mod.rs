//! `unkey-errors lint`: what validation cannot see, as a list of rules.
//!
//! Validation rejects a catalogue that is malformed; the drift this project exists to end is
//! mostly well formed: a page that says nothing, a description that names a type instead of
//! the error, a code whose name says 503 while the API sends 500. Each rule here, like a clippy
//! lint, has a stable id, a level, a one-paragraph explanation with a bad and a good example
//! (`docs/catalogue.md` holds the same text, and a test keeps the two equal), and a check.
//!
//! An entry allows a rule with `lint: { allow: { <rule-id>: "<reason>" } }`, the top level's
//! `lint.allow` allows it for every entry; the catalogue crate validates both, so a rule id
//! that does not exist is an error before any rule runs.

use unkey_errors_catalogue::{Catalogue, Entry};

pub mod finding;
pub mod sources;

mod duplicate_prose;
mod identifier_in_prose;
mod one_way_related;
mod rust_tokens;
mod status_name_mismatch;
mod stub_section;
mod title_not_reason_phrase;
mod unused_code;

pub use finding::{Finding, Outcome, Severity};
pub use sources::Uses;

/// One lint rule: what it is called, how bad its findings are, what it means, and its check.
pub struct Rule {
    /// The rule's stable id, e.g. `stub-section`: what findings, allows and the docs name.
    pub id: &'static str,
    /// The severity of its findings.
    pub level: Severity,
    /// One paragraph: what the rule finds, why it matters, and how to fix a finding.
    pub explanation: &'static str,
    /// A catalogue excerpt (or a source file) the rule reports.
    pub bad: Example,
    /// The same excerpt, fixed: the rule does not report it.
    pub good: Example,
    /// Reports the rule's findings in `context` to `findings`.
    check: fn(&Context<'_>, &mut Findings<'_>),
}

/// A code block of a rule's docs.
pub struct Example {
    /// The block's language: `yaml` for entries of `errors:` (indented as under it), `rust`
    /// for a source file.
    pub language: &'static str,
    /// The block's text, ending with a line break.
    pub text: &'static str,
}

impl Rule {
    /// The rule's section of `docs/catalogue.md`: a heading with its id, its level, the
    /// explanation and both examples.
    pub fn markdown(&self) -> String {
        format!(
            "### `{}`\n\nLevel: {}.\n\n{}\n\nBad:\n\n```{}\n{}```\n\nGood:\n\n```{}\n{}```\n",
            self.id,
            self.level,
            self.explanation,
            self.bad.language,
            self.bad.text,
            self.good.language,
            self.good.text,
        )
    }

    /// Runs this rule alone on `context`: its findings, and how many of them the catalogue
    /// allows.
    pub fn run(&'static self, context: &Context<'_>) -> Outcome {
        let mut findings = Findings {
            rule: self,
            catalogue: context.catalogue,
            outcome: Outcome::default(),
        };
        (self.check)(context, &mut findings);
        findings.outcome
    }
}

/// Every rule, in the order the docs list them.
pub const RULES: [&Rule; 7] = [
    &stub_section::RULE,
    &identifier_in_prose::RULE,
    &title_not_reason_phrase::RULE,
    &status_name_mismatch::RULE,
    &unused_code::RULE,
    &one_way_related::RULE,
    &duplicate_prose::RULE,
];

/// What the rules look at.
pub struct Context<'a> {
    /// The validated catalogue.
    pub catalogue: &'a Catalogue,
    /// The catalogue's text, for what the model does not hold yet (see `unused_code`).
    pub text: &'a str,
    /// The codes the sources use, when `--sources` was given; `unused-code` runs only then.
    pub sources: Option<&'a Uses>,
}

/// Runs every rule on `context`: the findings in file order, and how many were allowed.
pub fn lint(context: &Context<'_>) -> Outcome {
    let mut outcome = Outcome::default();
    for rule in RULES {
        let found = rule.run(context);
        outcome.findings.extend(found.findings);
        outcome.allowed += found.allowed;
    }
    let rank = |id: &str| RULES.iter().position(|rule| rule.id == id);
    outcome
        .findings
        .sort_by_key(|finding| (finding.line, rank(finding.rule)));
    outcome
}

/// Collects one rule's findings, leaving out those its entry or the catalogue allows.
pub struct Findings<'a> {
    rule: &'static Rule,
    catalogue: &'a Catalogue,
    outcome: Outcome,
}

impl Findings<'_> {
    /// Reports `message` (what is wrong and how to fix it) about `entry`, unless the entry or
    /// the whole catalogue allows the rule.
    fn report(&mut self, entry: &Entry, message: String) {
        let id = self.rule.id;
        let allowed = entry.lint_allows().reason(id).is_some()
            || self.catalogue.lint_settings().allow.reason(id).is_some();
        if allowed {
            self.outcome.allowed += 1;
            return;
        }
        self.outcome.findings.push(Finding {
            rule: id,
            code: entry.code.as_str().to_owned(),
            line: entry.line,
            severity: self.rule.level,
            message,
        });
    }
}

/// Test support: catalogues built from a few fields, and the rules run on them.
#[cfg(test)]
pub(crate) mod fixture {
    use super::*;

    /// A catalogue of `entries`, each `(code, fields)`: the fields given (as YAML lines,
    /// unindented) and every other required field with a neutral value of its own, so that
    /// only what a test writes can trigger a rule. `top` goes above `errors:`.
    pub(crate) fn catalogue(top: &str, entries: &[(&str, &str)]) -> Catalogue {
        let mut yaml = format!("docs_base_url: https://example.com/docs/errors\n{top}errors:\n");
        for (index, (code, fields)) in entries.iter().enumerate() {
            yaml.push_str(&format!("  {code}:\n"));
            let given: Vec<&str> = fields
                .lines()
                .filter(|line| !line.starts_with(' '))
                .filter_map(|line| line.split(':').next())
                .collect();
            let defaults = [
                ("status", "400".to_owned()),
                ("title", "Bad Request".to_owned()),
                (
                    "description",
                    format!("Example error number {index} of this catalogue."),
                ),
                ("detail", format!("Example detail number {index}")),
                (
                    "what_happened",
                    format!("Example error number {index} happens when its request is wrong."),
                ),
                (
                    "how_to_fix",
                    format!("Fix the request of example error number {index} and send it again."),
                ),
                (
                    "common_mistakes",
                    format!(
                        "\"- **Mistake {index}**: a mistake that leads to example error {index}.\""
                    ),
                ),
            ];
            for (name, value) in defaults {
                if !given.contains(&name) {
                    yaml.push_str(&format!("    {name}: {value}\n"));
                }
            }
            for line in fields.lines() {
                yaml.push_str(&format!("    {line}\n"));
            }
        }
        unkey_errors_catalogue::parse(yaml.as_bytes(), "errors.yaml")
            .unwrap_or_else(|problems| panic!("{problems}\n{yaml}"))
    }

    /// The findings of `rule` alone on `catalogue`, as `(code, message)`.
    pub(crate) fn findings(rule: &'static Rule, catalogue: &Catalogue) -> Vec<(String, String)> {
        let context = Context {
            catalogue,
            text: "",
            sources: None,
        };
        rule.run(&context)
            .findings
            .into_iter()
            .map(|finding| (finding.code, finding.message))
            .collect()
    }
}
