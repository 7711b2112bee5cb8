//! The source text a validated catalogue expands to.
//!
//! Every accessor indexes one table (a `&'static [T]` associated constant) by the variant's
//! discriminant, instead of one `match` per method: the expansion stays linear in the number of
//! entries and cheap for rustc to check. `Debug` is written by hand for the same reason.
//!
//! The whole expansion is written as source text. Inside a compiler the macro hands that text
//! to rustc's own lexer in one call (see `unkey-errors-macros`): building it token by token
//! would cross the proc-macro bridge for every token, and parsing it with `proc_macro2` would
//! lex it twice, once in the macro's unoptimized code.

use std::fmt::{Debug, Write};
use std::path::Path;

use unkey_errors_catalogue::{Catalogue, Entry};

use super::docs;
use crate::idents;

/// The name the generated text uses for the runtime crate. The expansion starts with
/// `use <runtime path> as __unkey_errors;`: `catalogue!` passes the path as a token (`$crate`,
/// which still names `unkey-errors` when the dependency is renamed), and source text cannot
/// spell that token, so the text names the alias instead.
pub const RUNTIME_ALIAS: &str = "__unkey_errors";

/// The items `catalogue!` expands to for a validated `catalogue` read from `path` (which the
/// expansion tracks, so editing the file rebuilds the crate), as Rust source text.
///
/// The text names the runtime crate through [`RUNTIME_ALIAS`], which the caller brings into
/// scope (see [`generate_standalone_source`] for text that does it itself).
///
/// The text is always valid Rust: strings and docs are written as literals escaped by `{:?}`,
/// keyword parts as raw identifiers, and everything else is fixed text. `path` should be valid
/// UTF-8 (`catalogue!` checks); otherwise the tracking names a lossy copy of it.
///
/// The derive's lookup macro is exported under a name hashed from `path` as given; two texts
/// generated for one path do not compile in one crate (`catalogue!` numbers its calls).
pub fn generate_source(catalogue: &Catalogue, path: &Path) -> String {
    generate(
        catalogue,
        path,
        &lookup_macro_name(&path.to_string_lossy(), 0),
    )
}

/// [`generate_source`], with the lookup macro exported as `lookup_name`.
pub(crate) fn generate(catalogue: &Catalogue, path: &Path, lookup_name: &str) -> String {
    let shown_as = path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    // Most of the text is documentation and strings: about 1 KB per entry.
    let mut out = String::with_capacity(4096 + catalogue.entries().len() * 1024);
    code_enum(&mut out, catalogue, &shown_as);
    code_impl(&mut out, catalogue);
    out.push_str(TRAIT_IMPLS);
    metric_keys(&mut out, catalogue);
    out.push_str("}\n");
    out.push_str(MORE_TRAIT_IMPLS);
    code_lookup_macro(&mut out, catalogue, lookup_name, &shown_as);
    codes_module(&mut out, catalogue, &shown_as);
    let _ = write!(
        out,
        "
// Makes cargo rebuild this crate when the catalogue changes. In an unused private function,
// the file's bytes reach neither the crate's metadata nor its object code (a `const` would
// carry them into the .rmeta).
#[allow(dead_code)]
fn __unkey_errors_track_catalogue() {{
    let _ = include_bytes!({:?});
}}
",
        path.to_string_lossy()
    );
    out
}

/// [`generate_source`] preceded by `use ::unkey_errors as __unkey_errors;`: text that compiles
/// on its own in a crate depending on `unkey-errors` by its own name (benchmarks, `expand`).
pub fn generate_standalone_source(catalogue: &Catalogue, path: &Path) -> String {
    format!(
        "use ::unkey_errors as {RUNTIME_ALIAS};\n{}",
        generate_source(catalogue, path)
    )
}

/// `#[doc = "…"]`, with the text escaped as a Rust string literal.
fn doc_attribute(out: &mut String, doc: &str) {
    let _ = write!(out, "#[doc = {doc:?}]");
}

