//! `identifier-in-prose`: a title or description that names code instead of the error.

use super::{Context, Example, Findings, Rule, Severity};

/// The rule.
pub const RULE: Rule = Rule {
    id: "identifier-in-prose",
    level: Severity::Warning,
    explanation: "A `title` or `description` (or the gateway's `title`) that names code \
        identifiers: a CamelCase word (`UsageExceeded`), a snake_case word (`key_auth_id`), or \
        a reference such as `errors.New`, `Code::Forbidden` or `parse()`. These texts reach \
        clients in responses and hover docs, where the name of a type in the service's source \
        means nothing; say what went wrong in the client's terms instead. Text in backticks \
        is a deliberate mention (a header or field the client sends) and is not checked, nor \
        are URLs and codes (`err:…`). A name with capitals inside that is not code, such as \
        `OpenAPI`, goes in the top-level `lint.proper_names` list.",
    bad: Example {
        language: "yaml",
        text: "err:shop:orders:quota_exceeded:
  status: 429
  title: Too Many Requests
  description: QuotaExceeded is returned when order_quota is used up.
",
    },
    good: Example {
        language: "yaml",
        text: "err:shop:orders:quota_exceeded:
  status: 429
  title: Too Many Requests
  description: The shop has placed as many orders as its plan allows this month.
",
    },
    check,
};

fn check(context: &Context<'_>, findings: &mut Findings<'_>) {
    let proper_names = &context.catalogue.lint_settings().proper_names;
    for entry in context.catalogue.entries() {
        let mut fields = vec![("title", entry.title.as_str())];
        fields.push(("description", entry.description.as_str()));
        if let Some(gateway) = &entry.gateway {
            if gateway.title != entry.title {
                fields.push(("gateway title", gateway.title.as_str()));
            }
        }
        for (name, text) in fields {
            let found: Vec<String> = identifiers(text)
                .into_iter()
                .filter(|word| !proper_names.iter().any(|name| name == word))
                .map(|word| format!("`{word}`"))
                .collect();
            if found.is_empty() {
                continue;
            }
            let what = if found.len() == 1 {
                "the code identifier"
            } else {
                "the code identifiers"
            };
            findings.report(
                entry,
                format!(
                    "the {name} names {what} {}; describe the error in the client's words \
                     (a name that is not code goes in `lint.proper_names`, a field or header \
                     the client sends in backticks)",
                    found.join(", ")
                ),
            );
        }
    }
}

/// The words of `text` that read as code identifiers, in order, each once.
fn identifiers(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = Vec::new();
    for (index, span) in text.split('`').enumerate() {
        // Odd spans are inside backticks.
        if index % 2 == 1 {
            continue;
        }
        for word in span.split_whitespace() {
            let word = word
                .trim_start_matches(['(', '[', '"', '\''])
                .trim_end_matches([',', '.', ';', ':', '!', '?', '"', '\'']);
            // A closing bracket ends the word, unless it closes a call: `parse()`.
            let word = if word.ends_with("()") {
                word
            } else {
                word.trim_end_matches([')', ']'])
            };
            let word = word.strip_suffix("'s").unwrap_or(word);
            if is_identifier(word) && !found.contains(&word) {
                found.push(word);
            }
        }
    }
    found
}

/// Whether one word of prose reads as code: CamelCase, snake_case, `pkg.Func`, a `::` path, or
/// a call. URLs and URN codes do not.
fn is_identifier(word: &str) -> bool {
    if word.contains("://") || word.starts_with("err:") {
        return false;
    }
    let chars: Vec<char> = word.chars().collect();
    let pairs = || chars.windows(2).map(|pair| (pair[0], pair[1]));
    let camel = pairs().any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    let snake = chars
        .windows(3)
        .any(|three| three[1] == '_' && three[0].is_alphanumeric() && three[2].is_alphanumeric());
    // `errors.New`, `http.StatusNotFound`: a dot straight before a capital, after a letter.
    let qualified = chars
        .windows(3)
        .any(|three| three[0].is_alphanumeric() && three[1] == '.' && three[2].is_uppercase());
    let path = word.contains("::");
    let call = word.ends_with("()") && word.len() > 2;
    camel || snake || qualified || path || call
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::fixture::{catalogue, findings};

    #[test]
    fn finds_each_kind_of_identifier() {
        for (text, expected) in [
            (
                "UsageExceeded represents a 429 error.",
                vec!["UsageExceeded"],
            ),
            ("The key_auth_id does not exist.", vec!["key_auth_id"]),
            ("Returned by errors.New in the handler.", vec!["errors.New"]),
            ("Maps to Code::Forbidden.", vec!["Code::Forbidden"]),
            ("Raised when parse() fails.", vec!["parse()"]),
            ("The keyId, and the keyId again.", vec!["keyId"]),
            ("(ratelimitNamespace) is gone", vec!["ratelimitNamespace"]),
        ] {
            assert_eq!(identifiers(text), expected, "{text}");
        }
    }

    #[test]
    fn plain_words_urls_codes_and_backticks_are_prose() {
        for text in [
            "The API key is not valid for this workspace.",
            "See https://example.com/docs/key_not_found, e.g. the HTTP 429 page.",
            "Use err:unkey:data:key_not_found instead.",
            "The `Authorization` header is not in the `Bearer <key_id>` format.",
            "The server's IDs are stable; try again at unkey.com.",
        ] {
            assert_eq!(identifiers(text), Vec::<&str>::new(), "{text}");
        }
    }

    #[test]
    fn reports_titles_and_descriptions_but_not_proper_names() {
        let entries = [
            (
                "err:a:b:leaky",
                "title: NotFoundError\ndescription: The OpenAPI check in validateBody failed.",
            ),
            (
                "err:a:b:clean",
                "description: The OpenAPI document rejected the request.",
            ),
        ];
        let found = findings(&RULE, &catalogue("", &entries));
        let messages: Vec<&str> = found.iter().map(|(_, message)| message.as_str()).collect();
        assert_eq!(found.len(), 3, "{messages:#?}");
        assert!(messages[0].starts_with("the title names the code identifier `NotFoundError`;"));
        assert!(
            messages[1].starts_with(
                "the description names the code identifiers `OpenAPI`, `validateBody`;"
            )
        );
        assert_eq!(found[2].0, "err:a:b:clean");

        let named = catalogue("lint:\n  proper_names: [OpenAPI]\n", &entries);
        let found = findings(&RULE, &named);
        assert_eq!(found.len(), 2);
        assert!(found[1].1.contains("identifier `validateBody`;"));
        assert!(found.iter().all(|(code, _)| code == "err:a:b:leaky"));
    }
}
