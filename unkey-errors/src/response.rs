//! The JSON body Unkey's API sends with every error.
//!
//! A client may be older than the server it talks to, so reading a body never depends on
//! knowing everything in it: a code this build lacks is still a docs URL in `type` (see
//! [`ErrorResponse::code`]), and with the `serde_json` feature the members a newer server added
//! are kept in each object's `extra` and written back out.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
#[cfg(feature = "serde_json")]
use serde::ser::SerializeMap;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{AnyCode, ErrorCode};

/// The body of an error response:
///
/// ```json
/// {
///   "meta": { "requestId": "req_2c9a0jf23l4k567" },
///   "error": {
///     "detail": "This operation is not allowed",
///     "status": 403,
///     "title": "Forbidden",
///     "type": "https://unkey.com/docs/errors/unkey/authorization/forbidden"
///   }
/// }
/// ```
///
/// Build it from a code so that status, title and type always agree with the catalogue:
///
/// ```
/// use unkey_errors::{codes, ErrorResponse};
///
/// let response = ErrorResponse::new(
///     codes::unkey::authorization::FORBIDDEN,
///     "req_2c9a0jf23l4k567",
///     "This operation is not allowed",
/// );
/// assert_eq!(response.error.status, 403);
/// assert_eq!(response.error.title, "Forbidden");
/// ```
///
/// A client reads the code back with [`code`](Self::code), and can pass the response on as
/// an error with `?`:
///
/// ```
/// use unkey_errors::{codes, AnyCode, Code, ErrorResponse};
///
/// /// A client's call: the API's error body when it fails.
/// fn call_delete_key(body: &str) -> Result<(), ErrorResponse> {
///     Err(serde_json::from_str(body).expect("an error body"))
/// }
///
/// fn delete_key(body: &str) -> Result<(), Box<dyn std::error::Error>> {
///     match call_delete_key(body) {
///         // Already gone: what the caller wanted.
///         Err(response) if response.code::<Code>() == Some(AnyCode::Known(codes::unkey::data::KEY_NOT_FOUND)) => Ok(()),
///         result => Ok(result?),
///     }
/// }
///
/// let gone = ErrorResponse::new(codes::unkey::data::KEY_NOT_FOUND, "req_1", "No such key");
/// assert!(delete_key(&serde_json::to_string(&gone)?).is_ok());
///
/// let forbidden = ErrorResponse::new(
///     codes::unkey::authorization::FORBIDDEN,
///     "req_2c9a0jf23l4k567",
///     "This operation is not allowed",
/// );
/// assert_eq!(
///     delete_key(&serde_json::to_string(&forbidden)?).unwrap_err().to_string(),
///     "403 Forbidden: This operation is not allowed \
///      (https://unkey.com/docs/errors/unkey/authorization/forbidden, request req_2c9a0jf23l4k567)"
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// The response structs are `#[non_exhaustive]`: a release may add members to the envelope
/// without breaking anyone. Build them with [`new`](Self::new) or
/// [`from_facts`](Self::from_facts), or by deserializing.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ErrorResponse {
    /// Facts about the request, for support and tracing.
    pub meta: Meta,
    /// What went wrong.
    pub error: ErrorBody,
    /// Top-level members this version does not know, such as ones a newer server added; see
    /// [`ErrorBody::extra`].
    #[cfg(feature = "serde_json")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The `meta` object of an error response.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Meta {
    /// The id of the request, e.g. `req_2c9a0jf23l4k567`; quote it when contacting support.
    pub request_id: Cow<'static, str>,
    /// Members of `meta` this version does not know; see [`ErrorBody::extra`].
    #[cfg(feature = "serde_json")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The `error` object of an error response, in the shape of RFC 9457 problem details.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ErrorBody {
    /// A message about this occurrence of the error, for the API's caller.
    pub detail: Cow<'static, str>,
    /// The HTTP status, repeated in the body.
    pub status: u16,
    /// The catalogue's title for the code.
    pub title: Cow<'static, str>,
    /// The code's docs URL, which identifies the error (serialized as `type`).
    pub type_url: Cow<'static, str>,
    /// For codes whose catalogue entry sets `errors_array`: each problem found with the request,
    /// possibly none. Absent for all other codes.
    pub errors: Option<Vec<ValidationError>>,
    /// Members of `error` this version does not know, such as RFC 9457's `instance` or
    /// members a newer server added, in the order they came. Deserializing keeps them and
    /// serializing writes them after the known members, so a body passed along loses nothing.
    /// An entry named like a known member (`detail`, `type`, …) is not written: the typed
    /// field is the member.
    ///
    /// Only with the `serde_json` feature (which `axum` turns on); without it, unknown members
    /// are skipped when reading.
    ///
    /// ```
    /// use unkey_errors::ErrorResponse;
    ///
    /// let text = r#"{"meta":{"requestId":"req_1"},"error":{"detail":"d","status":403,"title":"Forbidden","type":"https://unkey.com/docs/errors/unkey/authorization/forbidden","instance":"/v2/keys.deleteKey"}}"#;
    /// let response: ErrorResponse = serde_json::from_str(text).unwrap();
    /// assert_eq!(response.error.extra["instance"], "/v2/keys.deleteKey");
    /// assert_eq!(serde_json::to_string(&response).unwrap(), text);
    /// ```
    #[cfg(feature = "serde_json")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The members of a JSON object that this version does not know.
