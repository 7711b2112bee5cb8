//! What a naive generator (or a person) writes for the same catalogue: the same public API as
//! `catalogue!` (the enum, its accessors, `Display`, `FromStr`, serde, `ErrorCode`, and the
//! documented constants under `codes`), built the obvious way: `#[derive(Debug)]`, one `match`
//! per accessor, and a string `match` for parsing. The baseline every benchmark compares with.
//!
//! The constants carry the docs `catalogue!` gives an entry without docs sections (all the
//! synthetic catalogues' entries), so the two expansions hold about the same amount of text;
//! the enum, variant and accessor docs are shorter here. What differs is the shape of the code.

use std::collections::BTreeMap;
use std::fmt::Write;

/// One code, as the naive generator needs it.
pub struct Entry {
    /// The URN, `err:<system>:<category>:<specific>`.
    pub urn: String,
    /// The HTTP status.
    pub status: u16,
    /// The status title.
    pub title: String,
    /// One sentence on what went wrong.
    pub description: String,
    /// The docs page.
    pub docs_url: String,
    /// Whether its responses carry an `errors` array.
    pub errors_array: bool,
}

/// The module `name` with a `NaiveCode` enum over `entries`.
pub fn module(name: &str, entries: &[Entry]) -> String {
    let variants: Vec<String> = entries.iter().map(|e| variant_name(&e.urn)).collect();
    let mut code = format!(
        "/// A naive equivalent of a catalogue of {} codes.\n#[allow(dead_code)]\npub mod {name} {{\n",
        entries.len()
    );
    code.push_str(
        "    /// An error code.\n    \
         #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]\n    \
         pub enum NaiveCode {\n",
    );
    for (entry, variant) in entries.iter().zip(&variants) {
        let _ = writeln!(
            code,
            "        /// `{}`: {} {}.\n        {variant},",
            entry.urn, entry.status, entry.title
        );
    }
    code.push_str("    }\n\n    impl NaiveCode {\n        /// Every code.\n        pub const ALL: &'static [NaiveCode] = &[");
    for variant in &variants {
        let _ = write!(code, "NaiveCode::{variant}, ");
    }
    code.push_str("];\n        /// Every URN, for suggestions.\n        pub const URNS: &'static [&'static str] = &[");
    for entry in entries {
        let _ = write!(code, "{:?}, ", entry.urn);
    }
    code.push_str("];\n");
    type Field = fn(&Entry) -> String;
    let accessors: [(&str, &str, Field); 6] = [
        ("as_str", "&'static str", |e| format!("{:?}", e.urn)),
        ("status", "u16", |e| e.status.to_string()),
        ("title", "&'static str", |e| format!("{:?}", e.title)),
        ("description", "&'static str", |e| {
            format!("{:?}", e.description)
        }),
        ("docs_url", "&'static str", |e| format!("{:?}", e.docs_url)),
        ("has_errors_array", "bool", |e| e.errors_array.to_string()),
    ];
    for (method, ty, value) in accessors {
        let _ = writeln!(
            code,
            "\n        /// The code's `{method}`.\n        pub const fn {method}(self) -> {ty} {{\n            match self {{"
        );
        for (entry, variant) in entries.iter().zip(&variants) {
            let _ = writeln!(
                code,
                "                NaiveCode::{variant} => {},",
                value(entry)
            );
        }
        code.push_str("            }\n        }\n");
    }
    code.push_str(
        "\n        /// The code with this URN.\n        pub fn parse(urn: &str) -> Option<NaiveCode> {\n            match urn {\n",
    );
    for (entry, variant) in entries.iter().zip(&variants) {
        let _ = writeln!(
            code,
            "                {:?} => Some(NaiveCode::{variant}),",
            entry.urn
        );
    }
    code.push_str("                _ => None,\n            }\n        }\n    }\n");
    code.push_str(TRAIT_IMPLS);
    code.push_str(&constants(entries, &variants));
    code.push_str("}\n");
    code
}

