//! `unused-code`: a code nothing sends (only with `--sources`).

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
        the category, also as `{self, …}`; `<system>::<category>::<CONSTANT>` after importing \
        the system; a bare `<CONSTANT>` after a glob import of its category), or \
        `Code::<Variant>`; a mention in a comment is not a use. Folders named `target` and \
        hidden files and folders are not read. The rule runs only with `--sources`, and \
        deprecated codes are not reported. Send the code \
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
    for entry in context.catalogue.entries() {
        let code = entry.code.as_str();
        let answers_a_condition = context
            .catalogue
            .framework()
            .iter()
            .any(|(_, used)| used.as_str() == code);
        if entry.deprecated.is_some() || sources.contains(code) || answers_a_condition {
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
    fn a_code_that_answers_a_framework_condition_is_used() {
        let yaml = "docs_base_url: https://example.com/docs/errors
framework:
  panic: err:a:app:unexpected
errors:
  err:a:app:unexpected:
    status: 500
    title: Internal Server Error
    description: It failed.
    detail: x
    internal: true
  err:a:app:never:
    status: 500
    title: Internal Server Error
    description: It failed too.
    detail: x
    internal: true
";
        let catalogue = unkey_errors_catalogue::parse(yaml.as_bytes(), "errors.yaml").unwrap();
        let dir =
            std::env::temp_dir().join(format!("unkey-errors-framework-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("lib.rs"), "fn main() {}").unwrap();
        let uses = Uses::scan(std::slice::from_ref(&dir), &catalogue).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let context = Context {
            catalogue: &catalogue,
            text: yaml,
            sources: Some(&uses),
        };
        let found: Vec<String> = RULE
            .run(&context)
            .findings
            .into_iter()
            .map(|finding| finding.code)
            .collect();
        assert_eq!(found, ["err:a:app:never"]);
    }
}
