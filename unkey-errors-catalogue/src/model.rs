//! The validated catalogue: what every later stage (code generation, docs) reads.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use crate::grpc::GrpcCode;
use crate::lint::{Allows, LintSettings};

/// A URN error code, `err:<system>:<category>:<specific>`, known to be well formed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Urn {
    text: String,
    /// Byte offsets of the second and third `:` that follow `err:`.
    category_at: usize,
    specific_at: usize,
}

/// Why a string is not a well-formed URN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrnError(String);

impl fmt::Display for UrnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UrnError {}

impl Urn {
    /// The form every code must have, as printed in error messages.
    pub const FORM: &'static str = "err:<system>:<category>:<specific>";

    /// Checks that `text` is `err:<system>:<category>:<specific>`, each part made of lowercase
    /// ASCII letters, digits and `_`, starting with a letter.
    ///
    /// ```
    /// use unkey_errors_catalogue::Urn;
    ///
    /// let urn = Urn::parse("err:unkey:authorization:forbidden").unwrap();
    /// assert_eq!(urn.category(), "authorization");
    /// assert!(Urn::parse("err:unkey:Forbidden").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Urn, UrnError> {
        let Some(rest) = text.strip_prefix("err:") else {
            return Err(UrnError(format!(
                "`{text}` does not start with `err:`; codes have the form {}",
                Self::FORM
            )));
        };
        let parts: Vec<&str> = rest.split(':').collect();
        if parts.len() != 3 {
            return Err(UrnError(format!(
                "`{text}` has {} part(s) after `err:`, not 3; codes have the form {}",
                parts.len(),
                Self::FORM
            )));
        }
        for (part, name) in parts.iter().zip(["system", "category", "specific"]) {
            let well_formed = part.starts_with(|c: char| c.is_ascii_lowercase())
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !well_formed {
                return Err(UrnError(format!(
                    "the {name} part `{part}` of `{text}` must start with a lowercase letter and \
                     hold only lowercase ASCII letters, digits and `_`"
                )));
            }
        }
        let category_at = 4 + parts[0].len() + 1;
        let specific_at = category_at + parts[1].len() + 1;
        Ok(Urn {
            text: text.to_owned(),
            category_at,
            specific_at,
        })
    }

    /// The whole code, e.g. `err:unkey:authorization:forbidden`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The system part, e.g. `unkey`.
    pub fn system(&self) -> &str {
        &self.text[4..self.category_at - 1]
    }

    /// The category part, e.g. `authorization`.
    pub fn category(&self) -> &str {
        &self.text[self.category_at..self.specific_at - 1]
    }

    /// The specific part, e.g. `forbidden`.
    pub fn specific(&self) -> &str {
        &self.text[self.specific_at..]
    }

    /// The `reason` of the code's gRPC `ErrorInfo`: its parts after `err:` in UPPER_SNAKE_CASE,
    /// as AIP-193 asks, e.g. `UNKEY_AUTHORIZATION_FORBIDDEN`. Unique in a catalogue: two codes
    /// with one reason would have one variant name, which validation rejects.
    ///
    /// ```
    /// use unkey_errors_catalogue::Urn;
    ///
    /// let urn = Urn::parse("err:unkey:data:key_not_found").unwrap();
    /// assert_eq!(urn.grpc_reason(), "UNKEY_DATA_KEY_NOT_FOUND");
    /// ```
    pub fn grpc_reason(&self) -> String {
        self.text[4..].replace(':', "_").to_ascii_uppercase()
    }

    /// The code's path below the docs base URL: `<system>/<category>/<specific>`.
    pub fn docs_path(&self) -> String {
        format!("{}/{}/{}", self.system(), self.category(), self.specific())
    }
}

impl fmt::Display for Urn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// A validated catalogue: every entry well formed, every code unique, every reference resolved.
///
/// Read through its accessors: the fields are private so that what validation established (the
/// index by code, the framework codes' entries) cannot go stale, and `#[non_exhaustive]` so a
/// release may add facts.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Catalogue {
    docs_base_url: String,
    domain: String,
    entries: Vec<Entry>,
    exhaustive: bool,
    docs_navigation: DocsNavigation,
    framework: Vec<(Condition, Urn)>,
    /// Position in `entries` by code, so lookups (a page's related codes, a doc comment's
    /// links) stay constant-time in large catalogues.
    by_code: HashMap<String, usize>,
    /// The top-level `lint` mapping; see [`Catalogue::lint_settings`].
    lint: LintSettings,
}