fn code_enum(out: &mut String, catalogue: &Catalogue, shown_as: &str) {
    doc_attribute(out, &docs::enum_doc(catalogue, shown_as));
    out.push_str("\n#[derive(Clone, Copy, PartialEq, Eq, Hash)]\n");
    if !catalogue.exhaustive() {
        out.push_str("#[non_exhaustive]\n");
    }
    out.push_str("pub enum Code {\n");
    for entry in catalogue.entries() {
        doc_attribute(out, &docs::variant_doc(entry));
        deprecated_attribute(out, entry);
        let _ = writeln!(out, " {},", entry.variant_name());
    }
    out.push_str("}\n");
}

/// `#[deprecated(note = "…")]` for a deprecated entry; nothing otherwise.
fn deprecated_attribute(out: &mut String, entry: &Entry) {
    if let Some(reason) = &entry.deprecated {
        let _ = write!(out, "#[deprecated(note = {reason:?})]");
    }
}

/// A `&'static [T]` table with one element per entry, in catalogue order. `Debug` writes
/// strings, integers and booleans as Rust literals.
fn table<'a, T: Debug>(out: &mut String, catalogue: &'a Catalogue, cell: impl Fn(&'a Entry) -> T) {
    out.push_str("&[");
    for entry in catalogue.entries() {
        let _ = write!(out, "{:?},", cell(entry));
    }
    out.push_str("];\n");
}

