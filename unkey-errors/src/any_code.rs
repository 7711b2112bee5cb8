//! Codes a client reads from a server that may be newer than the client.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::str::FromStr;

use crate::{Code, ErrorCode};

/// A code this build of the catalogue knows, or a well-formed one it does not.
///
/// Adding a code to a catalogue is a minor release, so a server can answer with a code that a
/// client built yesterday has never heard of. Parsing such a URN as [`Code`] fails; parsing
/// it as `AnyCode` gives [`AnyCode::Unknown`], which keeps the URN. A client that stores,
/// logs or forwards codes should hold an `AnyCode`, so that tomorrow's codes reach it intact
/// instead of failing the whole response.
///
/// ```
/// use unkey_errors::{codes, AnyCode, Code};
///
/// let known: AnyCode = "err:unkey:authorization:forbidden".parse().unwrap();
/// assert_eq!(known, AnyCode::Known(codes::unkey::authorization::FORBIDDEN));
///
/// // A code added after this build: not an error, and the URN is kept.
/// let newer: AnyCode = "err:unkey:billing:card_declined".parse().unwrap();
/// assert_eq!(newer.known(), None);
/// assert_eq!(newer.to_string(), "err:unkey:billing:card_declined");
///
/// // A string that is no code at all is still an error.
/// assert!("unkey billing".parse::<AnyCode>().is_err());
///
/// // Handle the codes you know and keep a general path for the rest.
/// fn retry(code: &AnyCode) -> bool {
///     match code.known() {
///         Some(Code::UnkeyApplicationServiceUnavailable) => true,
///         Some(_) => false,
///         // Unknown codes: fall back on what the response's status says.
///         None => false,
///     }
/// }
/// assert!(!retry(&newer));
/// ```
///
/// It serializes as the URN string and deserializes from it, so it can replace a code field
/// in a client's own types:
///
/// ```
/// use unkey_errors::AnyCode;
///
/// #[derive(serde::Deserialize)]
/// struct AuditEntry {
///     code: AnyCode,
/// }
///
/// let entry: AuditEntry = serde_json::from_str(r#"{"code": "err:unkey:billing:card_declined"}"#).unwrap();
/// assert_eq!(entry.code.as_str(), "err:unkey:billing:card_declined");
/// ```
///
/// The two cases are the whole definition, so a `match` on `AnyCode` needs no wildcard arm;
/// it is [`Code`] inside `Known` that grows.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum AnyCode<C = Code> {
    /// A code of the catalogue `C`.
    Known(C),
    /// A well-formed code that `C` does not have.
    Unknown(UnknownCode<C>),
}

/// A well-formed code that the catalogue `C` does not have, such as one added by a newer
/// release of the server.
///
/// It is only made by parsing an [`AnyCode`] (from a URN, a docs URL or a serialized code),
/// so it always holds a URN of the form `err:<system>:<category>:<specific>` that is none of
/// `C`'s codes.
///
/// ```
/// use unkey_errors::AnyCode;
///
/// let code: AnyCode = "err:unkey:billing:card_declined".parse().unwrap();
/// let AnyCode::Unknown(unknown) = &code else { unreachable!() };
/// assert_eq!(unknown.as_str(), "err:unkey:billing:card_declined");
/// assert_eq!((unknown.system(), unknown.category(), unknown.specific()), ("unkey", "billing", "card_declined"));
/// ```
pub struct UnknownCode<C = Code> {
    urn: Box<str>,
    /// Ties the value to the catalogue it is unknown to: an `UnknownCode` of one catalogue
    /// cannot be put into an `AnyCode` of another, where it might be known. `fn() -> C`
    /// keeps the type `Send` and `Sync` whatever `C` is.
    catalogue: PhantomData<fn() -> C>,
}

impl<C> UnknownCode<C> {
    /// A URN already checked to be well formed and not a code of `C`.
    fn new(urn: Box<str>) -> Self {
        UnknownCode {
            urn,
            catalogue: PhantomData,
        }
    }

    /// The URN, e.g. `err:unkey:billing:card_declined`.
    pub fn as_str(&self) -> &str {
        &self.urn
    }

    /// The URN's parts after `err:`. The URN was checked when this value was made, so there
    /// are always three.
    fn parts(&self) -> (&str, &str, &str) {
        let mut parts = self.urn.splitn(4, ':').skip(1);
        let mut next = || parts.next().unwrap_or_default();
        (next(), next(), next())
    }

