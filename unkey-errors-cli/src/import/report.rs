//! The import's report: every part of a page that did not land in the catalogue as written,
//! each at its `file:line` with why.

use std::fmt;

/// What happened to the part of a page a finding names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// The whole page: it is not valid MDX, or it has no code line.
    PageNotImported,
    /// A part of the page is in no field of the catalogue.
    NotImported,
    /// A part landed in a field as written, but rendered from the catalogue it will not look
    /// the same (a component or an expression in a section shows as text).
    KeptVerbatim,
    /// A fact the page does not state, so the entry leaves it out.
    LeftOut,
    /// Two parts of the page (or of two pages) state a fact differently.
    Disagrees,
}

impl Kind {
    /// How the report labels it.
    pub fn label(self) -> &'static str {
        match self {
            Kind::PageNotImported => "page not imported",
            Kind::NotImported => "not imported",
            Kind::KeptVerbatim => "kept verbatim",
            Kind::LeftOut => "left out",
            Kind::Disagrees => "disagrees",
        }
    }
}

/// One finding: where, what happened, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The page, as the report names it.
    pub path: String,
    /// The line of the page, from 1.
    pub line: usize,
    /// What happened.
    pub kind: Kind,
    /// What and why, in one line.
    pub message: String,
}

/// Every finding of one import, in page and line order once [`Report::sort`]ed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The findings.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Adds a finding.
    pub fn push(&mut self, path: &str, line: usize, kind: Kind, message: impl Into<String>) {
        self.findings.push(Finding {
            path: path.to_owned(),
            line,
            kind,
            message: message.into(),
        });
    }

    /// Orders the findings by page, then line; findings on one line keep the order they were
    /// found in, so the report is the same on every run.
    pub fn sort(&mut self) {
        self.findings
            .sort_by(|a, b| (a.path.as_str(), a.line).cmp(&(b.path.as_str(), b.line)));
    }

    /// How many findings are of `kind`.
    pub fn count(&self, kind: Kind) -> usize {
        self.findings.iter().filter(|f| f.kind == kind).count()
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.path,
            self.line,
            self.kind.label(),
            self.message
        )
    }
}

/// One finding a line.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for finding in &self.findings {
            writeln!(f, "{finding}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_page_then_line_keeping_the_order_within_a_line() {
        let mut report = Report::default();
        report.push("b.mdx", 1, Kind::LeftOut, "third");
        report.push("a.mdx", 9, Kind::NotImported, "second");
        report.push("a.mdx", 2, Kind::Disagrees, "first");
        report.push("b.mdx", 1, Kind::KeptVerbatim, "fourth");
        report.sort();
        assert_eq!(
            report.to_string(),
            "a.mdx:2: disagrees: first\na.mdx:9: not imported: second\n\
             b.mdx:1: left out: third\nb.mdx:1: kept verbatim: fourth\n"
        );
        assert_eq!(report.count(Kind::LeftOut), 1);
    }
}