fn code_impl(out: &mut String, catalogue: &Catalogue) {
    out.push_str(
        "
// The tables name deprecated variants too; using them here is no use of a deprecated code.
#[allow(deprecated)]
impl Code {
    /// Every code, in catalogue order.
    pub const ALL: &'static [Code] = ",
    );
    table(out, catalogue, |e| {
        Verbatim(format!("Code::{}", e.variant_name()))
    });
    // The private tables' names hold an underscore, which no variant name (UpperCamelCase from
    // the URN's parts) can: a code can never shadow one. `ALL` is checked by validation.
    out.push_str("    const URN_TABLE: &'static [&'static str] = ");
    table(out, catalogue, |e| e.code.as_str());
    out.push_str("    const STATUS_TABLE: &'static [u16] = ");
    table(out, catalogue, |e| e.status);
    out.push_str("    const TITLE_TABLE: &'static [&'static str] = ");
    table(out, catalogue, |e| e.title.as_str());
    out.push_str("    const DESCRIPTION_TABLE: &'static [&'static str] = ");
    table(out, catalogue, |e| e.description.as_str());
    out.push_str("    const DOCS_URL_TABLE: &'static [&'static str] = ");
    table(out, catalogue, |e| catalogue.docs_url(e));
    let _ = write!(
        out,
        "    /// The error domain of this catalogue's gRPC errors (`google.rpc.ErrorInfo.domain`).
    pub const DOMAIN: &'static str = {:?};
",
        catalogue.domain()
    );
    out.push_str("    const ERRORS_ARRAY_TABLE: &'static [bool] = ");
    table(out, catalogue, |e| e.errors_array);
    out.push_str(
        "    /// A hash table from URN to index into `ALL`, so parsing costs one hash and about
    /// one comparison however many codes there are.
    const URN_SLOTS: &'static [u32] = ",
    );
    urn_slots(out, catalogue);
    out.push_str(ACCESSORS);
    sparse_accessors(out, catalogue);
    framework_accessor(out, catalogue);
    out.push_str("}\n");
    out.push_str(FROM_STR);
}

/// The accessors whose answer is the same for most codes: `deprecation`, the per-surface
/// facts and the gRPC status (stated only where it is not its HTTP status's default). Each is a `match` over the codes that differ only, since a table would cost a cell
/// per code (most codes are current and sent by the API alone).
fn sparse_accessors(out: &mut String, catalogue: &Catalogue) {
    sparse_accessor(
        out,
        catalogue,
        "/// Why the code is deprecated and what to use instead, or `None` for a current code.
    /// A deprecated code still parses, serializes and answers requests.
    pub const fn deprecation(self) -> ::core::option::Option<&'static str>",
        |e| {
            e.deprecated
                .as_ref()
                .map(|reason| some(format!("{reason:?}")))
        },
        "::core::option::Option::None",
    );
    sparse_accessor(
        out,
        catalogue,
        "/// The status the API answers with, or `None` when only the gateway sends the code.
    pub const fn api_status(self) -> ::core::option::Option<u16>",
        |e| (!e.api).then(|| "::core::option::Option::None".to_owned()),
        "::core::option::Option::Some(self.status())",
    );
    sparse_accessor(
        out,
        catalogue,
        "/// The status the gateway answers with, or `None` when the gateway never sends the code.
    pub const fn gateway_status(self) -> ::core::option::Option<u16>",
        |e| e.gateway.as_ref().map(|g| some(g.status.to_string())),
        "::core::option::Option::None",
    );
    sparse_accessor(
        out,
        catalogue,
        "/// The title of the gateway's error page, or `None` when the gateway never sends the code.
    pub const fn gateway_title(self) -> ::core::option::Option<&'static str>",
        |e| e.gateway.as_ref().map(|g| some(format!("{:?}", g.title))),
        "::core::option::Option::None",
    );
    sparse_accessor(
        out,
        catalogue,
        "/// The public message of the gateway's body, or `None` when the gateway never sends the
    /// code or takes the message from the error being raised.
    pub const fn gateway_message(self) -> ::core::option::Option<&'static str>",
        |e| {
            let message = e.gateway.as_ref()?.message.as_ref()?;
            Some(some(format!("{message:?}")))
        },
        "::core::option::Option::None",
    );
    sparse_accessor(
        out,
        catalogue,
        "/// The gRPC status the code is answered with: the entry's `grpc`, or the default for its
    /// HTTP status.
    pub const fn grpc_code(self) -> __unkey_errors::GrpcCode",
        |e| {
            (e.grpc != unkey_errors_catalogue::GrpcCode::for_http_status(e.status))
                .then(|| format!("__unkey_errors::GrpcCode::{}", e.grpc.variant_name()))
        },
        "__unkey_errors::GrpcCode::for_http_status(self.status())",
    );
}

/// The labels of each code's error counter, as the runtime's `__metric_keys!` takes them:
/// one line per code, in catalogue order, of its URN, system, category and gRPC status's name,
/// then the statuses it is sent with on the API and the gateway (0 where it is not sent) and
/// its gRPC status's number. With the runtime's `metrics` feature on, the macro builds the
/// keys' labels from them at compile time; otherwise it expands to nothing.
fn metric_keys(out: &mut String, catalogue: &Catalogue) {
    out.push_str(
        "
    // The labels of the error counter for this code, for the runtime's `metrics` feature.
    __unkey_errors::__metric_keys! {
",
    );
    for entry in catalogue.entries() {
        let _ = writeln!(
            out,
            "        {:?} {:?} {:?} {:?} {} {} {};",
            entry.code.as_str(),
            entry.code.system(),
            entry.code.category(),
            entry.grpc.name(),
            if entry.api { entry.status } else { 0 },
            entry.gateway.as_ref().map_or(0, |g| g.status),
            entry.grpc.number(),
        );
    }
    out.push_str(
        "    }
",
    );
}

/// `Code::for_condition`: the catalogue's `framework` mapping, one arm per listed condition.
fn framework_accessor(out: &mut String, catalogue: &Catalogue) {
    out.push_str(
        "
    /// The code this catalogue answers a framework `condition` with (its `framework` mapping),
    /// or `None` for a condition it lets pass through unchanged.
    pub const fn for_condition(
        condition: __unkey_errors::Condition,
    ) -> ::core::option::Option<Code> {
        match condition {
",
    );
    for (condition, code) in catalogue.framework() {
        let Some(entry) = catalogue.get(code.as_str()) else {
            continue;
        };
        let _ = writeln!(
            out,
            "            __unkey_errors::Condition::{} => ::core::option::Option::Some(Code::{}),",
            condition.variant_name(),
            entry.variant_name()
        );
    }
    out.push_str("            _ => ::core::option::Option::None,\n        }\n    }\n");
}

/// `::core::option::Option::Some(<expression>)`.
fn some(expression: String) -> String {
    format!("::core::option::Option::Some({expression})")
}

/// `<signature> { match self { <arms for the entries `arm` answers>, _ => <otherwise> } }`.
fn sparse_accessor(
    out: &mut String,
    catalogue: &Catalogue,
    signature: &str,
    arm: impl Fn(&Entry) -> Option<String>,
    otherwise: &str,
) {
    let _ = write!(out, "\n    {signature} {{\n        match self {{\n");
    for entry in catalogue.entries() {
        if let Some(value) = arm(entry) {
            let _ = writeln!(
                out,
                "            Code::{} => {value},",
                entry.variant_name()
            );
        }
    }
    let _ = write!(out, "            _ => {otherwise},\n        }}\n    }}\n");
}

/// `Code`'s accessors, each one read of a table.
const ACCESSORS: &str = "
    /// The URN, e.g. `err:unkey:authorization:forbidden`.
    pub const fn as_str(self) -> &'static str {
        Self::URN_TABLE[self as usize]
    }

    /// The HTTP status the API answers with.
    pub const fn status(self) -> u16 {
        Self::STATUS_TABLE[self as usize]
    }

    /// The response's `title`, e.g. `Forbidden`.
    pub const fn title(self) -> &'static str {
        Self::TITLE_TABLE[self as usize]
    }

    /// One sentence saying what the error means.
    pub const fn description(self) -> &'static str {
        Self::DESCRIPTION_TABLE[self as usize]
    }

    /// The URL of the code's docs page; also the response's `type`.
    pub const fn docs_url(self) -> &'static str {
        Self::DOCS_URL_TABLE[self as usize]
    }

    /// Whether the response body carries an `errors` array listing each problem with
    /// the request.
    pub const fn has_errors_array(self) -> bool {
        Self::ERRORS_ARRAY_TABLE[self as usize]
    }