impl Catalogue {
    /// A catalogue of already validated entries.
    pub(crate) fn new(
        docs_base_url: String,
        entries: Vec<Entry>,
        exhaustive: bool,
        docs_navigation: DocsNavigation,
        framework: Vec<(Condition, Urn)>,
    ) -> Self {
        let by_code = entries
            .iter()
            .enumerate()
            .map(|(index, entry)| (entry.code.as_str().to_owned(), index))
            .collect();
        Catalogue {
            domain: host_of(&docs_base_url).to_owned(),
            docs_base_url,
            entries,
            exhaustive,
            docs_navigation,
            framework,
            by_code,
            lint: LintSettings::default(),
        }
    }

    /// The catalogue with the top-level `domain` (when it states one).
    pub(crate) fn with_domain(mut self, domain: Option<String>) -> Self {
        if let Some(domain) = domain {
            self.domain = domain;
        }
        self
    }

    /// The catalogue with the top-level `lint` mapping's settings.
    pub(crate) fn with_lint_settings(mut self, lint: LintSettings) -> Self {
        self.lint = lint;
        self
    }

    /// What `unkey-errors lint` reads from the top-level `lint` mapping: rules allowed for the
    /// whole catalogue and the rules' settings, defaults filled in.
    pub fn lint_settings(&self) -> &LintSettings {
        &self.lint
    }

    /// Base URL of the docs pages, without a trailing `/`; an entry's page is at
    /// `<docs_base_url>/<system>/<category>/<specific>`.
    pub fn docs_base_url(&self) -> &str {
        &self.docs_base_url
    }

    /// The error domain of the catalogue's gRPC errors (`google.rpc.ErrorInfo.domain`), e.g.
    /// `unkey.com`: the top-level `domain`, or else the host of `docs_base_url`.
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// The entries, in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Whether the generated `Code` enum is exhaustive (top-level `exhaustive: true`). By
    /// default it is `#[non_exhaustive]`, so a release that adds codes is a minor release.
    pub fn exhaustive(&self) -> bool {
        self.exhaustive
    }

    /// How the docs' navigation presents the catalogue (top-level `docs_navigation`), with
    /// every default filled in.
    pub fn docs_navigation(&self) -> &DocsNavigation {
        &self.docs_navigation
    }

    /// The code the service answers each framework condition with (top-level `framework`),
    /// in [`Condition::ALL`]'s order; a condition not listed passes through unchanged.
    pub fn framework(&self) -> &[(Condition, Urn)] {
        &self.framework
    }

    /// The entry for `code`, if the catalogue defines it.
    pub fn get(&self, code: &str) -> Option<&Entry> {
        self.by_code.get(code).and_then(|&i| self.entries.get(i))
    }

    /// The code the catalogue names for `condition` in its `framework` mapping, if any.
    pub fn framework_code(&self, condition: Condition) -> Option<&Urn> {
        self.framework
            .iter()
            .find(|(listed, _)| *listed == condition)
            .map(|(_, code)| code)
    }

    /// The docs URL of `entry`.
    pub fn docs_url(&self, entry: &Entry) -> String {
        format!("{}/{}", self.docs_base_url, entry.code.docs_path())
    }

    /// The codes closest to `code`, best first, for a "did you mean" hint.
    pub fn suggest(&self, code: &str) -> Vec<&str> {
        crate::suggest::closest(code, self.entries.iter().map(|e| e.code.as_str()))
    }
}

/// The host of an `http(s)` URL, e.g. `unkey.com` for `https://unkey.com/docs/errors`: the
/// default error domain of a catalogue.
pub(crate) fn host_of(url: &str) -> &str {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    // Credentials and a port are no part of a domain.
    let host = authority.rsplit('@').next().unwrap_or(authority);
    host.split(':').next().unwrap_or(host)
}

/// How the docs' navigation (the group for Mintlify's `docs.json`) presents a catalogue: the
/// group's name, icon and whether it starts expanded, and the systems in the order shown, each
/// under its own group name. Categories are shown in [`title_case`], pages sorted by code.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DocsNavigation {
    /// The name of the group that holds every error page, e.g. `Errors`.
    pub group: String,
    /// The group's icon (a Font Awesome name such as `triangle-exclamation`), if any.
    pub icon: Option<String>,
    /// Whether the group starts expanded in the sidebar.
    pub expanded: bool,
    /// Every system of the catalogue, in the order the navigation lists them.
    pub systems: Vec<NavigationSystem>,
}

/// One system's group in the docs' navigation.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct NavigationSystem {
    /// The system part of its codes, e.g. `unkey`.
    pub system: String,
    /// The name of its group, e.g. `Unkey Errors`.
    pub group: String,
}

