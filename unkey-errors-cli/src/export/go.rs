//! A Go package of the catalogue's codes, for Unkey's services: a typed `Code` constant for
//! every URN with Go's `Deprecated:` convention, what the catalogue states about each code,
//! and the types of an error response. The output is already `gofmt`-formatted and passes
//! `go vet`.
//!
//! A code's constant is named like its Rust variant (`err:unkey:data:key_not_found` is
//! `UnkeyDataKeyNotFound`); those names are distinct, since the catalogue rejects two codes
//! with one variant name. A code whose name is one the package declares itself
//! ([`PACKAGE_NAMES`], e.g. `err:gateway:error:response` and the gateway's body type
//! `GatewayErrorResponse`) gets a trailing `_` instead (`GatewayErrorResponse_`), as
//! protoc-gen-go does: a code's own name never holds `_`, so the result is distinct from
//! every other name, and it stays the same whatever codes are added later.

use std::fmt::Write;

use unkey_errors_catalogue::{Catalogue, Entry};

use super::{FACTS, FactKind, FactValue, Origin, string_literal, summary, wrap};

/// The exported names the package declares whatever the catalogue: its types and functions.
/// A code's constant may not take one (see [`constant_name`]).
pub const PACKAGE_NAMES: [&str; 11] = [
    "All",
    "Code",
    "ErrorBody",
    "ErrorResponse",
    "FromType",
    "GatewayErrorBody",
    "GatewayErrorResponse",
    "Info",
    "Meta",
    "Parse",
    "ValidationError",
];

/// The name of `entry`'s constant: its Rust variant name, or that name and `_` when the package
/// declares the name itself.
///
/// ```
/// # let yaml = "docs_base_url: https://x.example\nerrors:\n  err:gateway:error:response:\n    status: 502\n    title: Bad Gateway\n    description: D.\n    detail: D\n    internal: true\n  err:gateway:error:timeout:\n    status: 504\n    title: Gateway Timeout\n    description: D.\n    detail: D\n    internal: true\n";
/// # let catalogue = unkey_errors_catalogue::parse(yaml.as_bytes(), "errors.yaml").unwrap();
/// use unkey_errors_cli::export::go::constant_name;
///
/// assert_eq!(constant_name(&catalogue.entries()[0]), "GatewayErrorResponse_");
/// assert_eq!(constant_name(&catalogue.entries()[1]), "GatewayErrorTimeout");
/// ```
pub fn constant_name(entry: &Entry) -> String {
    let name = entry.variant_name();
    if PACKAGE_NAMES.contains(&name.as_str()) {
        name + "_"
    } else {
        name
    }
}

