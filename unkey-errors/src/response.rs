//! The JSON body Unkey's API sends with every error.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::ErrorCode;

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorResponse {
    /// Facts about the request, for support and tracing.
    pub meta: Meta,
    /// What went wrong.
    pub error: ErrorBody,
}

/// The `meta` object of an error response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The id of the request, e.g. `req_2c9a0jf23l4k567`; quote it when contacting support.
    #[serde(rename = "requestId")]
    pub request_id: Cow<'static, str>,
}

/// The `error` object of an error response, in the shape of RFC 9457 problem details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// A message about this occurrence of the error, for the API's caller.
    pub detail: Cow<'static, str>,
    /// The HTTP status, repeated in the body.
    pub status: u16,
    /// The catalogue's title for the code.
    pub title: Cow<'static, str>,
    /// The code's docs URL, which identifies the error.
    #[serde(rename = "type")]
    pub type_url: Cow<'static, str>,
    /// For codes whose catalogue entry sets `errors_array`: each problem found with the request,
    /// possibly none. Absent for all other codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ValidationError>>,
}

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidationError {
    /// Where in the request the problem is, e.g. `body.apiId`.
    pub location: Cow<'static, str>,
    /// What is wrong there.
    pub message: Cow<'static, str>,
    /// How to fix it, when there is a clear fix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Cow<'static, str>>,
}

impl ErrorResponse {
    /// The response for `code`: status, title and type come from the catalogue.
    ///
    /// For a code whose entry sets `errors_array`, the body carries an `errors` array, empty
    /// until [`with_error`](Self::with_error) adds to it.
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
    pub fn from_facts(
        facts: CodeFacts,
        request_id: impl Into<Cow<'static, str>>,
        detail: impl Into<Cow<'static, str>>,
    ) -> Self {
        ErrorResponse {
            meta: Meta {
                request_id: request_id.into(),
            },
            error: ErrorBody {
                detail: detail.into(),
                status: facts.status,
                title: facts.title,
                type_url: facts.docs_url,
                errors: facts.has_errors_array.then(Vec::new),
            },
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
    pub fn with_error(mut self, error: ValidationError) -> Self {
        self.error.errors.get_or_insert_with(Vec::new).push(error);
        self
    }
}

impl ValidationError {
    /// A problem at `location`, without a fix.
    pub fn new(
        location: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        ValidationError {
            location: location.into(),
            message: message.into(),
            fix: None,
        }
    }

    /// The same problem, with how to fix it.
    pub fn with_fix(mut self, fix: impl Into<Cow<'static, str>>) -> Self {
        self.fix = Some(fix.into());
        self
    }
}
