//! `one-way-related`: A lists B as related, but B does not list A.

use super::{Context, Example, Findings, Rule, Severity};

/// The rule.
pub const RULE: Rule = Rule {
    id: "one-way-related",
    level: Severity::Warning,
    explanation: "An entry lists another as `related`, but the other does not list it back. \
        In a catalogue whose related errors are pairs (\"not found\" and \"already exists\" of \
        the same resource), a one-way link is a link forgotten when one of the two pages was \
        written, and a reader of the second page never learns of the first. Add the missing \
        code to the other entry's `related`, or remove the link. A catalogue whose related \
        lists are one-way on purpose (each page's own short \"see also\") allows the rule at \
        the top level. An `internal` entry may list a public one that cannot list it back, \
        which is not reported.",
    bad: Example {
        language: "yaml",
        text: "err:shop:orders:not_found:
  related:
    - err:shop:orders:already_exists
err:shop:orders:already_exists:
  status: 409
  title: Conflict
",
    },
    good: Example {
        language: "yaml",
        text: "err:shop:orders:not_found:
  related:
    - err:shop:orders:already_exists
err:shop:orders:already_exists:
  status: 409
  title: Conflict
  related:
    - err:shop:orders:not_found
",
    },
    check,
};

fn check(context: &Context<'_>, findings: &mut Findings<'_>) {
    let catalogue = context.catalogue;
    for entry in catalogue.entries() {
        for related in &entry.related {
            let Some(other) = catalogue.get(related.as_str()) else {
                continue;
            };
            let cannot_link_back = entry.internal && !other.internal;
            if cannot_link_back || other.related.contains(&entry.code) {
                continue;
            }
            findings.report(
                entry,
                format!(
                    "lists `{}` as related, but that entry (line {}) does not list `{}`; add \
                     it to that entry's `related`, or remove the link",
                    other.code, other.line, entry.code
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::fixture::{catalogue, findings};

    #[test]
    fn a_link_not_returned_is_reported_on_the_entry_that_makes_it() {
        let catalogue = catalogue(
            "",
            &[
                (
                    "err:a:b:one",
                    "related:\n  - err:a:b:two\n  - err:a:b:three",
                ),
                ("err:a:b:two", "related:\n  - err:a:b:one"),
                ("err:a:b:three", ""),
            ],
        );
        let found = findings(&RULE, &catalogue);
        assert_eq!(
            found,
            [(
                "err:a:b:one".to_owned(),
                "lists `err:a:b:three` as related, but that entry (line 24) does not list \
                 `err:a:b:one`; add it to that entry's `related`, or remove the link"
                    .to_owned()
            )]
        );
    }

    #[test]
    fn pairs_and_internal_links_to_public_pages_pass() {
        let catalogue = catalogue(
            "",
            &[
                ("err:a:b:one", "related:\n  - err:a:b:two"),
                ("err:a:b:two", "related:\n  - err:a:b:one"),
                (
                    "err:a:b:hidden",
                    "internal: true\nrelated:\n  - err:a:b:one",
                ),
            ],
        );
        assert_eq!(findings(&RULE, &catalogue), []);
    }

    #[test]
    fn the_top_level_allow_turns_the_rule_off() {
        let entries = [
            ("err:a:b:one", "related:\n  - err:a:b:two"),
            ("err:a:b:two", ""),
        ];
        assert_eq!(findings(&RULE, &catalogue("", &entries)).len(), 1);
        let one_way = "lint:\n  allow:\n    one-way-related: Our see-also lists are one-way.\n";
        assert_eq!(findings(&RULE, &catalogue(one_way, &entries)), []);
    }
}