    /// The system part, e.g. `unkey` in `err:unkey:billing:card_declined`.
    pub fn system(&self) -> &str {
        self.parts().0
    }

    /// The category part, e.g. `billing` in `err:unkey:billing:card_declined`. A client may
    /// group an unknown code with the known codes of its category.
    pub fn category(&self) -> &str {
        self.parts().1
    }

    /// The specific part, e.g. `card_declined` in `err:unkey:billing:card_declined`.
    pub fn specific(&self) -> &str {
        self.parts().2
    }
}

// Written by hand: derives would require `C` itself to implement each trait, and `Debug`
// would print the marker.
impl<C> Clone for UnknownCode<C> {
    fn clone(&self) -> Self {
        UnknownCode::new(self.urn.clone())
    }
}

impl<C> PartialEq for UnknownCode<C> {
    fn eq(&self, other: &Self) -> bool {
        self.urn == other.urn
    }
}

impl<C> Eq for UnknownCode<C> {}

impl<C> Hash for UnknownCode<C> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.urn.hash(state);
    }
}

impl<C> fmt::Debug for UnknownCode<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("UnknownCode").field(&self.urn).finish()
    }
}

/// Prints the URN.
impl<C> fmt::Display for UnknownCode<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.urn)
    }
}

/// Codes order by their URN, as the catalogue's own `Code` does, whether this build knows them
/// or not: a sorted list of codes read from a newer server is sorted as the server's is.
///
/// ```
/// use unkey_errors::{AnyCode, codes};
///
/// let mut read: Vec<AnyCode> = vec![
///     "err:unkey:data:widget_gone".parse().unwrap(),
///     AnyCode::Known(codes::unkey::authorization::FORBIDDEN),
/// ];
/// read.sort();
/// assert_eq!(read[0].as_str(), "err:unkey:authorization:forbidden");
/// ```
impl<C: ErrorCode> Ord for AnyCode<C> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl<C: ErrorCode> PartialOrd for AnyCode<C> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Unknown codes order by their URN.
impl<C> Ord for UnknownCode<C> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.urn.cmp(&other.urn)
    }
}

impl<C> PartialOrd for UnknownCode<C> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<C: ErrorCode> AnyCode<C> {
    /// The URN, e.g. `err:unkey:authorization:forbidden`.
    pub fn as_str(&self) -> &str {
        match self {
            AnyCode::Known(code) => code.as_str(),
            AnyCode::Unknown(unknown) => unknown.as_str(),
        }
    }

    /// The code, if this build's catalogue has it.
    pub fn known(&self) -> Option<C> {
        match self {
            AnyCode::Known(code) => Some(*code),
            AnyCode::Unknown(_) => None,
        }
    }

    /// Parses a URN: a code of `C` gives `Known`, any other well-formed URN `Unknown`.
    fn parse(urn: &str) -> Result<Self, ParseAnyCodeError> {
        check_urn(urn).map_err(|problem| ParseAnyCodeError {
            input: urn.into(),
            problem,
        })?;
        Ok(Self::from_well_formed(urn))
    }

    /// The code for a URN already checked to be well formed.
    fn from_well_formed(urn: &str) -> Self {
        match urn.parse::<C>() {
            Ok(code) => AnyCode::Known(code),
            Err(_) => AnyCode::Unknown(UnknownCode::new(urn.into())),
        }
    }

