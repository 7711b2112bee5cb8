//! A TypeScript module of the catalogue's codes, for the dashboard and the SDKs: every code as
//! a typed constant with its facts, the union of all codes, a type guard, and the types of an
//! error response. It compiles under `tsc --strict` with any target.
//!
//! No name the module declares comes from the catalogue: a code's parts are property names
//! (`codes.unkey.data.KEY_NOT_FOUND`), which cannot clash with the module's own declarations,
//! and are distinct within their object because codes are. Reserved words (`codes.default`)
//! are valid property names, and `__proto__`, the one name an object literal treats apart,
//! cannot be a part (parts start with a letter).

use std::fmt::Write;

use unkey_errors_catalogue::{Catalogue, group_by_system_and_category};

use super::{FACTS, FactKind, FactValue, Origin, string_literal, summary, wrap};

/// The TypeScript module of `catalogue`, with a header naming its `origin`.
pub fn module(catalogue: &Catalogue, origin: &Origin) -> String {
    let mut ts = origin.header();
    let _ = write!(
        ts,
        "//
// The error codes of the API documented at {base}, with what its catalogue
// states about each code, and the shape of an error response.

/** What the catalogue states about one error code. */
export interface ErrorCodeInfo<C extends ErrorCode = ErrorCode> {{
  /** The code, `err:<system>:<category>:<specific>`. */
  readonly code: C;
",
        base = catalogue.docs_base_url()
    );
    for fact in &FACTS {
        let kind = match fact.kind {
            FactKind::Status => "number",
            FactKind::Text => "string",
            FactKind::OptionalText => "string | null",
            FactKind::OptionalStatus => "number | null",
            FactKind::Flag => "boolean",
        };
        match wrap(fact.doc).as_slice() {
            [line] => {
                let _ = writeln!(ts, "  /** {} */", doc_text(line));
            }
            lines => {
                ts.push_str("  /**\n");
                for line in lines {
                    let _ = writeln!(ts, "   * {}", doc_text(line));
                }
                ts.push_str("   */\n");
            }
        }
        let _ = writeln!(ts, "  readonly {}: {kind};", fact.typescript);
    }
    ts.push_str("}\n\n/** Every error code of the catalogue. */\nexport type ErrorCode =\n");
    for entry in catalogue.entries() {
        let _ = writeln!(ts, "  | {}", string_literal(entry.code.as_str()));
    }
    // The union ends with the last member; TypeScript wants the `;` there.
    ts.pop();
    ts.push_str(";\n\n");

    ts.push_str(
        "/**
 * Every code with its facts, by system and category, as in the URN:
 * `codes.unkey.data.KEY_NOT_FOUND.code` is `\"err:unkey:data:key_not_found\"`.
 */
export const codes = {
",
    );
    for (system, categories) in group_by_system_and_category(catalogue.entries()) {
        let _ = writeln!(ts, "  {system}: {{");
        for (category, entries) in categories {
            let _ = writeln!(ts, "    {category}: {{");
            for entry in entries {
                ts.push_str("      /**\n");
                for line in wrap(&summary(entry)) {
                    let _ = writeln!(ts, "       * {}", doc_text(&line));
                }
                ts.push_str("       *\n");
                let _ = writeln!(ts, "       * @see {}", doc_text(&catalogue.docs_url(entry)));
                if let Some(reason) = &entry.deprecated {
                    for line in wrap(&format!("@deprecated {reason}")) {
                        let _ = writeln!(ts, "       * {}", doc_text(&line));
                    }
                }
                ts.push_str("       */\n");
                let _ = writeln!(ts, "      {}: {{", entry.constant_name());
                let _ = writeln!(ts, "        code: {},", string_literal(entry.code.as_str()));
                for fact in &FACTS {
                    let value = match (fact.value)(catalogue, entry) {
                        FactValue::Status(status) => status.to_string(),
                        FactValue::Text(text) => string_literal(&text),
                        FactValue::Absent => "null".to_owned(),
                        FactValue::Flag(flag) => flag.to_string(),
                    };
                    let _ = writeln!(ts, "        {}: {value},", fact.typescript);
                }
                ts.push_str("      },\n");
            }
            ts.push_str("    },\n");
        }
        ts.push_str("  },\n");
    }
    ts.push_str("} as const;\n\n");

    ts.push_str(
        "/** Every code's facts, by code. */
export const errorCodes: { readonly [C in ErrorCode]: ErrorCodeInfo<C> } = {
",
    );
    for entry in catalogue.entries() {
        let _ = writeln!(
            ts,
            "  {}: codes.{}.{}.{},",
            string_literal(entry.code.as_str()),
            entry.code.system(),
            entry.code.category(),
            entry.constant_name()
        );
    }
    ts.push_str("};\n");
    ts.push_str(MODULE_FUNCTIONS);
    ts.push_str(&super::envelope::typescript());
    ts
}

/// The functions of the module, which do not depend on the catalogue.
const MODULE_FUNCTIONS: &str = r#"
/** Every code, in the catalogue's order. */
export const allErrorCodes: readonly ErrorCode[] = Object.keys(errorCodes) as ErrorCode[];

/**
 * Whether `value` is a code of this catalogue. A code newer than this module is not, so a
 * client should handle any other string too.
 */
export function isErrorCode(value: string): value is ErrorCode {
  return Object.prototype.hasOwnProperty.call(errorCodes, value);
}

/** The codes by docs URL, which responses send as their `type`. */
const codesByType: { [type: string]: ErrorCode } = {};
for (const code of allErrorCodes) {
  codesByType[errorCodes[code].docsUrl] = code;
}

/**
 * The code of an error response, read from its `type` (the code's docs URL); `undefined` for
 * a type this module does not know, such as a code newer than it.
 */
export function errorCodeOfType(type: string): ErrorCode | undefined {
  return Object.prototype.hasOwnProperty.call(codesByType, type)
    ? codesByType[type]
    : undefined;
}
"#;

/// `text` made safe inside a `/** … */` comment: it cannot end the comment early.
fn doc_text(text: &str) -> String {
    text.replace("*/", "*\\/")
}
