//! What a naive generator (or a person) writes: an enum with `#[derive(Debug)]`, one `match`
//! per accessor, and a string `match` for parsing. The baseline every benchmark compares with.

use std::fmt::Write;

/// The module `name` with a `NaiveCode` enum over `codes` (URN, status, title, description,
/// docs URL).
pub fn module(name: &str, codes: &[(String, u16, String)]) -> String {
    let mut code = format!(
        "/// A naive equivalent of a catalogue of {} codes.\n#[allow(dead_code)]\npub mod {name} {{\n",
        codes.len()
    );
    code.push_str(
        "    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\n    pub enum NaiveCode {\n",
    );
    for i in 0..codes.len() {
        let _ = writeln!(code, "        V{i},");
    }
    code.push_str(
        "    }\n\n    impl NaiveCode {\n        pub const ALL: &'static [NaiveCode] = &[",
    );
    for i in 0..codes.len() {
        let _ = write!(code, "NaiveCode::V{i}, ");
    }
    code.push_str("];\n");
    for (method, ty) in [
        ("as_str", "&'static str"),
        ("status", "u16"),
        ("title", "&'static str"),
        ("description", "&'static str"),
        ("docs_url", "&'static str"),
    ] {
        let _ = writeln!(
            code,
            "\n        pub fn {method}(self) -> {ty} {{\n            match self {{"
        );
        for (i, (urn, status, title)) in codes.iter().enumerate() {
            let value = match method {
                "as_str" => format!("{urn:?}"),
                "status" => status.to_string(),
                "title" => format!("{title:?}"),
                "description" => format!("{:?}", format!("Synthetic error number {i}.")),
                _ => format!(
                    "{:?}",
                    format!(
                        "https://example.com/docs/errors/{}",
                        urn[4..].replace(':', "/")
                    )
                ),
            };
            let _ = writeln!(code, "                NaiveCode::V{i} => {value},");
        }
        code.push_str("            }\n        }\n");
    }
    code.push_str(
        "\n        pub fn parse(urn: &str) -> Option<NaiveCode> {\n            match urn {\n",
    );
    for (i, (urn, _, _)) in codes.iter().enumerate() {
        let _ = writeln!(code, "                {urn:?} => Some(NaiveCode::V{i}),");
    }
    code.push_str("                _ => None,\n            }\n        }\n    }\n}\n");
    code
}