/// The Go source of package `package` for `catalogue`, with a header naming its `origin`.
pub fn module(catalogue: &Catalogue, package: &str, origin: &Origin) -> String {
    let mut go = origin.header();
    let _ = write!(
        go,
        "
// Package {package} holds the error codes of the API documented at
// {base}: every code as a typed constant, what its catalogue
// states about each code, and the shape of an error response.
package {package}

// Code is an error code, \"err:<system>:<category>:<specific>\". A code read from a
// response may be newer than this package; Known tells.
type Code string

// Info is what the catalogue states about one code.
type Info struct {{
\t// Code is the code itself.
\tCode Code
",
        base = catalogue.docs_base_url()
    );
    for fact in &FACTS {
        go.push('\n');
        for line in wrap(&format!("{} {}", fact.go, as_predicate(fact.doc))) {
            let _ = writeln!(go, "\t// {}", go_prose(&line));
        }
        let _ = writeln!(go, "\t{} {}", fact.go, go_type(fact.kind));
    }
    go.push_str("}\n");

    for entry in catalogue.entries() {
        let name = constant_name(entry);
        let _ = write!(go, "\n// {name} is {}", string_literal(entry.code.as_str()));
        if name != entry.variant_name() {
            let _ = write!(
                go,
                " (named with a trailing \"_\" because\n// {} is declared by this package)",
                entry.variant_name()
            );
        }
        go.push_str(".\n//\n");
        for line in wrap(&summary(entry)) {
            let _ = writeln!(go, "// {}", go_prose(&line));
        }
        let _ = writeln!(go, "// Docs: {}", catalogue.docs_url(entry));
        if let Some(reason) = &entry.deprecated {
            go.push_str("//\n");
            for line in wrap(&format!("Deprecated: {reason}")) {
                let _ = writeln!(go, "// {}", go_prose(&line));
            }
        }
        let _ = writeln!(
            go,
            "const {name} Code = {}",
            string_literal(entry.code.as_str())
        );
    }

    go.push_str("\n// all lists every code, in the catalogue's order.\nvar all = []Code{\n");
    for entry in catalogue.entries() {
        let _ = writeln!(go, "\t{},", constant_name(entry));
    }
    go.push_str("}\n\n// infos holds every code's facts.\nvar infos = map[Code]Info{\n");
    // gofmt aligns the values of a composite literal's keys one space past the longest `key:`.
    let width = FACTS
        .iter()
        .map(|fact| fact.go.len())
        .chain(["Code".len()])
        .max()
        .unwrap_or_default()
        + 2;
    for entry in catalogue.entries() {
        let name = constant_name(entry);
        let _ = writeln!(go, "\t{name}: {{");
        let _ = writeln!(go, "\t\t{:<width$}{name},", "Code:");
        for fact in &FACTS {
            let value = match (fact.value)(catalogue, entry) {
                FactValue::Status(status) => status.to_string(),
                FactValue::Text(text) => string_literal(&text),
                FactValue::Absent => zero_value(fact.kind).to_owned(),
                FactValue::Flag(flag) => flag.to_string(),
            };
            let _ = writeln!(go, "\t\t{:<width$}{value},", format!("{}:", fact.go));
        }
        go.push_str("\t},\n");
    }
    go.push_str("}\n");
    go.push_str(PACKAGE_FUNCTIONS);

    for fact in &FACTS {
        let _ = write!(
            go,
            "\n// {name} returns the {name} of c's Info, or {zero} for a code this package does not\n\
             // know.\nfunc (c Code) {name}() {ty} {{\n\treturn infos[c].{name}\n}}\n",
            name = fact.go,
            zero = zero_value(fact.kind),
            ty = go_type(fact.kind),
        );
    }
    go.push_str(&super::envelope::go());
    go
}

/// Prose for a Go comment: Go's doc comments quote with `"`, not with markdown's backticks.
fn go_prose(text: &str) -> String {
    text.replace('`', "\"")
}

/// The Go type of a kind of fact.
fn go_type(kind: FactKind) -> &'static str {
    match kind {
        FactKind::Status | FactKind::OptionalStatus => "int",
        FactKind::Text | FactKind::OptionalText => "string",
        FactKind::Flag => "bool",
    }
}

/// The zero value of a kind of fact, as the doc comment of its accessor names it.
fn zero_value(kind: FactKind) -> &'static str {
    match kind {
        FactKind::Status | FactKind::OptionalStatus => "0",
        FactKind::Text | FactKind::OptionalText => "\"\"",
        FactKind::Flag => "false",
    }
}

/// A fact's description as the rest of a Go doc sentence that starts with its name:
/// "The HTTP status …" becomes "is the HTTP status …", "Whether …" becomes "tells whether …".
fn as_predicate(doc: &str) -> String {
    let mut chars = doc.chars();
    let lowered = chars.next().map_or_else(String::new, |first| {
        first.to_ascii_lowercase().to_string() + chars.as_str()
    });
    if lowered.starts_with("whether") {
        format!("tells {lowered}")
    } else {
        format!("is {lowered}")
    }
}

/// The parts of the package that do not depend on the catalogue, after the tables.
const PACKAGE_FUNCTIONS: &str = r#"
// byType holds every code by its docs URL, which responses send as their "type".
var byType = func() map[string]Code {
	codes := make(map[string]Code, len(infos))
	for code, info := range infos {
		codes[info.DocsURL] = code
	}
	return codes
}()

// All returns every code, in the catalogue's order.
func All() []Code {
	return append([]Code(nil), all...)
}

// Parse returns the code that s names, and false when s is not a code of this package (such
// as a code newer than it).
func Parse(s string) (Code, bool) {
	_, ok := infos[Code(s)]
	return Code(s), ok
}

// FromType returns the code of an error response from its "type" (the code's docs URL), and
// false for a type this package does not know, such as a code newer than it.
func FromType(typeURL string) (Code, bool) {
	code, ok := byType[typeURL]
	return code, ok
}

// Known reports whether c is a code of this package.
func (c Code) Known() bool {
	_, ok := infos[c]
	return ok
}

// Info returns what the catalogue states about c, and false for a code this package does not
// know.
func (c Code) Info() (Info, bool) {
	info, ok := infos[c]
	return info, ok
}

// String returns the code itself.
func (c Code) String() string {
	return string(c)
}
"#;

/// Whether `name` can name a Go package: an ASCII identifier in lowercase, as Go's style asks,
/// that is not one of Go's keywords.
pub fn is_package_name(name: &str) -> bool {
    const KEYWORDS: [&str; 25] = [
        "break",
        "case",
        "chan",
        "const",
        "continue",
        "default",
        "defer",
        "else",
        "fallthrough",
        "for",
        "func",
        "go",
        "goto",
        "if",
        "import",
        "interface",
        "map",
        "package",
        "range",
        "return",
        "select",
        "struct",
        "switch",
        "type",
        "var",
    ];
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !KEYWORDS.contains(&name)
}