#[cfg(feature = "serde_json")]
type Extra = serde_json::Map<String, serde_json::Value>;

/// What a response needs to know about its code; see [`ErrorResponse::from_facts`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeFacts {
    /// The HTTP status.
    pub status: u16,
    /// The catalogue's title.
    pub title: Cow<'static, str>,
    /// The docs URL, which becomes the response's `type`.
    pub docs_url: Cow<'static, str>,
    /// Whether the body carries an `errors` array.
    pub has_errors_array: bool,
}

/// One problem with a request, listed in the `errors` array of a bad-request response.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ValidationError {
    /// Where in the request the problem is, e.g. `body.apiId`.
    pub location: Cow<'static, str>,
    /// What is wrong there.
    pub message: Cow<'static, str>,
    /// How to fix it, when there is a clear fix.
    pub fix: Option<Cow<'static, str>>,
    /// Members of the problem this version does not know; see [`ErrorBody::extra`].
    #[cfg(feature = "serde_json")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl ErrorResponse {
    /// The response for `code`: status, title and type come from the catalogue.
    ///
    /// For a code whose entry sets `errors_array`, the body carries an `errors` array, empty
    /// until [`with_error`](Self::with_error) adds to it.
    #[must_use]
    pub fn new<C: ErrorCode>(
        code: C,
        request_id: impl Into<Cow<'static, str>>,
        detail: impl Into<Cow<'static, str>>,
    ) -> Self {
        let facts = CodeFacts {
            status: code.status(),
            title: Cow::Borrowed(code.title()),
            docs_url: Cow::Borrowed(code.docs_url()),
            has_errors_array: code.has_errors_array(),
        };
        Self::from_facts(facts, request_id, detail)
    }

    /// The response for a code known only by its facts, as tools that read a catalogue file
    /// (rather than a generated code type) have it. [`new`](Self::new) builds through this too,
    /// so the docs' examples and the API's bodies cannot differ in shape.
    #[must_use]
    pub fn from_facts(
        facts: CodeFacts,
        request_id: impl Into<Cow<'static, str>>,
        detail: impl Into<Cow<'static, str>>,
    ) -> Self {
        ErrorResponse {
            meta: Meta {
                request_id: request_id.into(),
                #[cfg(feature = "serde_json")]
                extra: Extra::new(),
            },
            error: ErrorBody {
                detail: detail.into(),
                status: facts.status,
                title: facts.title,
                type_url: facts.docs_url,
                errors: facts.has_errors_array.then(Vec::new),
                #[cfg(feature = "serde_json")]
                extra: Extra::new(),
            },
            #[cfg(feature = "serde_json")]
            extra: Extra::new(),
        }
    }

    /// Adds one problem to the `errors` array (creating the array if the code has none).
    ///
    /// ```
    /// use unkey_errors::{codes, ErrorResponse, ValidationError};
    ///
    /// let response = ErrorResponse::new(codes::unkey::application::INVALID_INPUT, "req_1", "The request is invalid")
    ///     .with_error(ValidationError::new("body.apiId", "must not be empty").with_fix("send the id of an API"));
    /// assert_eq!(response.error.errors.unwrap()[0].location, "body.apiId");
    /// ```
    #[must_use]
    pub fn with_error(mut self, error: ValidationError) -> Self {
        self.error.errors.get_or_insert_with(Vec::new).push(error);
        self
    }

    /// The response's code in the catalogue `C`, read from its `type` URL: `Known` for a code
    /// of `C`, `Unknown` (keeping the URN) for a code of the same docs site that this build
    /// lacks, such as one a newer server added, and `None` when `type` is not a docs URL of
    /// `C`'s site. The rule is [`AnyCode::from_docs_url`]'s.
    ///
    /// ```
    /// use unkey_errors::{codes, AnyCode, Code, ErrorResponse};
    ///
    /// let response = ErrorResponse::new(codes::unkey::data::KEY_NOT_FOUND, "req_1", "No such key");
    /// assert_eq!(response.code::<Code>(), Some(AnyCode::Known(codes::unkey::data::KEY_NOT_FOUND)));
    /// ```
    pub fn code<C: ErrorCode>(&self) -> Option<AnyCode<C>> {
        AnyCode::from_docs_url(&self.error.type_url)
    }
}

