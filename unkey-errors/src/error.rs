//! The trait a service's own error types implement, usually through `#[derive(UnkeyError)]`.

use std::borrow::Cow;
use std::fmt;

use crate::{ErrorCode, ErrorResponse, Surface, ValidationError};

/// An error that maps onto a catalogue code, and so onto an HTTP status, a title, a docs page
/// and the response body the API sends.
///
/// Derive it on an enum (each variant names its code) or a struct (one code for the type), next
/// to `thiserror::Error`, which supplies the `Display` text:
///
/// ```
/// use unkey_errors::UnkeyError;
///
/// #[derive(Debug, thiserror::Error, UnkeyError)]
/// pub enum KeyError {
///     #[error("root keys cannot be deleted")]
///     #[unkey(code = "err:unkey:authorization:forbidden")]
///     Forbidden,
///     #[error("api {api_id} does not exist")]
///     #[unkey(code = "err:unkey:data:api_not_found", detail = "The API {api_id} was not found.")]
///     ApiNotFound { api_id: String },
///     #[error("database failure")]
///     #[unkey(code = "err:unkey:application:unexpected_error")]
///     Database(#[source] std::io::Error),
/// }
///
/// let error = KeyError::ApiNotFound { api_id: "api_123".into() };
/// assert_eq!(error.status(), 404);
/// assert_eq!(error.detail(), "The API api_123 was not found.");
///
/// // Server errors never leak their internal message: the public detail is the catalogue's.
/// let error = KeyError::Database(std::io::Error::other("connection refused at 10.0.0.7"));
/// let body = serde_json::to_string(&error.to_response("req_1")).unwrap();
/// assert!(!body.contains("10.0.0.7"));
/// ```
///
/// Every `code = "…"` is checked against the catalogue when the crate compiles: a misspelled
/// code is a compile error on the string, suggesting the closest codes, and so is a code the
/// type's surface never sends, or an `#[unkey(errors)]` field on a code whose body has no
/// `errors` array; a deprecated code warns there. A variant adds response headers with
/// `header = "name: value"` ([`headers`](Self::headers)), and a type that writes its own
/// `IntoResponse` or `IntoResponses` says `#[unkey(skip(IntoResponse, IntoResponses))]`; see
/// the [derive's documentation](derive@crate::UnkeyError) for every attribute.
pub trait UnkeyError: fmt::Display {
    /// The code type of the catalogue the error's codes come from: [`Code`](crate::Code) for Unkey's.
    type Code: ErrorCode;

    /// The catalogue code of this error.
    fn code(&self) -> Self::Code;

