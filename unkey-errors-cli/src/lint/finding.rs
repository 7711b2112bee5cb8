//! A rule's finding, and the findings of a run as text for a terminal or as JSON.

use std::fmt;

use serde_json::{Value, json};

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Something is wrong: `lint` exits 1.
    Error,
    /// Probably wrong, or against a convention some catalogues keep: `lint` exits 1 only with
    /// `--deny warnings`.
    Warning,
}

impl Severity {
    /// The severity's name in reports and JSON: `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// One thing a rule found about one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule's id, e.g. `stub-section`.
    pub rule: &'static str,
    /// The entry's code.
    pub code: String,
    /// The line of the catalogue where the entry's code stands, from 1.
    pub line: usize,
    /// The rule's level.
    pub severity: Severity,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl Finding {
    /// The finding as JSON: exactly `rule`, `code`, `line`, `severity` and `message`.
    pub fn to_json(&self) -> Value {
        json!({
            "rule": self.rule,
            "code": self.code,
            "line": self.line,
            "severity": self.severity.as_str(),
            "message": self.message,
        })
    }

    /// The finding as one line of text, starting with where it is, as compilers print:
    /// `errors.yaml:12: error[stub-section] err:…: message`.
    pub fn to_line(&self, path: &str) -> String {
        format!(
            "{path}:{}: {}[{}] {}: {}",
            self.line, self.severity, self.rule, self.code, self.message
        )
    }
}

/// What a run of the rules found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The findings, in file order.
    pub findings: Vec<Finding>,
    /// How many findings the catalogue allows (an entry's or the top level's `lint.allow`),
    /// left out of `findings`.
    pub allowed: usize,
}

impl Outcome {
    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|finding| finding.severity == severity)
            .count()
    }

    /// Whether the run fails: an error was found, or a warning while warnings are denied.
    pub fn fails(&self, deny_warnings: bool) -> bool {
        self.count(Severity::Error) > 0 || (deny_warnings && self.count(Severity::Warning) > 0)
    }

    /// The findings as a JSON array of [`Finding::to_json`] objects.
    pub fn to_json(&self) -> Value {
        Value::Array(self.findings.iter().map(Finding::to_json).collect())
    }

    /// The findings as text, one line each, then a summary line; `path` names the catalogue.
    pub fn to_text(&self, path: &str, entries: usize) -> String {
        let mut text: String = self
            .findings
            .iter()
            .map(|finding| finding.to_line(path) + "\n")
            .collect();
        let allowed = match self.allowed {
            0 => String::new(),
            1 => " (1 finding allowed with a reason)".to_owned(),
            n => format!(" ({n} findings allowed with a reason)"),
        };
        if self.findings.is_empty() {
            text.push_str(&format!(
                "no findings in the {entries} entries of {path}{allowed}\n"
            ));
        } else {
            let plural =
                |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
            text.push_str(&format!(
                "{} and {} in {path}{allowed}\n",
                plural(self.count(Severity::Error), "error"),
                plural(self.count(Severity::Warning), "warning"),
            ));
        }
        text
    }
}