impl DocsNavigation {
    /// The name of the errors group unless the catalogue names another.
    pub const DEFAULT_GROUP: &'static str = "Errors";

    /// The navigation of a catalogue that does not configure one: the group `Errors`, without
    /// icon, collapsed, and every system of `entries` sorted by name, under its name in
    /// [`title_case`].
    pub fn default_for<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> DocsNavigation {
        let systems: std::collections::BTreeSet<&str> = entries
            .into_iter()
            .map(|entry| entry.code.system())
            .collect();
        DocsNavigation {
            group: Self::DEFAULT_GROUP.to_owned(),
            icon: None,
            expanded: false,
            systems: systems
                .into_iter()
                .map(|system| NavigationSystem {
                    system: system.to_owned(),
                    group: title_case(system),
                })
                .collect(),
        }
    }

    /// The group name of `system`: the configured one, or its name in [`title_case`] for a
    /// system the settings do not list (only possible if `entries` changed after loading).
    pub fn system_group(&self, system: &str) -> String {
        self.systems
            .iter()
            .find(|listed| listed.system == system)
            .map_or_else(|| title_case(system), |listed| listed.group.clone())
    }

    /// Where `system` stands in the navigation's order; after every listed system when it is
    /// not listed.
    pub fn system_rank(&self, system: &str) -> usize {
        self.systems
            .iter()
            .position(|listed| listed.system == system)
            .unwrap_or(self.systems.len())
    }
}

/// A code part as a heading: its `_`-separated words, each capitalized, e.g. `bad_request` →
/// `Bad Request`.
pub fn title_case(part: &str) -> String {
    part.split('_')
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().collect::<String>() + chars.as_str()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A system that answers requests with a catalogue's codes, each in its own response shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Surface {
    /// The API: the problem-details envelope, `{"meta":{"requestId"},"error":{detail,status,title,type}}`.
    Api,
    /// The gateway in front of deployed apps: `{"meta":{"requestId"},"error":{"code","message"}}`
    /// as JSON, or an HTML error page for a browser.
    Gateway,
}

impl Surface {
    /// Every surface, as written in a catalogue's `surfaces` list.
    pub const ALL: [(Surface, &'static str); 2] =
        [(Surface::Api, "api"), (Surface::Gateway, "gateway")];

    /// The surface's name in a catalogue, `api` or `gateway`.
    pub fn name(self) -> &'static str {
        match self {
            Surface::Api => "api",
            Surface::Gateway => "gateway",
        }
    }
}

/// A failure the web framework meets outside any handler, which the catalogue's top-level
/// `framework` mapping gives a code: the service then answers it with that code's envelope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Condition {
    /// A handler panicked. Its code must be a server error (5xx).
    Panic,
    /// No route matches the request's path.
    RouteNotFound,
    /// A route matches the path, but not the request's method.
    MethodNotAllowed,
    /// The body is not what the handler takes: malformed JSON, JSON of the wrong shape, or an
    /// unsupported content type.
    InvalidBody,
    /// The body is larger than the service accepts.
    BodyTooLarge,
    /// The body could not be read, e.g. the connection failed while it was sent.
    UnreadableBody,
    /// The handler did not answer in time.
    Timeout,
    /// The client went away before the answer was ready.
    ClientClosed,
}

impl Condition {
    /// Every condition, in the order the catalogue format documents them.
    pub const ALL: [Condition; 8] = [
        Condition::Panic,
        Condition::RouteNotFound,
        Condition::MethodNotAllowed,
        Condition::InvalidBody,
        Condition::BodyTooLarge,
        Condition::UnreadableBody,
        Condition::Timeout,
        Condition::ClientClosed,
    ];

    /// The condition's key in the `framework` mapping, e.g. `route_not_found`.
    pub fn key(self) -> &'static str {
        match self {
            Condition::Panic => "panic",
            Condition::RouteNotFound => "route_not_found",
            Condition::MethodNotAllowed => "method_not_allowed",
            Condition::InvalidBody => "invalid_body",
            Condition::BodyTooLarge => "body_too_large",
            Condition::UnreadableBody => "unreadable_body",
            Condition::Timeout => "timeout",
            Condition::ClientClosed => "client_closed",
        }
    }

    /// The condition whose key is `key`.
    pub fn from_key(key: &str) -> Option<Condition> {
        Condition::ALL
            .into_iter()
            .find(|condition| condition.key() == key)
    }

    /// The status class its code must have: server errors (500..=599) for a panic, client
    /// errors (400..=499) for every other condition, which the request caused.
    pub fn statuses(self) -> std::ops::RangeInclusive<u16> {
        match self {
            Condition::Panic => 500..=599,
            _ => 400..=499,
        }
    }

    /// The name of the variant of the runtime's `Condition` enum, e.g. `RouteNotFound`.
    pub fn variant_name(self) -> &'static str {
        match self {
            Condition::Panic => "Panic",
            Condition::RouteNotFound => "RouteNotFound",
            Condition::MethodNotAllowed => "MethodNotAllowed",
            Condition::InvalidBody => "InvalidBody",
            Condition::BodyTooLarge => "BodyTooLarge",
            Condition::UnreadableBody => "UnreadableBody",
            Condition::Timeout => "Timeout",
            Condition::ClientClosed => "ClientClosed",
        }
    }
}

