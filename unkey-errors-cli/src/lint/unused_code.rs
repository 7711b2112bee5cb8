//! `unused-code`: a code nothing sends (only with `--sources`).

use unkey_errors_catalogue::Urn;

use super::{Context, Example, Findings, Rule, Severity};

/// The rule.
pub const RULE: Rule = Rule {
    id: "unused-code",
    level: Severity::Warning,
    explanation: "A code that no Rust source under the `--sources` directories uses, and that \
        no condition of the catalogue's top-level `framework:` mapping names: defined and \
        documented, but never sent, so its page describes an error no client will see, and \
        the error that does happen in its place has no page. A use is the code's URN as a \
        string literal (which covers `#[unkey(code = \"…\")]`), a path through \
        `codes::<system>::<category>::<CONSTANT>` (or `<category>::<CONSTANT>` after importing \
        the category), or `Code::<Variant>`; a mention in a comment is not a use. The rule \
        runs only with `--sources`, and deprecated codes are not reported. Send the code \
        where its error happens, or deprecate it (`deprecated: use … instead`) and remove it \
        in a major release.",
    bad: Example {
        language: "rust",
        text: "// errors.yaml defines err:shop:orders:not_found and err:shop:orders:gone;
// the service sends only one of them.
#[derive(Debug, thiserror::Error, UnkeyError)]
#[unkey(catalogue = crate::errors)]
enum OrderError {
    #[error(\"order {0} does not exist\")]
    #[unkey(code = \"err:shop:orders:not_found\")]
    NotFound(String),
}
",
    },
    good: Example {
        language: "rust",
        text: "#[derive(Debug, thiserror::Error, UnkeyError)]
#[unkey(catalogue = crate::errors)]
enum OrderError {
    #[error(\"order {0} does not exist\")]
    #[unkey(code = \"err:shop:orders:not_found\")]
    NotFound(String),
    #[error(\"order {0} was deleted\")]
    #[unkey(code = \"err:shop:orders:gone\")]
    Gone(String),
}
",
    },
    check,
};

fn check(context: &Context<'_>, findings: &mut Findings<'_>) {
    let Some(sources) = context.sources else {
        return;
    };
    let framework = framework_codes(context.text);
    for entry in &context.catalogue.entries {
        let code = entry.code.as_str();
        if entry.deprecated.is_some()
            || sources.contains(code)
            || framework.iter().any(|used| used == code)
        {
            continue;
        }
        findings.report(
            entry,
            format!(
                "no source file of the {} read uses this code, and no `framework:` condition \
                 names it; send it where its error happens, or deprecate it (`deprecated: use \
                 … instead`) and remove it in a major release",
                match sources.files() {
                    1 => "1 file".to_owned(),
                    n => format!("{n} files"),
                }
            ),
        );
    }
}

/// The codes named in the catalogue's top-level `framework:` mapping (condition name → code),
/// read from the file's text.
///
/// NOTE (framework mapping): `framework:` is being added to the catalogue format in parallel
/// (issue 17); until the validated model holds it, this reads the mapping from the text: every
/// well-formed code in the lines of the top-level `framework:` key, in block or flow style.
/// Once `Catalogue` has the mapping, read it from there and drop this scan.
pub(super) fn framework_codes(text: &str) -> Vec<String> {
    let mut codes = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        let top_level = !line.starts_with([' ', '\t', '#']) && !line.trim().is_empty();
        let body = if top_level {
            inside = line.starts_with("framework:");
            line.strip_prefix("framework:").unwrap_or_default()
        } else if inside {
            line
        } else {
            continue;
        };
        // A comment runs from ` #` (or a `#` that starts the line) to the end of the line.
        let body = body.trim_start();
        let body = if body.starts_with('#') {
            ""
        } else {
            body.split(" #").next().unwrap_or_default()
        };
        let words = body.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'));
        codes.extend(
            words
                .filter(|word| Urn::parse(word).is_ok())
                .map(str::to_owned),
        );
    }
    codes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Uses;
    use crate::lint::fixture::catalogue;

    #[test]
    fn reports_a_code_no_source_uses_but_not_a_deprecated_one() {
        let catalogue = catalogue(
            "",
            &[
                ("err:a:b:sent", ""),
                ("err:a:b:never", ""),
                ("err:a:b:old", "deprecated: use err:a:b:sent instead"),
            ],
        );
        let dir = std::env::temp_dir().join(format!("unkey-errors-unused-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("lib.rs"), "const C: &str = \"err:a:b:sent\";").unwrap();
        let uses = Uses::scan(std::slice::from_ref(&dir), &catalogue).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let context = Context {
            catalogue: &catalogue,
            text: "",
            sources: Some(&uses),
        };
        let found = RULE.run(&context).findings;
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, "err:a:b:never");
        assert!(
            found[0]
                .message
                .starts_with("no source file of the 1 file read uses this code")
        );

        // Without sources the rule has nothing to go by, and says nothing.
        let without = Context {
            sources: None,
            ..context
        };
        assert_eq!(RULE.run(&without).findings, []);
    }

    #[test]
    fn reads_the_codes_of_the_framework_mapping_in_either_style() {
        let text = "\
docs_base_url: https://example.com
framework: # conditions the runtime answers itself
  panic: err:a:app:unexpected   # a 5xx
  route_not_found: \"err:a:data:route_missing\"
  # timeout: err:a:app:commented_out
errors:
  err:a:app:unexpected:
    related: [err:a:app:elsewhere]
";
        assert_eq!(
            framework_codes(text),
            ["err:a:app:unexpected", "err:a:data:route_missing"]
        );
        assert_eq!(
            framework_codes("framework: {panic: err:a:b:c, timeout: 'err:a:b:d'}\nerrors:\n"),
            ["err:a:b:c", "err:a:b:d"]
        );
        assert_eq!(
            framework_codes("errors:\n  err:a:b:c:\n"),
            Vec::<String>::new()
        );
    }
}