";

/// `FromStr`, through the hash table.
const FROM_STR: &str = "
impl ::core::str::FromStr for Code {
    type Err = __unkey_errors::ParseCodeError;

    /// Parses a URN; an unknown one is an error suggesting the closest codes.
    fn from_str(urn: &str) -> ::core::result::Result<Self, Self::Err> {
        match __unkey_errors::__private::find_urn(urn, Self::URN_TABLE, Self::URN_SLOTS) {
            ::core::option::Option::Some(index) => ::core::result::Result::Ok(Self::ALL[index]),
            ::core::option::Option::None => ::core::result::Result::Err(
                __unkey_errors::ParseCodeError::unknown(urn, Self::URN_TABLE),
            ),
        }
    }
}
";

/// The open-addressing table `find_urn` searches: twice as many slots as codes (a power of
/// two), each empty (0) or a code's index with a tag of its hash (`unkey_errors_urn_table::slot_value`).
fn urn_slots(out: &mut String, catalogue: &Catalogue) {
    let slot_count = (catalogue.entries().len() * 2).next_power_of_two().max(2);
    let mut slots = vec![0u32; slot_count];
    for (index, entry) in catalogue.entries().iter().enumerate() {
        let hash = unkey_errors_urn_table::hash(entry.code.as_str().as_bytes());
        let mut slot = unkey_errors_urn_table::first_slot(hash, slot_count);
        while slots[slot] != 0 {
            slot = (slot + 1) % slot_count;
        }
        slots[slot] = unkey_errors_urn_table::slot_value(hash, index);
    }
    out.push_str("&[");
    for slot in slots {
        let _ = write!(out, "{slot},");
    }
    out.push_str("];\n");
}

/// Text that a table writes as it is (a path), not as a string literal.
struct Verbatim(String);