/// One line for logs and error chains:
/// `403 Forbidden: This operation is not allowed (https://unkey.com/docs/errors/unkey/authorization/forbidden, request req_2c9a0jf23l4k567)`.
/// The docs URL says where to read about the error; the request id is what support asks for.
impl fmt::Display for ErrorResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ErrorBody {
            detail,
            status,
            title,
            type_url,
            ..
        } = &self.error;
        write!(
            f,
            "{status} {title}: {detail} ({type_url}, request {})",
            self.meta.request_id
        )
    }
}

/// So that a client can return a response it received as an error, e.g. with `?` into a
/// `Box<dyn Error>`.
impl std::error::Error for ErrorResponse {}

impl ValidationError {
    /// A problem at `location`, without a fix.
    #[must_use]
    pub fn new(
        location: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        ValidationError {
            location: location.into(),
            message: message.into(),
            fix: None,
            #[cfg(feature = "serde_json")]
            extra: Extra::new(),
        }
    }

    /// The same problem, with how to fix it.
    #[must_use]
    pub fn with_fix(mut self, fix: impl Into<Cow<'static, str>>) -> Self {
        self.fix = Some(fix.into());
        self
    }
}

/// The JSON of an API error body built from its parts, as [`ErrorResponse::new`] with
/// [`ErrorResponse::with_error`] for each of `errors` would serialize, without building it: the
/// parts are borrowed, so the body's buffer is the one allocation. The buffer is sized for a
/// body that needs no escaping, so such a body fills it exactly and becomes the response's
/// bytes without another allocation.
#[cfg(feature = "axum")]
pub(crate) fn write_body<C: ErrorCode>(
    request_id: &str,
    detail: &str,
    code: C,
    errors: &[ValidationError],
) -> serde_json::Result<Vec<u8>> {
    let body = BorrowedBody {
        meta: BorrowedMeta { request_id },
        error: BorrowedError {
            detail,
            status: code.status(),
            title: code.title(),
            type_url: code.docs_url(),
            errors: (code.has_errors_array() || !errors.is_empty()).then_some(errors),
        },
    };
    write_json(&body, body_len(request_id, &body.error))
}

