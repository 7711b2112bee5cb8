//! `duplicate-prose`: two entries with the same description or the same section text.

use std::collections::HashMap;

use super::{Context, Example, Findings, Rule, Severity};

/// The rule.
pub const RULE: Rule = Rule {
    id: "duplicate-prose",
    level: Severity::Warning,
    explanation: "Two entries with the same `description`, or the same text in a section \
        (`what_happened`, `how_to_fix`, `common_mistakes`), compared after collapsing \
        whitespace. Prose copied from one entry to the next is usually right for the first \
        and wrong, or at best vague, for the second: two codes exist because two different \
        things went wrong. The later entry is reported, naming the earlier one; write what is \
        particular to its error.",
    bad: Example {
        language: "yaml",
        text: "err:shop:orders:not_found:
  description: The requested resource does not exist.
err:shop:customers:not_found:
  description: The requested resource does not exist.
",
    },
    good: Example {
        language: "yaml",
        text: "err:shop:orders:not_found:
  description: No order of this shop has the requested id.
err:shop:customers:not_found:
  description: No customer of this shop has the requested id.
",
    },
    check,
};

fn check(context: &Context<'_>, findings: &mut Findings<'_>) {
    // Each text, whitespace collapsed, to the first entry and field that has it.
    let mut first: HashMap<String, (usize, &'static str)> = HashMap::new();
    for (index, entry) in context.catalogue.entries().iter().enumerate() {
        let fields = [
            ("description", &entry.description),
            ("what_happened", &entry.what_happened),
            ("how_to_fix", &entry.how_to_fix),
            ("common_mistakes", &entry.common_mistakes),
        ];
        for (field, text) in fields {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if text.is_empty() {
                continue;
            }
            match first.get(&text) {
                Some(&(earlier, earlier_field)) if earlier != index => {
                    let earlier = &context.catalogue.entries()[earlier];
                    findings.report(
                        entry,
                        format!(
                            "`{field}` has the same text as `{earlier_field}` of `{}` (line {}); \
                             write what is particular to this error",
                            earlier.code, earlier.line
                        ),
                    );
                }
                Some(_) => {}
                None => {
                    first.insert(text, (index, field));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::fixture::{catalogue, findings};

    #[test]
    fn a_description_or_section_seen_before_is_reported_on_the_later_entry() {
        let text = "The resource does not exist in this workspace at all.";
        let catalogue = catalogue(
            "",
            &[
                ("err:a:b:one", &format!("description: {text}")),
                ("err:a:b:two", &format!("description: {text}")),
                (
                    "err:a:b:three",
                    "how_to_fix: |\n  The resource does not exist\n  in this workspace at all.",
                ),
            ],
        );
        assert_eq!(
            findings(&RULE, &catalogue),
            [
                (
                    "err:a:b:two".to_owned(),
                    "`description` has the same text as `description` of `err:a:b:one` \
                     (line 3); write what is particular to this error"
                        .to_owned()
                ),
                (
                    "err:a:b:three".to_owned(),
                    "`how_to_fix` has the same text as `description` of `err:a:b:one` \
                     (line 3); write what is particular to this error"
                        .to_owned()
                ),
            ]
        );
    }

    #[test]
    fn distinct_prose_passes() {
        let catalogue = catalogue(
            "",
            &[
                ("err:a:b:one", "description: No order has the requested id."),
                (
                    "err:a:b:two",
                    "description: No customer has the requested id.",
                ),
            ],
        );
        assert_eq!(findings(&RULE, &catalogue), []);
    }
}