impl Debug for Verbatim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The impls that are the same for every catalogue: they only call `Code`'s own methods. The
/// `ErrorCode` impl is left open, for [`metric_keys`] to close.
const TRAIT_IMPLS: &str = r#"
impl __unkey_errors::__private::Sealed for Code {}

impl __unkey_errors::ErrorCode for Code {
    const ALL: &'static [Self] = Code::ALL;

    const DOMAIN: &'static str = Code::DOMAIN;

    fn as_str(self) -> &'static str {
        Code::as_str(self)
    }

    fn status(self) -> u16 {
        Code::status(self)
    }

    fn title(self) -> &'static str {
        Code::title(self)
    }

    fn description(self) -> &'static str {
        Code::description(self)
    }

    fn docs_url(self) -> &'static str {
        Code::docs_url(self)
    }

    fn has_errors_array(self) -> bool {
        Code::has_errors_array(self)
    }

    fn deprecation(self) -> ::core::option::Option<&'static str> {
        Code::deprecation(self)
    }

    fn api_status(self) -> ::core::option::Option<u16> {
        Code::api_status(self)
    }

    fn gateway_status(self) -> ::core::option::Option<u16> {
        Code::gateway_status(self)
    }

    fn gateway_title(self) -> ::core::option::Option<&'static str> {
        Code::gateway_title(self)
    }

    fn gateway_message(self) -> ::core::option::Option<&'static str> {
        Code::gateway_message(self)
    }

    fn for_condition(condition: __unkey_errors::Condition) -> ::core::option::Option<Self> {
        Code::for_condition(condition)
    }

    fn grpc_code(self) -> __unkey_errors::GrpcCode {
        Code::grpc_code(self)
    }
"#;

/// The rest of the impls that are the same for every catalogue.
const MORE_TRAIT_IMPLS: &str = r#"
/// Codes order by their URN, so the order of the catalogue's entries is not part of the API.
impl ::core::cmp::Ord for Code {
    fn cmp(&self, other: &Self) -> ::core::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl ::core::cmp::PartialOrd for Code {
    fn partial_cmp(&self, other: &Self) -> ::core::option::Option<::core::cmp::Ordering> {
        ::core::option::Option::Some(::core::cmp::Ord::cmp(self, other))
    }
}

/// Prints the variant's path, e.g. `Code::UnkeyAuthorizationForbidden`, as it is written in code.
impl ::core::fmt::Debug for Code {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        __unkey_errors::__private::write_variant_path(self.as_str(), f)
    }
}

/// Prints the URN.
impl ::core::fmt::Display for Code {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.pad(self.as_str())
    }
}

/// Serializes as the URN string.
impl __unkey_errors::__private::serde::Serialize for Code {
    fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
    where
        S: __unkey_errors::__private::serde::Serializer,
    {
        serializer.serialize_str(self.as_str())
    }
}

/// Deserializes from the URN string.
impl<'de> __unkey_errors::__private::serde::Deserialize<'de> for Code {
    fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
    where
        D: __unkey_errors::__private::serde::Deserializer<'de>,
    {
        __unkey_errors::__private::deserialize_code(deserializer)
    }
}
"#;

/// The name `catalogue!` exports the lookup macro under (see [`code_lookup_macro`]): the hash
/// of the catalogue's path as written, relative to the crate's manifest directory, so the name
/// (and with it the crate's metadata) is the same in every checkout; and for every call after
/// the first on the same file in one crate, its ordinal, since `#[macro_export]` puts every
/// such macro at the crate's root, where two of one name collide.
pub(crate) fn lookup_macro_name(relative_path: &str, occurrence: u32) -> String {
    let hash = unkey_errors_urn_table::hash(relative_path.as_bytes());
    match occurrence {
        0 => format!("__unkey_errors_code_{hash:016x}"),
        n => format!("__unkey_errors_code_{hash:016x}_{n}"),
    }
}