    /// The message for the API's caller, the response's `detail`.
    ///
    /// Derived: the variant's `detail` template when it has one. Otherwise, for a client error
    /// (4xx), the error's `Display` text; for a server error (5xx), the catalogue's description
    /// of the code, because the `Display` text and sources of a server error describe internals
    /// the caller must not see.
    fn detail(&self) -> Cow<'_, str> {
        public_detail(self)
    }

    /// The problems with the request, for codes whose response carries an `errors` array.
    ///
    /// Derived: the field marked `#[unkey(errors)]`, if the variant has one.
    fn validation_errors(&self) -> &[ValidationError] {
        &[]
    }

    /// The response headers the error adds, as `(name, value)` pairs in order: a `Retry-After`
    /// on a 429 or 503, a `WWW-Authenticate` on a 401. Names are lowercase; a name may repeat
    /// (each pair is one header line). The axum integration adds them to the error's response;
    /// a service on another framework adds them itself.
    ///
    /// Derived: each `#[unkey(header = "name: value")]` of the variant, the value's `{field}`
    /// placeholders formatted as in `detail`; none for a variant without one.
    ///
    /// ```
    /// use unkey_errors::UnkeyError;
    ///
    /// #[derive(Debug, thiserror::Error, UnkeyError)]
    /// pub enum CallError {
    ///     #[error("workspace over its limit for {seconds}s")]
    ///     #[unkey(
    ///         code = "err:user:too_many_requests:workspace_rate_limited",
    ///         header = "retry-after: {seconds}"
    ///     )]
    ///     Limited { seconds: u64 },
    ///     #[error("no such root key")]
    ///     #[unkey(
    ///         code = "err:unkey:authentication:key_not_found",
    ///         header = "www-authenticate: Bearer realm=\"unkey\""
    ///     )]
    ///     UnknownKey,
    /// }
    ///
    /// assert_eq!(CallError::Limited { seconds: 30 }.headers(), [("retry-after", "30".into())]);
    /// assert_eq!(
    ///     CallError::UnknownKey.headers(),
    ///     [("www-authenticate", r#"Bearer realm="unkey""#.into())]
    /// );
    /// ```
    ///
    /// A value must be a valid HTTP field value: visible ASCII, spaces and tabs. The derive
    /// checks what it can see (names, and the text of a value around its placeholders); a
    /// field whose text has a control character (a line break) makes a value no HTTP response
    /// can carry, which the axum integration leaves out (and logs, with the `tracing` feature).
    fn headers(&self) -> Vec<(&'static str, Cow<'static, str>)> {
        Vec::new()
    }

    /// The system that answers with this error, and so the shape of its response.
    ///
    /// Derived: [`Surface::Api`], or [`Surface::Gateway`] for a type marked
    /// `#[unkey(surface = "gateway")]`.
    fn surface(&self) -> Surface {
        Surface::Api
    }

    /// The HTTP status the error answers with on its [`surface`](Self::surface): its code's
    /// status on the API, its code's gateway status on the gateway (500 for a code the gateway
    /// never sends).
    fn status(&self) -> u16 {
        let code = self.code();
        match self.surface() {
            Surface::Gateway => code
                .gateway_status()
                .unwrap_or(crate::gateway::UNSENT_STATUS),
            _ => code.status(),
        }
    }

    /// The HTTP status the error answers with, as an [`http::StatusCode`].
    #[cfg(feature = "http")]
    fn http_status(&self) -> http::StatusCode {
        http::StatusCode::from_u16(self.status()).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The title of the error's code on its [`surface`](Self::surface): the catalogue's title on
    /// the API, the gateway's title on the gateway.
    fn title(&self) -> &'static str {
        let code = self.code();
        match (self.surface(), code.gateway_status(), code.gateway_title()) {
            (Surface::Gateway, Some(_), Some(title)) => title,
            (Surface::Gateway, _, _) => crate::gateway::UNSENT_TITLE,
            _ => code.title(),
        }
    }

    /// The docs page of the error's code.
    fn docs_url(&self) -> &'static str {
        self.code().docs_url()
    }

    /// Whether the error is the server's fault (a 5xx [`status`](Self::status) on its
    /// surface), and so its internals are hidden.
    fn is_server_error(&self) -> bool {
        self.status() >= 500
    }

    /// The API's response body for this error, for the request `request_id`: the envelope
    /// with the code's API status and title. (An error raised on the gateway answers with
    /// [`GatewayResponse::for_error`](crate::GatewayResponse::for_error) instead.)
    ///
    /// The body owns its text, so `request_id` and a detail made for this error are copied
    /// into it; a detail that is the catalogue's description (a server error's) is not.
    fn to_response(&self, request_id: &str) -> ErrorResponse {
        let code = self.code();
        let description = code.description();
        let detail: Cow<'static, str> = match self.detail() {
            // The description is static: borrow it for as long as the body lives.
            Cow::Borrowed(detail) if std::ptr::eq(detail, description) => {
                Cow::Borrowed(description)
            }
            detail => Cow::Owned(detail.into_owned()),
        };
        let mut response = ErrorResponse::new(code, request_id.to_owned(), detail);
        let errors = self.validation_errors();
        if !errors.is_empty() {
            let array = response.error.errors.get_or_insert_with(Vec::new);
            array.extend_from_slice(errors);
        }
        response
    }
}

/// The detail of an error without a `detail` template: its `Display` text for a client error,
/// the code's description for a server error. Whether it is a server error is decided by its
/// status on its own surface ([`UnkeyError::is_server_error`]), so a code that is a 4xx on the
/// API but a 5xx on the gateway never sends its text from the gateway.
pub fn public_detail<E: UnkeyError + ?Sized>(error: &E) -> Cow<'_, str> {
    let code = error.code();
    if error.is_server_error() {
        Cow::Borrowed(code.description())
    } else {
        Cow::Owned(error.to_string())
    }
}