/// The impls a person writes once; they call the accessors.
const TRAIT_IMPLS: &str = r#"
    impl ::core::fmt::Display for NaiveCode {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.pad(self.as_str())
        }
    }

    impl ::core::str::FromStr for NaiveCode {
        type Err = ::unkey_errors::ParseCodeError;
        fn from_str(urn: &str) -> ::core::result::Result<Self, Self::Err> {
            Self::parse(urn).ok_or_else(|| ::unkey_errors::ParseCodeError::unknown(urn, Self::URNS))
        }
    }

    impl ::unkey_errors::__private::Sealed for NaiveCode {}

    impl ::unkey_errors::ErrorCode for NaiveCode {
        const ALL: &'static [Self] = NaiveCode::ALL;
        const DOMAIN: &'static str = "example.com";
        fn as_str(self) -> &'static str { NaiveCode::as_str(self) }
        fn status(self) -> u16 { NaiveCode::status(self) }
        fn title(self) -> &'static str { NaiveCode::title(self) }
        fn description(self) -> &'static str { NaiveCode::description(self) }
        fn docs_url(self) -> &'static str { NaiveCode::docs_url(self) }
        fn has_errors_array(self) -> bool { NaiveCode::has_errors_array(self) }
        // The synthetic catalogues deprecate nothing.
        fn deprecation(self) -> ::core::option::Option<&'static str> { ::core::option::Option::None }
        // ... and are sent by the API alone.
        fn api_status(self) -> ::core::option::Option<u16> { ::core::option::Option::Some(NaiveCode::status(self)) }
        fn gateway_status(self) -> ::core::option::Option<u16> { ::core::option::Option::None }
        fn gateway_title(self) -> ::core::option::Option<&'static str> { ::core::option::Option::None }
        fn gateway_message(self) -> ::core::option::Option<&'static str> { ::core::option::Option::None }
        fn for_condition(_: ::unkey_errors::Condition) -> ::core::option::Option<Self> { ::core::option::Option::None }
        // ... and state no gRPC status of their own.
        fn grpc_code(self) -> ::unkey_errors::GrpcCode { ::unkey_errors::GrpcCode::for_http_status(NaiveCode::status(self)) }
    }

    impl ::unkey_errors::__private::serde::Serialize for NaiveCode {
        fn serialize<S: ::unkey_errors::__private::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }

    impl<'de> ::unkey_errors::__private::serde::Deserialize<'de> for NaiveCode {
        fn deserialize<D: ::unkey_errors::__private::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
            let urn = <::std::string::String as ::unkey_errors::__private::serde::Deserialize>::deserialize(deserializer)?;
            urn.parse().map_err(::unkey_errors::__private::serde::de::Error::custom)
        }
    }
"#;

/// `codes::<system>::<category>::<SPECIFIC>` constants, documented as `catalogue!` documents
/// an entry without docs sections.
fn constants(entries: &[Entry], variants: &[String]) -> String {
    let mut tree: BTreeMap<&str, BTreeMap<&str, Vec<usize>>> = BTreeMap::new();
    for (index, entry) in entries.iter().enumerate() {
        let mut parts = entry.urn.split(':').skip(1);
        let (system, category) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        tree.entry(system)
            .or_default()
            .entry(category)
            .or_default()
            .push(index);
    }
    let mut code = String::from("\n    /// Every code as a constant.\n    pub mod codes {\n");
    for (system, categories) in tree {
        let _ = writeln!(
            code,
            "        /// `err:{system}:*`.\n        pub mod {system} {{"
        );
        for (category, indices) in categories {
            let _ = writeln!(
                code,
                "            /// `err:{system}:{category}:*`.\n            pub mod {category} {{\n                use super::super::super::NaiveCode;"
            );
            for index in indices {
                let entry = &entries[index];
                let specific = entry.urn.rsplit(':').next().unwrap_or("");
                let doc = format!(
                    "`{}`: **{} {}**\n\n{}\n\n[Docs page]({})",
                    entry.urn, entry.status, entry.title, entry.description, entry.docs_url
                );
                let _ = writeln!(
                    code,
                    "                #[doc = {doc:?}]\n                pub const {}: NaiveCode = NaiveCode::{};",
                    specific.to_uppercase(),
                    variants[index]
                );
            }
            code.push_str("            }\n");
        }
        code.push_str("        }\n");
    }
    code.push_str("    }\n");
    code
}

/// `err:unkey:authorization:forbidden` → `UnkeyAuthorizationForbidden`.
fn variant_name(urn: &str) -> String {
    urn.split([':', '_'])
        .skip(1)
        .flat_map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
        })
        .collect()
}