/// The derive's lookup of a code string in this catalogue, as a `macro_rules!` macro named
/// `name`: one arm per code, carrying the code's variant and the facts a derive checks its use
/// against (the surfaces that send it, whether its body has an `errors` array), and a last arm
/// that turns any other string into a compile error on that string (computed by
/// `unknown_code!`, which suggests the closest codes).
///
/// So `#[derive(UnkeyError)]` checks codes against what this expansion generated, never a
/// second reading of the file. Each arm hands the variant and facts to `checked_code!`, which
/// gives the variant, or compile errors on the code string for a use the facts rule out. The
/// macro is exported under `name` and re-exported as `__unkey_code` next to `Code`, where the
/// derive looks for it. Arguments: the code literal, the path of this module, the path of the
/// runtime crate, and optionally how the derive uses the code (see `checked_code!`).
fn code_lookup_macro(out: &mut String, catalogue: &Catalogue, name: &str, shown_as: &str) {
    let _ = write!(
        out,
        "
/// Maps a code string to its `Code`, for `#[derive(UnkeyError)]`, checking the use against
/// the code's facts. Not public API.
#[doc(hidden)]
#[macro_export]
macro_rules! {name} {{
"
    );
    for entry in catalogue.entries() {
        let mut facts = Vec::with_capacity(3);
        if entry.api {
            facts.push("api");
        }
        if entry.gateway.is_some() {
            facts.push("gateway");
        }
        if entry.errors_array {
            facts.push("errors_array");
        }
        let _ = writeln!(
            out,
            "    ({:?} ($($catalogue:tt)*) ($($runtime:tt)*) $($use:tt)?) => {{
        $($runtime)*::__private::checked_code!(($($catalogue)*) {} [{}] $($use)?)
    }};",
            entry.code.as_str(),
            entry.variant_name(),
            facts.join(" ")
        );
    }
    let _ = write!(
        out,
        "    ($code:tt ($($catalogue:tt)*) ($($runtime:tt)*) $($use:tt)?) => {{
        $($runtime)*::__private::unknown_code!($code ($($catalogue)*) {shown_as:?} ["
    );
    for entry in catalogue.entries() {
        let _ = write!(out, "{:?},", entry.code.as_str());
    }
    let _ = write!(
        out,
        "] $($use)?)
    }};
}}
#[doc(hidden)]
pub use {name} as __unkey_code;
"
    );
}

/// `pub mod codes { pub mod <system> { pub mod <category> { pub const <SPECIFIC>: Code } } }`.
fn codes_module(out: &mut String, catalogue: &Catalogue, shown_as: &str) {
    out.push_str(
        "
/// One constant per code, at a path mirroring its URN: `err:<system>:<category>:<specific>`
/// is `codes::<system>::<category>::<SPECIFIC>`. Each constant's documentation gives the
/// code's status, title, description, related codes and a link to its docs page.
// The constants of deprecated codes name deprecated variants: no use of a deprecated code.
#[allow(deprecated)]
pub mod codes {
",
    );
    let systems = unkey_errors_catalogue::group_by_system_and_category(catalogue.entries());
    for (system, categories) in systems {
        doc_attribute(
            out,
            &format!("Codes of the `{system}` system: `err:{system}:*`."),
        );
        let _ = writeln!(out, "\npub mod {} {{", idents::module_source(system));
        for (category, entries) in categories {
            doc_attribute(
                out,
                &format!("Codes of the `{category}` category: `err:{system}:{category}:*`."),
            );
            let _ = writeln!(
                out,
                "\npub mod {} {{\nuse super::super::super::Code;",
                idents::module_source(category)
            );
            for entry in entries {
                doc_attribute(out, &docs::constant_doc(catalogue, entry, shown_as));
                deprecated_attribute(out, entry);
                let _ = writeln!(
                    out,
                    "\npub const {}: Code = Code::{};",
                    entry.constant_name(),
                    entry.variant_name()
                );
            }
            out.push_str("}\n");
        }
        out.push_str("}\n");
    }
    out.push_str("}\n");
}
