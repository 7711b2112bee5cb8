//! The JSON body Unkey's API sends with every error.
//!
//! A client may be older than the server it talks to, so reading a body never depends on
//! knowing everything in it: a code this build lacks is still a docs URL in `type` (see
//! [`ErrorResponse::code`]), and with the `serde_json` feature the members a newer server added
//! are kept in each object's `extra` and written back out.

use std::borrow::Cow;
use std::fmt;

use crate::{AnyCode, ErrorCode};

#[cfg(feature = "axum")]
mod fast;
mod wire;

#[cfg(feature = "axum")]
pub(crate) use fast::{write_body, write_gateway_body};

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
pub(crate) type Extra = serde_json::Map<String, serde_json::Value>;

/// What a response needs to know about its code; see [`ErrorResponse::from_facts`].
///
/// `#[non_exhaustive]`: a release may add facts; build it with [`CodeFacts::new`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
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

impl CodeFacts {
    /// The facts of a code known only from a catalogue file: its status, title, docs URL and
    /// whether its body carries an `errors` array.
    #[must_use]
    pub fn new(
        status: u16,
        title: impl Into<Cow<'static, str>>,
        docs_url: impl Into<Cow<'static, str>>,
        has_errors_array: bool,
    ) -> Self {
        CodeFacts {
            status,
            title: title.into(),
            docs_url: docs_url.into(),
            has_errors_array,
        }
    }
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
        let facts = CodeFacts::new(
            code.status(),
            code.title(),
            code.docs_url(),
            code.has_errors_array(),
        );
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
            let written = super::write_body(
                "req_1",
                detail,
                code.status(),
                code.title(),
                code.docs_url(),
                built.error.errors.as_deref(),
            )
            .unwrap();
            assert_eq!(
                String::from_utf8(written.clone()).unwrap(),
                String::from_utf8(expected.clone()).unwrap(),
                "{}",
                code.as_str()
            );
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