    /// The code whose docs page is at `url`, for reading a response's `type`.
    ///
    /// A URL is read as `<base>/<system>/<category>/<specific>`, where `<base>` is the docs
    /// base URL of the catalogue `C` (every code of a catalogue shares it):
    ///
    /// - the docs URL of a code of `C` gives `Known`;
    /// - a URL with the same base whose last three segments form a well-formed code that `C`
    ///   does not have gives `Unknown`, holding `err:<system>:<category>:<specific>`;
    /// - anything else gives `None`: another base (another catalogue, or a page that is not an
    ///   error's), a query, fragment or trailing `/`, a malformed part, or a catalogue with
    ///   no codes, whose base is unknown.
    ///
    /// ```
    /// use unkey_errors::{codes, AnyCode};
    ///
    /// let forbidden = codes::unkey::authorization::FORBIDDEN;
    /// assert_eq!(AnyCode::from_docs_url(forbidden.docs_url()), Some(AnyCode::Known(forbidden)));
    ///
    /// let newer = AnyCode::<unkey_errors::Code>::from_docs_url("https://unkey.com/docs/errors/unkey/billing/card_declined");
    /// assert_eq!(newer.unwrap().as_str(), "err:unkey:billing:card_declined");
    ///
    /// assert_eq!(AnyCode::<unkey_errors::Code>::from_docs_url("https://example.com/errors/unkey/billing/card_declined"), None);
    /// ```
    pub fn from_docs_url(url: &str) -> Option<Self> {
        let (base, urn) = split_docs_url(url)?;
        // Every docs URL of a catalogue is its base, `/`, then the URN's parts joined by `/`,
        // so any one code gives the base.
        let first = C::ALL.first()?;
        let path_len = first.as_str().len().checked_sub("err:".len())?;
        let own_base = first
            .docs_url()
            .len()
            .checked_sub(path_len + 1)
            .and_then(|end| first.docs_url().get(..end))?;
        if base != own_base || check_urn(&urn).is_err() {
            return None;
        }
        match Self::from_well_formed(&urn) {
            // Only the catalogue's own spelling of the URL names a known code.
            AnyCode::Known(code) if code.docs_url() != url => None,
            code => Some(code),
        }
    }
}

impl<C: ErrorCode> From<C> for AnyCode<C> {
    fn from(code: C) -> Self {
        AnyCode::Known(code)
    }
}

/// Prints the URN.
impl<C: ErrorCode> fmt::Display for AnyCode<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Parses a URN: a code of `C` gives `Known`, any other well-formed URN `Unknown`, and only a
/// string that is not of the form `err:<system>:<category>:<specific>` is an error.
impl<C: ErrorCode> FromStr for AnyCode<C> {
    type Err = ParseAnyCodeError;

    fn from_str(urn: &str) -> Result<Self, Self::Err> {
        Self::parse(urn)
    }
}

/// Serializes as the URN string.
impl<C: ErrorCode> serde::Serialize for AnyCode<C> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Deserializes from the URN string; a well-formed URN never fails, a malformed one does.
impl<'de, C: ErrorCode> serde::Deserialize<'de> for AnyCode<C> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct UrnVisitor<C>(PhantomData<fn() -> C>);

        impl<C: ErrorCode> serde::de::Visitor<'_> for UrnVisitor<C> {
            type Value = AnyCode<C>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an error code of the form err:<system>:<category>:<specific>")
            }

            fn visit_str<E: serde::de::Error>(self, urn: &str) -> Result<AnyCode<C>, E> {
                AnyCode::parse(urn).map_err(E::custom)
            }
        }

        deserializer.deserialize_str(UrnVisitor(PhantomData))
    }
}

/// A string that is not of the form `err:<system>:<category>:<specific>`, so not a code of any
/// catalogue.
///
/// ```
/// use unkey_errors::AnyCode;
///
/// let error = "err:unkey:Authorization:forbidden".parse::<AnyCode>().unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "`err:unkey:Authorization:forbidden` is not an error code: its category part \
///      `Authorization` must start with a lowercase ASCII letter and hold only lowercase \
///      ASCII letters, digits and `_`"
/// );
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ParseAnyCodeError {
    input: Box<str>,
    problem: Problem,
}

impl ParseAnyCodeError {
    /// The string that failed to parse.
    pub fn input(&self) -> &str {
        &self.input
    }
}

impl fmt::Display for ParseAnyCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let input = &*self.input;
        write!(f, "`{input}` is not an error code: ")?;
        match self.problem {
            Problem::Form => f.write_str("codes have the form err:<system>:<category>:<specific>"),
            Problem::Part(index) => {
                let part = input.split(':').nth(index + 1).unwrap_or_default();
                let name = ["system", "category", "specific"]
                    .get(index)
                    .copied()
                    .unwrap_or("specific");
                write!(
                    f,
                    "its {name} part `{part}` must start with a lowercase ASCII letter and hold \
                     only lowercase ASCII letters, digits and `_`"
                )
            }
        }
    }
}

impl std::error::Error for ParseAnyCodeError {}

/// What makes a string no code.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Problem {
    /// Not `err:` followed by three `:`-separated parts.
    Form,
    /// The part at this index (0 system, 1 category, 2 specific) has a bad character or is empty.
    Part(usize),
}

