//! `stub-section`: a docs page section that says nothing.

use super::{Context, Example, Findings, Rule, Severity};

/// The rule.
pub const RULE: Rule = Rule {
    id: "stub-section",
    level: Severity::Error,
    explanation: "A section of a docs page (`what_happened`, `how_to_fix`, `common_mistakes`) \
        that says nothing: empty after trimming, a placeholder (`TODO`, `TBD`, `TBA`, `FIXME`, \
        `XXX`, lorem ipsum, \"coming soon\"), or shorter than `lint.min_section_chars` \
        characters (40 unless the catalogue sets another; 0 turns the length check off). A \
        reader who lands on the page from an error response learns nothing from it, yet the \
        page looks complete to every check that only asks whether the field is there. Write \
        what the section is for. An `internal` entry's sections may be empty, since it has no \
        page; a section it does write is checked.",
    bad: Example {
        language: "yaml",
        text: "err:shop:orders:not_found:
  status: 404
  title: Not Found
  how_to_fix: TODO
",
    },
    good: Example {
        language: "yaml",
        text: "err:shop:orders:not_found:
  status: 404
  title: Not Found
  how_to_fix: |
    1. List the shop's orders and check that the id is one of them.
    2. Ids are only valid in the shop that issued them.
",
    },
    check,
};

/// Words that stand in for text not written yet, compared case-insensitively with whole words.
const PLACEHOLDER_WORDS: [&str; 6] = ["todo", "tbd", "tba", "fixme", "xxx", "lorem"];

/// Phrases that stand in for text not written yet, compared case-insensitively.
const PLACEHOLDER_PHRASES: [&str; 2] = ["coming soon", "to be written"];

fn check(context: &Context<'_>, findings: &mut Findings<'_>) {
    let min_chars = context.catalogue.lint_settings().min_section_chars;
    for entry in context.catalogue.entries() {
        let sections = [
            (
                "what_happened",
                &entry.what_happened,
                "say what triggers the error",
            ),
            (
                "how_to_fix",
                &entry.how_to_fix,
                "write the steps that fix it",
            ),
            (
                "common_mistakes",
                &entry.common_mistakes,
                "list the mistakes that lead to it",
            ),
        ];
        for (name, text, purpose) in sections {
            let text = text.trim();
            let message = if text.is_empty() {
                if entry.internal {
                    continue;
                }
                format!("`{name}` is empty; {purpose}")
            } else if let Some(placeholder) = placeholder(text) {
                format!("`{name}` holds the placeholder `{placeholder}`; {purpose}")
            } else if text.chars().count() < min_chars {
                format!(
                    "`{name}` has {} characters, fewer than the {min_chars} of \
                     `lint.min_section_chars`; {purpose}",
                    text.chars().count()
                )
            } else {
                continue;
            };
            findings.report(entry, message);
        }
    }
}

/// The first placeholder in `text`, as written there.
fn placeholder(text: &str) -> Option<&str> {
    // Words split at anything but letters, digits, `_` and `-`: an id such as `key_xxx` is
    // one word, not a placeholder.
    let word = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .find(|word| PLACEHOLDER_WORDS.contains(&word.to_lowercase().as_str()));
    if word.is_some() {
        return word;
    }
    let lower = text.to_lowercase();
    PLACEHOLDER_PHRASES.iter().find_map(|phrase| {
        // Lowercasing can change byte offsets; the phrase as found is enough for the message.
        lower.contains(phrase).then_some(*phrase)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::fixture::{catalogue, findings};

    #[test]
    fn placeholders_empty_and_short_sections_are_stubs() {
        let catalogue = catalogue(
            "",
            &[
                ("err:a:b:todo", "how_to_fix: \"TODO: write the steps\""),
                ("err:a:b:tbd", "what_happened: This page is tbd."),
                (
                    "err:a:b:soon",
                    "common_mistakes: Coming soon, once we know them all.",
                ),
                ("err:a:b:short", "how_to_fix: Retry."),
                (
                    "err:a:b:internal",
                    "internal: true\nhow_to_fix:\nwhat_happened: FIXME",
                ),
            ],
        );
        assert_eq!(
            findings(&RULE, &catalogue),
            [
                (
                    "err:a:b:todo".to_owned(),
                    "`how_to_fix` holds the placeholder `TODO`; write the steps that fix it"
                        .to_owned()
                ),
                (
                    "err:a:b:tbd".to_owned(),
                    "`what_happened` holds the placeholder `tbd`; say what triggers the error"
                        .to_owned()
                ),
                (
                    "err:a:b:soon".to_owned(),
                    "`common_mistakes` holds the placeholder `coming soon`; list the mistakes \
                     that lead to it"
                        .to_owned()
                ),
                (
                    "err:a:b:short".to_owned(),
                    "`how_to_fix` has 6 characters, fewer than the 40 of \
                     `lint.min_section_chars`; write the steps that fix it"
                        .to_owned()
                ),
                (
                    "err:a:b:internal".to_owned(),
                    "`what_happened` holds the placeholder `FIXME`; say what triggers the error"
                        .to_owned()
                ),
            ]
        );
    }

    #[test]
    fn written_sections_and_ids_that_look_like_placeholders_are_not() {
        let catalogue = catalogue(
            "",
            &[
                (
                    "err:a:b:written",
                    "how_to_fix: \"Send the key as `Authorization: Bearer key_xxx`, with its prefix.\"",
                ),
                (
                    "err:a:b:internal",
                    "internal: true\nwhat_happened:\nhow_to_fix:\ncommon_mistakes:",
                ),
            ],
        );
        assert_eq!(findings(&RULE, &catalogue), []);
    }

    #[test]
    fn the_catalogue_sets_the_length_threshold() {
        let entries = [("err:a:b:short", "how_to_fix: Retry later.")];
        let strict = catalogue("", &entries);
        assert_eq!(findings(&RULE, &strict).len(), 1);
        let lenient = catalogue("lint:\n  min_section_chars: 5\n", &entries);
        assert_eq!(findings(&RULE, &lenient), []);
        let off = catalogue(
            "lint:\n  min_section_chars: 0\n",
            &[("err:a:b:c", "how_to_fix: x")],
        );
        assert_eq!(findings(&RULE, &off), []);
    }
}