/// The JSON of `response`, in a buffer sized as [`write_body`]'s.
#[cfg(feature = "axum")]
pub(crate) fn write_response(response: &ErrorResponse) -> serde_json::Result<Vec<u8>> {
    let error = &response.error;
    let borrowed = BorrowedError {
        detail: &error.detail,
        status: error.status,
        title: &error.title,
        type_url: &error.type_url,
        errors: error.errors.as_deref(),
    };
    write_json(response, body_len(&response.meta.request_id, &borrowed))
}

#[cfg(feature = "axum")]
fn write_json(value: &impl Serialize, len: usize) -> serde_json::Result<Vec<u8>> {
    let mut buffer = Vec::with_capacity(len);
    serde_json::to_writer(&mut buffer, value)?;
    Ok(buffer)
}

/// The length of a body's JSON when nothing in it needs escaping, not counting members a
/// newer server added (a body with those grows its buffer once).
#[cfg(feature = "axum")]
fn body_len(request_id: &str, error: &BorrowedError<'_>) -> usize {
    const SKELETON: &str =
        r#"{"meta":{"requestId":""},"error":{"detail":"","status":,"title":"","type":""}}"#;
    let digits = error.status.checked_ilog10().unwrap_or(0) as usize + 1;
    let errors = error.errors.map_or(0, |errors| {
        // `,"errors":[` `]`, a comma between problems, and each problem's members.
        let problems: usize = errors
            .iter()
            .map(|e| {
                r#"{"location":"","message":""}"#.len()
                    + e.location.len()
                    + e.message.len()
                    + e.fix
                        .as_ref()
                        .map_or(0, |fix| r#","fix":"""#.len() + fix.len())
            })
            .sum();
        r#","errors":[]"#.len() + errors.len().saturating_sub(1) + problems
    });
    SKELETON.len()
        + request_id.len()
        + error.detail.len()
        + digits
        + error.title.len()
        + error.type_url.len()
        + errors
}

/// An [`ErrorResponse`] without members of its own, borrowing every part: serializes as the
/// response does, member for member.
#[cfg(feature = "axum")]
#[derive(Serialize)]
struct BorrowedBody<'a> {
    meta: BorrowedMeta<'a>,
    error: BorrowedError<'a>,
}

#[cfg(feature = "axum")]
#[derive(Serialize)]
struct BorrowedMeta<'a> {
    #[serde(rename = "requestId")]
    request_id: &'a str,
}

#[cfg(feature = "axum")]
#[derive(Serialize)]
struct BorrowedError<'a> {
    detail: &'a str,
    status: u16,
    title: &'a str,
    #[serde(rename = "type")]
    type_url: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<&'a [ValidationError]>,
}

/// A key of a wire object: the index of a known member, or another member's name.
enum Key {
    Known(usize),
    #[cfg(feature = "serde_json")]
    Unknown(String),
    #[cfg(not(feature = "serde_json"))]
    Unknown,
}

/// Reads a key, comparing it against the known member names without allocating; only an
/// unknown name that will be kept is copied.
struct KeySeed(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Key, E> {
        Ok(match self.0.iter().position(|known| *known == name) {
            Some(index) => Key::Known(index),
            #[cfg(feature = "serde_json")]
            None => Key::Unknown(name.to_owned()),
            #[cfg(not(feature = "serde_json"))]
            None => Key::Unknown,
        })
    }
}