/// Checks that `urn` is `err:<system>:<category>:<specific>`, each part a lowercase ASCII
/// letter followed by lowercase letters, digits and `_`: the rule the catalogue's own URNs
/// follow (`unkey_errors_catalogue::Urn::parse`). One pass over the bytes, no allocation.
fn check_urn(urn: &str) -> Result<(), Problem> {
    let rest = urn.strip_prefix("err:").ok_or(Problem::Form)?;
    let mut part = 0;
    let mut at_start = true;
    // A bad part is reported only once the form is known to be right, so that a string with
    // the wrong number of parts gets the message about the form.
    let mut bad_part = None;
    for byte in rest.bytes() {
        match byte {
            b':' => {
                if at_start {
                    bad_part.get_or_insert(part);
                }
                part += 1;
                if part > 2 {
                    return Err(Problem::Form);
                }
                at_start = true;
            }
            b'a'..=b'z' => at_start = false,
            b'0'..=b'9' | b'_' if !at_start => {}
            _ => {
                bad_part.get_or_insert(part);
                at_start = false;
            }
        }
    }
    if part != 2 {
        return Err(Problem::Form);
    }
    if at_start {
        bad_part.get_or_insert(part);
    }
    bad_part.map_or(Ok(()), |part| Err(Problem::Part(part)))
}

/// Splits a docs URL into its base and the URN its last three `/`-separated segments spell:
/// `https://host/docs/errors/a/b/c` gives `https://host/docs/errors` and `err:a:b:c`. The
/// segments are not checked.
pub(crate) fn split_docs_url(url: &str) -> Option<(&str, String)> {
    let (rest, specific) = url.rsplit_once('/')?;
    let (rest, category) = rest.rsplit_once('/')?;
    let (base, system) = rest.rsplit_once('/')?;
    // A `:` in a segment would change how many parts the URN has.
    if [system, category, specific].iter().any(|s| s.contains(':')) {
        return None;
    }
    Some((base, format!("err:{system}:{category}:{specific}")))
}

/// The code of `C` whose docs URL is exactly `url`; what [`ErrorCode::from_docs_url`] returns.
pub(crate) fn code_from_docs_url<C: ErrorCode>(url: &str) -> Option<C> {
    let (_, urn) = split_docs_url(url)?;
    urn.parse::<C>()
        .ok()
        .filter(|code: &C| code.docs_url() == url)
}

#[cfg(test)]
mod tests {
    use super::{Problem, check_urn, split_docs_url};

    #[test]
    fn well_formed_urns_pass() {
        for urn in [
            "err:a:b:c",
            "err:unkey:authorization:forbidden",
            "err:a1:b_2:c__3_",
        ] {
            assert_eq!(check_urn(urn), Ok(()), "{urn}");
        }
    }

    #[test]
    fn each_malformation_names_its_problem() {
        let cases = [
            ("", Problem::Form),
            ("err", Problem::Form),
            ("err:", Problem::Form),
            ("ERR:a:b:c", Problem::Form),
            ("err:a:b", Problem::Form),
            ("err:a:b:c:d", Problem::Form),
            ("err:A:b:c:d", Problem::Form),
            ("err::b:c", Problem::Part(0)),
            ("err:1a:b:c", Problem::Part(0)),
            ("err:_a:b:c", Problem::Part(0)),
            ("err:a::c", Problem::Part(1)),
            ("err:a:B:c", Problem::Part(1)),
            ("err:a:b-x:c", Problem::Part(1)),
            ("err:a:b:", Problem::Part(2)),
            ("err:a:b:c ", Problem::Part(2)),
            ("err:a:b:é", Problem::Part(2)),
            ("err:A:B:c", Problem::Part(0)),
        ];
        for (urn, problem) in cases {
            assert_eq!(check_urn(urn), Err(problem), "{urn:?}");
        }
    }

    #[test]
    fn docs_urls_split_into_base_and_urn() {
        let (base, urn) = split_docs_url("https://x.dev/docs/a/b/c").unwrap();
        assert_eq!((base, urn.as_str()), ("https://x.dev/docs", "err:a:b:c"));
        assert_eq!(split_docs_url("a/b"), None);
        assert_eq!(split_docs_url("https://x.dev/docs/a:b/c/d"), None);
    }
}