/// What the gateway sends for a code: its own status and title where they differ from the
/// entry's, and the public message of its body.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GatewayFacts {
    /// The HTTP status the gateway answers with, 400 to 599.
    pub status: u16,
    /// The title on the gateway's error page.
    pub title: String,
    /// The body's `message`: one fixed public sentence, or `None` when the message comes from
    /// the error being raised (`message_from_error: true`).
    pub message: Option<String>,
}

/// One error of the catalogue.
///
/// `#[non_exhaustive]`: a release may add facts (it has, with each surface and gRPC status).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Entry {
    /// The URN code.
    pub code: Urn,
    /// The HTTP status the code is answered with, 400 to 599: the API's, or for a code only the
    /// gateway sends, the gateway's.
    pub status: u16,
    /// The response's `title`: the short, human name of the status.
    pub title: String,
    /// Whether the API sends this code (in its `surfaces`; the default).
    pub api: bool,
    /// What the gateway sends for this code, when it sends it at all.
    pub gateway: Option<GatewayFacts>,
    /// The gRPC status the code is answered with: the entry's `grpc`, or else the default for
    /// its `status` ([`GrpcCode::for_http_status`]).
    pub grpc: GrpcCode,
    /// One sentence saying what the error means.
    pub description: String,
    /// An example of the response's `detail` message, used in the docs.
    pub detail: String,
    /// Whether the response body carries an `errors` array listing each problem with the request.
    pub errors_array: bool,
    /// An internal code without a public docs page; its docs sections may be empty.
    pub internal: bool,
    /// Why the code should no longer be used and what to use instead, e.g. `use err:… instead`.
    /// A deprecated code still parses and serializes, so clients keep working.
    pub deprecated: Option<String>,
    /// Codes a reader of this error's page should also know, in the catalogue's order of mention.
    pub related: Vec<Urn>,
    /// Markdown: what triggers the error. Empty when not written yet.
    pub what_happened: String,
    /// Markdown: the steps that fix it. Empty when not written yet.
    pub how_to_fix: String,
    /// Markdown: the mistakes that commonly lead to it. Empty when not written yet.
    pub common_mistakes: String,
    /// The line of the file where the entry's code stands, from 1.
    pub line: usize,
    /// The entry's `lint.allow`; see [`Entry::lint_allows`].
    pub(crate) lint_allow: Allows,
}

impl Entry {
    /// The lint rules this entry allows (its `lint.allow`), each with the reason given.
    pub fn lint_allows(&self) -> &Allows {
        &self.lint_allow
    }

    /// The name of the entry's variant in the generated enum: the code's parts in
    /// UpperCamelCase, e.g. `UnkeyAuthorizationForbidden`.
    pub fn variant_name(&self) -> String {
        [
            self.code.system(),
            self.code.category(),
            self.code.specific(),
        ]
        .iter()
        .flat_map(|part| part.split('_'))
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
    }

    /// The name of the entry's constant in the generated `codes` modules: the specific part in
    /// SCREAMING_SNAKE_CASE, e.g. `FORBIDDEN`.
    pub fn constant_name(&self) -> String {
        self.code.specific().to_ascii_uppercase()
    }
}

/// Entries by system, then category (both sorted by name), each list in the order given.
pub type Grouped<'a> = BTreeMap<&'a str, BTreeMap<&'a str, Vec<&'a Entry>>>;

/// Groups `entries` by system, then category: the shape of the generated `codes` modules and of
/// the docs' navigation.
pub fn group_by_system_and_category<'a>(
    entries: impl IntoIterator<Item = &'a Entry>,
) -> Grouped<'a> {
    let mut systems = Grouped::new();
    for entry in entries {
        systems
            .entry(entry.code.system())
            .or_default()
            .entry(entry.code.category())
            .or_default()
            .push(entry);
    }
    systems
}