/// `Serialize` and `Deserialize` for a wire object, written out rather than derived because a
/// derive with `#[serde(flatten)]` (the way to keep unknown members) serializes through a map
/// adapter and deserializes by buffering every member first.
///
/// Known members are listed with their position in the object; required ones must be present
/// once, optional ones (`Option` fields) may be absent or `null` and are not written when
/// `None`. With the `serde_json` feature, other members go to `extra`; without it they are
/// skipped. An object without extra members serializes as the derive did, as a struct.
macro_rules! wire_object {
    (
        $ty:ident, $expecting:literal,
        required { $($index:literal => $field:ident: $field_ty:ty = $name:literal,)* }
        optional { $($opt_index:literal => $opt:ident: $opt_ty:ty = $opt_name:literal,)* }
    ) => {
        impl $ty {
            /// The members this version knows, in the order they are written.
            const MEMBERS: &'static [&'static str] = &[$($name,)* $($opt_name,)*];
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let len = [$($name),*].len() $(+ usize::from(self.$opt.is_some()))*;
                #[cfg(feature = "serde_json")]
                if !self.extra.is_empty() {
                    let extra = || {
                        self.extra
                            .iter()
                            .filter(|(name, _)| !Self::MEMBERS.contains(&name.as_str()))
                    };
                    let mut map = serializer.serialize_map(Some(len + extra().count()))?;
                    $(map.serialize_entry($name, &self.$field)?;)*
                    $(
                        if let Some(value) = &self.$opt {
                            map.serialize_entry($opt_name, value)?;
                        }
                    )*
                    for (name, value) in extra() {
                        map.serialize_entry(name, value)?;
                    }
                    return map.end();
                }
                let mut object = serializer.serialize_struct(stringify!($ty), len)?;
                $(object.serialize_field($name, &self.$field)?;)*
                $(
                    match &self.$opt {
                        Some(value) => object.serialize_field($opt_name, value)?,
                        None => object.skip_field($opt_name)?,
                    }
                )*
                object.end()
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct ObjectVisitor;

                impl<'de> Visitor<'de> for ObjectVisitor {
                    type Value = $ty;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }

                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$ty, A::Error> {
                        $(let mut $field: Option<$field_ty> = None;)*
                        $(let mut $opt: Option<$opt_ty> = None;)*
                        #[cfg(feature = "serde_json")]
                        let mut extra = Extra::new();
                        while let Some(key) = map.next_key_seed(KeySeed($ty::MEMBERS))? {
                            match key {
                                $(
                                    Key::Known($index) => {
                                        if $field.is_some() {
                                            return Err(de::Error::duplicate_field($name));
                                        }
                                        $field = Some(map.next_value()?);
                                    }
                                )*
                                $(
                                    Key::Known($opt_index) => {
                                        if $opt.is_some() {
                                            return Err(de::Error::duplicate_field($opt_name));
                                        }
                                        $opt = Some(map.next_value()?);
                                    }
                                )*
                                #[cfg(feature = "serde_json")]
                                Key::Unknown(name) => {
                                    extra.insert(name, map.next_value()?);
                                }
                                #[cfg(not(feature = "serde_json"))]
                                Key::Unknown => {
                                    map.next_value::<de::IgnoredAny>()?;
                                }
                                // `KeySeed` gives no other index; skipping is still no panic.
                                Key::Known(_) => {
                                    map.next_value::<de::IgnoredAny>()?;
                                }
                            }
                        }
                        Ok($ty {
                            $($field: $field.ok_or_else(|| de::Error::missing_field($name))?,)*
                            $($opt: $opt.flatten(),)*
                            #[cfg(feature = "serde_json")]
                            extra,
                        })
                    }
                }

                deserializer.deserialize_map(ObjectVisitor)
            }
        }
    };
}

wire_object! {
    ErrorResponse, "an error response object with `meta` and `error`",
    required {
        0 => meta: Meta = "meta",
        1 => error: ErrorBody = "error",
    }
    optional {}
}

wire_object! {
    Meta, "the `meta` object of an error response",
    required {
        0 => request_id: Cow<'static, str> = "requestId",
    }
    optional {}
}

wire_object! {
    ErrorBody, "the `error` object of an error response",
    required {
        0 => detail: Cow<'static, str> = "detail",
        1 => status: u16 = "status",
        2 => title: Cow<'static, str> = "title",
        3 => type_url: Cow<'static, str> = "type",
    }
    optional {
        4 => errors: Option<Vec<ValidationError>> = "errors",
    }
}

wire_object! {
    ValidationError, "a validation error object",
    required {
        0 => location: Cow<'static, str> = "location",
        1 => message: Cow<'static, str> = "message",
    }
    optional {
        2 => fix: Option<Cow<'static, str>> = "fix",
    }
}

#[cfg(test)]
mod tests {
    use super::ErrorResponse;
    use crate::codes;

    /// A body with a member in each object that this version does not know.
    const NEWER: &str = r#"{"meta":{"requestId":"req_1","region":"eu"},"error":{"detail":"d","status":400,"title":"Bad Request","type":"https://unkey.com/docs/errors/unkey/application/invalid_input","errors":[{"location":"body","message":"m","fix":"f","code":7}],"instance":"/v2"},"links":[]}"#;

    #[test]
    fn unknown_members_never_stop_a_body_from_reading() {
        let response: ErrorResponse = serde_json::from_str(NEWER).unwrap();
        assert_eq!(response.meta.request_id, "req_1");
        assert_eq!(
            response.error.errors.as_ref().unwrap()[0].fix.as_deref(),
            Some("f")
        );
    }

    #[cfg(feature = "serde_json")]
    #[test]
    fn with_serde_json_unknown_members_are_kept_and_written_back() {
        let response: ErrorResponse = serde_json::from_str(NEWER).unwrap();
        assert_eq!(response.extra["links"], serde_json::json!([]));
        let back: serde_json::Value = serde_json::to_value(&response).unwrap();
        assert_eq!(
            back,
            serde_json::from_str::<serde_json::Value>(NEWER).unwrap()
        );
    }

    #[cfg(not(feature = "serde_json"))]
    #[test]
    fn without_serde_json_unknown_members_are_dropped() {
        let response: ErrorResponse = serde_json::from_str(NEWER).unwrap();
        let text = serde_json::to_string(&response).unwrap();
        for member in ["region", "instance", "links", "\"code\""] {
            assert!(!text.contains(member), "{member} in {text}");
        }
    }

    /// The borrowed body the axum responses write is byte for byte the response's own JSON,
    /// and fills its buffer exactly when nothing needs escaping.
    #[cfg(feature = "axum")]
    #[test]
    fn a_body_written_from_its_parts_is_the_responses_json() {
        use crate::ValidationError;

        let problems = [
            ValidationError::new("body.apiId", "must not be empty").with_fix("send an id"),
            ValidationError::new("body.name", "must be a string"),
        ];
        let cases: [(crate::Code, &str, &[ValidationError]); 5] = [
            (
                codes::unkey::authentication::KEY_NOT_FOUND,
                "The key was not found.",
                &[],
            ),
            (codes::unkey::application::UNEXPECTED_ERROR, "x", &[]),
            (codes::unkey::application::INVALID_INPUT, "invalid", &[]),
            (
                codes::unkey::application::INVALID_INPUT,
                "invalid",
                &problems,
            ),
            (
                codes::unkey::authorization::FORBIDDEN,
                "with \"quotes\"\n",
                &problems[..1],
            ),
        ];
        for (code, detail, errors) in cases {
            let mut built = ErrorResponse::new(code, "req_1", detail.to_owned());
            for problem in errors {
                built = built.with_error(problem.clone());
            }
            let expected = serde_json::to_vec(&built).unwrap();
            let written = super::write_body("req_1", detail, code, errors).unwrap();
            assert_eq!(
                String::from_utf8(written.clone()).unwrap(),
                String::from_utf8(expected.clone()).unwrap(),
                "{}",
                code.as_str()
            );
            assert_eq!(super::write_response(&built).unwrap(), expected);
            if !detail.contains('"') {
                assert_eq!(written.len(), written.capacity(), "{}", code.as_str());
            }
        }
    }

    #[test]
    fn a_built_response_serializes_exactly_as_before() {
        let response = ErrorResponse::new(codes::unkey::authorization::FORBIDDEN, "req_1", "d");
        assert_eq!(
            serde_json::to_string(&response).unwrap(),
            r#"{"meta":{"requestId":"req_1"},"error":{"detail":"d","status":403,"title":"Forbidden","type":"https://unkey.com/docs/errors/unkey/authorization/forbidden"}}"#
        );
    }
}
