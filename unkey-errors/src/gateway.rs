//! The body the gateway (`frontline`, in front of deployed apps) sends with every error: JSON for
//! programs, an HTML page for browsers (the `html` feature).

use std::borrow::Cow;
#[cfg(feature = "html")]
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::{Code, ErrorCode, UnkeyError};

/// The status the gateway answers a code it never sends with: it has no status of its own for
/// it, and raising it on the gateway is the gateway's fault.
pub(crate) const UNSENT_STATUS: u16 = 500;

/// The title that goes with [`UNSENT_STATUS`].
pub(crate) const UNSENT_TITLE: &str = "Internal Server Error";

/// The message for a code the gateway never sends. The code's own wording would describe an
/// API error that the 500 it is answered with contradicts, so the body says only this.
pub const UNSENT_MESSAGE: &str = "The gateway could not process this request.";

/// The gateway's error body: `{"meta":{"requestId":"req_…"},"error":{"code":"err:…","message":"…"}}`,
/// or, for a browser, the same facts as an HTML page (`to_html`, with the `html` feature).
///
/// Unlike the API's [`ErrorResponse`](crate::ErrorResponse), the body does not repeat the
/// status or title, so the response keeps its code typed: `C` is the catalogue's code type
/// ([`Code`] unless a crate has a catalogue of its own), and the status, the page's title and
/// the docs link all come from it. A code the gateway never sends (`gateway_status()` is
/// `None`) is answered with 500 Internal Server Error and [`UNSENT_MESSAGE`].
///
/// ```
/// use unkey_errors::{codes, GatewayResponse};
///
/// let response = GatewayResponse::new(codes::unkey::authentication::MISSING, "req_2c9a0jf23l4k567");
/// // The gateway's status differs from the API's 400 for this code.
/// assert_eq!(response.status(), 401);
/// assert_eq!(
///     serde_json::to_string(&response).unwrap(),
///     r#"{"meta":{"requestId":"req_2c9a0jf23l4k567"},"error":{"code":"err:unkey:authentication:missing","message":"The request has no Authorization header."}}"#
/// );
/// ```
///
/// A client reads a body back as `GatewayResponse<AnyCode>`, so that a code a newer gateway
/// adds still reads ([`AnyCode::Unknown`](crate::AnyCode::Unknown)); with the `serde_json`
/// feature, members a newer gateway adds are kept in each object's `extra` and written back.
/// A body is a `std::error::Error`, so a client can pass it on with `?`:
///
/// ```
/// use unkey_errors::{AnyCode, GatewayResponse};
///
/// let text = r#"{"meta":{"requestId":"req_1"},"error":{"code":"err:frontline:edge:new_failure","message":"Try later."}}"#;
/// let body: GatewayResponse<AnyCode> = serde_json::from_str(text).unwrap();
/// assert!(body.error.code.known().is_none());
/// assert_eq!(body.to_string(), "err:frontline:edge:new_failure: Try later. (request req_1)");
/// ```
///
/// The structs are `#[non_exhaustive]`: build a body with [`new`](Self::new),
/// [`with_message`](Self::with_message) or [`for_error`](Self::for_error), or by
/// deserializing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GatewayResponse<C = Code> {
    /// Facts about the request, for support and tracing.
    pub meta: GatewayMeta,
    /// What went wrong.
    pub error: GatewayError<C>,
    /// Top-level members this version does not know, such as ones a newer gateway added.
    #[cfg(feature = "serde_json")]
    #[serde(flatten, serialize_with = "unknown::response")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The `meta` object of a gateway error body: `{"requestId":"req_…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GatewayMeta {
    /// The id of the request, e.g. `req_2c9a0jf23l4k567`; quote it when contacting support.
    #[serde(rename = "requestId")]
    pub request_id: Cow<'static, str>,
    /// Members of `meta` this version does not know.
    #[cfg(feature = "serde_json")]
    #[serde(flatten, serialize_with = "unknown::meta")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The `error` object of a gateway error body: `{"code":"err:…","message":"…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GatewayError<C = Code> {
    /// The catalogue code, written as its URN.
    pub code: C,
    /// One public sentence about the error, for the caller.
    pub message: Cow<'static, str>,
    /// Members of `error` this version does not know.
    #[cfg(feature = "serde_json")]
    #[serde(flatten, serialize_with = "unknown::error")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The unknown members of each gateway object, written without any whose name the object
/// writes itself: a hand-built `extra` holding `message` would otherwise write it twice.
/// (Reading never puts a known name there.)
#[cfg(feature = "serde_json")]
mod unknown {
    use serde::Serializer;
    use serde_json::{Map, Value};

    fn without<S: Serializer>(
        extra: &Map<String, Value>,
        known: &[&str],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_map(
            extra
                .iter()
                .filter(|(name, _)| !known.contains(&name.as_str())),
        )
    }

    pub(super) fn response<S: Serializer>(
        extra: &Map<String, Value>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        without(extra, &["meta", "error"], serializer)
    }

    pub(super) fn meta<S: Serializer>(
        extra: &Map<String, Value>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        without(extra, &["requestId"], serializer)
    }

    pub(super) fn error<S: Serializer>(
        extra: &Map<String, Value>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        without(extra, &["code", "message"], serializer)
    }
}

impl<C> GatewayResponse<C> {
    /// The body for `code` with `message`, for codes whose message comes from the error being
    /// raised (`gateway_message()` is `None`), such as a failed OpenAPI validation that says
    /// what did not match. `code` is any code that serializes as its URN: a catalogue's code,
    /// an [`AnyCode`](crate::AnyCode), or the URN itself.
    ///
    /// The message reaches the caller as written: it must be fit for the public.
    ///
    /// ```
    /// use unkey_errors::{codes, GatewayResponse};
    ///
    /// let response = GatewayResponse::with_message(
    ///     codes::frontline::client::OPENAPI_VALIDATION_FAILED,
    ///     "req_1",
    ///     "body.name: must be a string",
    /// );
    /// assert_eq!(response.status(), 400);
    /// assert_eq!(response.error.message, "body.name: must be a string");
    /// ```
    #[must_use]
    pub fn with_message(
        code: C,
        request_id: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        GatewayResponse {
            meta: GatewayMeta {
                request_id: request_id.into(),
                #[cfg(feature = "serde_json")]
                extra: serde_json::Map::new(),
            },
            error: GatewayError {
                code,
                message: message.into(),
                #[cfg(feature = "serde_json")]
                extra: serde_json::Map::new(),
            },
            #[cfg(feature = "serde_json")]
            extra: serde_json::Map::new(),
        }
    }
}

/// One line for logs and error chains: `err:…: <message> (request req_…)`.
impl<C: std::fmt::Display> std::fmt::Display for GatewayResponse<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} (request {})",
            self.error.code, self.error.message, self.meta.request_id
        )
    }
}

/// So that a client can return a body it received as an error, e.g. with `?`.
impl<C: std::fmt::Display + std::fmt::Debug> std::error::Error for GatewayResponse<C> {}

impl<C: ErrorCode> GatewayResponse<C> {
    /// The body for `code` with the catalogue's public message (`gateway_message()`).
    ///
    /// A code whose message comes from the error being raised has no catalogue message; it
    /// gets the code's description, one public sentence from the catalogue. Pass the real
    /// message with [`with_message`](Self::with_message) instead when there is one. A code
    /// the gateway never sends gets [`UNSENT_MESSAGE`].
    ///
    /// ```
    /// use unkey_errors::{codes, ErrorCode, GatewayResponse};
    ///
    /// let code = codes::frontline::client::OPENAPI_VALIDATION_FAILED;
    /// let response = GatewayResponse::new(code, "req_1");
    /// assert_eq!(response.error.message, code.description());
    /// ```
    #[must_use]
    pub fn new(code: C, request_id: impl Into<Cow<'static, str>>) -> Self {
        let message = match (code.gateway_status(), code.gateway_message()) {
            (Some(_), Some(message)) => message,
            (Some(_), None) => code.description(),
            (None, _) => UNSENT_MESSAGE,
        };
        Self::with_message(code, request_id, message)
    }

    /// The body for `error` raised on the gateway: the catalogue's message, or the error's
    /// public [`detail`](UnkeyError::detail) for a code whose message comes from the error.
    /// (For a server error the detail is the code's description: its internals never show.)
    ///
    /// ```
    /// use unkey_errors::{GatewayResponse, UnkeyError};
    ///
    /// #[derive(Debug, thiserror::Error, UnkeyError)]
    /// #[unkey(surface = "gateway")]
    /// enum FrontlineError {
    ///     #[error("{0}")]
    ///     #[unkey(code = "err:frontline:client:openapi_validation_failed")]
    ///     Invalid(String),
    ///     #[error("no Authorization header")]
    ///     #[unkey(code = "err:unkey:authentication:missing")]
    ///     Missing,
    /// }
    ///
    /// let invalid = FrontlineError::Invalid("body.name: must be a string".into());
    /// assert_eq!(GatewayResponse::for_error(&invalid, "req_1").error.message, "body.name: must be a string");
    /// // This code has a fixed public sentence; the error's own text is not used.
    /// let missing = GatewayResponse::for_error(&FrontlineError::Missing, "req_1");
    /// assert_eq!(missing.error.message, "The request has no Authorization header.");
    /// ```
    #[must_use]
    pub fn for_error<E>(error: &E, request_id: impl Into<Cow<'static, str>>) -> Self
    where
        E: UnkeyError<Code = C> + ?Sized,
    {
        let code = error.code();
        match (code.gateway_status(), code.gateway_message()) {
            // The gateway's body is a 5xx, but the error is a client error on its own surface
            // (an API error passed in), so its detail may be its own text: the description.
            (Some(status), None) if status >= 500 && !error.is_server_error() => {
                Self::with_message(code, request_id, code.description())
            }
            (Some(_), None) => Self::with_message(code, request_id, error.detail().into_owned()),
            _ => Self::new(code, request_id),
        }
    }

    /// The HTTP status the gateway answers with: the code's `gateway_status()`, or 500 for a
    /// code the gateway never sends.
    pub fn status(&self) -> u16 {
        self.error.code.gateway_status().unwrap_or(UNSENT_STATUS)
    }

    /// The title of the error page: the code's `gateway_title()`, or "Internal Server Error"
    /// for a code the gateway never sends.
    pub fn title(&self) -> &'static str {
        match self.error.code.gateway_title() {
            Some(title) if self.error.code.gateway_status().is_some() => title,
            _ => UNSENT_TITLE,
        }
    }

    /// The error page a browser gets: a complete, self-contained HTML document (inline styles,
    /// no script, nothing loaded from elsewhere) showing the status, title, message, code, a
    /// link to the code's docs page and the request id, in light or dark to match the reader's
    /// setting. Every value from the response is escaped, so a message or request id holding
    /// markup shows as text.
    ///
    /// ```
    /// use unkey_errors::{codes, GatewayResponse};
    ///
    /// let page = GatewayResponse::with_message(
    ///     codes::frontline::client::OPENAPI_VALIDATION_FAILED,
    ///     "req_1",
    ///     "<script>alert(1)</script>",
    /// )
    /// .to_html();
    /// assert!(page.starts_with("<!doctype html>"));
    /// assert!(page.contains("<title>400 Bad Request</title>"));
    /// assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    /// assert!(!page.contains("<script"));
    /// ```
    #[cfg(feature = "html")]
    #[cfg_attr(docsrs, doc(cfg(feature = "html")))]
    pub fn to_html(&self) -> String {
        let code = self.error.code;
        page(
            self.status(),
            self.title(),
            &self.error.message,
            code.as_str(),
            code.docs_url(),
            &self.meta.request_id,
        )
    }
}

/// The gateway's error page for a code's facts: what [`GatewayResponse::to_html`] returns.
#[cfg(feature = "html")]
pub(crate) fn page(
    status: u16,
    title: &str,
    message: &str,
    code: &str,
    docs_url: &str,
    request_id: &str,
) -> String {
    let mut page = String::with_capacity(PAGE_STYLE.len() + 1024);
    // `write!` into a `String` cannot fail.
    let _ = write!(
        page,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta name=\"robots\" content=\"noindex\">\n<title>{status} {title}</title>\n\
         <style>{PAGE_STYLE}</style>\n</head>\n<body>\n<main>\n\
         <p class=\"status\">{status}</p>\n<h1>{title}</h1>\n<p class=\"message\">",
        title = text(title),
    );
    escape_into(message, &mut page);
    page.push_str("</p>\n<dl>\n<dt>Error code</dt>\n<dd><code>");
    escape_into(code, &mut page);
    page.push_str("</code></dd>\n<dt>Request id</dt>\n<dd><code class=\"copy\">");
    escape_into(request_id, &mut page);
    page.push_str("</code></dd>\n<dt>Docs</dt>\n<dd><a href=\"");
    escape_into(docs_url, &mut page);
    page.push_str("\">");
    escape_into(docs_url, &mut page);
    page.push_str(
        "</a></dd>\n</dl>\n<p class=\"hint\">Quote the request id when you contact support.</p>\n\
         </main>\n</body>\n</html>\n",
    );
    page
}

/// `value` with the five characters HTML reserves (`&`, `<`, `>`, `"`, `'`) escaped: safe as
/// element text and inside any quoted attribute, so no value needs to know where it goes.
#[cfg(feature = "html")]
fn text(value: &str) -> Cow<'_, str> {
    html_escape::encode_quoted_attribute(value)
}

/// Appends `value` to `page`, escaped as [`text`] escapes it.
#[cfg(feature = "html")]
fn escape_into(value: &str, page: &mut String) {
    html_escape::encode_quoted_attribute_to_string(value, page);
}

/// The error page's styles: system fonts and colours for light and dark, so the page needs
/// nothing from the network and reads well in either setting.
#[cfg(feature = "html")]
const PAGE_STYLE: &str = "
:root{--bg:#f6f6f7;--card:#fff;--fg:#16161a;--muted:#5f5f6b;--border:#e3e3e8;--link:#0b57d0}
@media (prefers-color-scheme: dark){:root{--bg:#0e0e11;--card:#18181c;--fg:#ececf1;--muted:#a0a0ab;--border:#2c2c33;--link:#8ab4f8}}
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;padding:1.5rem;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif}
main{width:100%;max-width:36rem;padding:2rem;background:var(--card);border:1px solid var(--border);border-radius:12px}
.status{margin:0;font-size:3rem;font-weight:700;line-height:1;color:var(--muted)}
h1{margin:.5rem 0 1rem;font-size:1.5rem}
.message{margin:0 0 1.5rem;overflow-wrap:anywhere}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.5rem 1rem;margin:0;font-size:.875rem}
dt{color:var(--muted)}
dd{margin:0;min-width:0;overflow-wrap:anywhere}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.copy{user-select:all;-webkit-user-select:all;padding:.1rem .3rem;border:1px solid var(--border);border-radius:4px}
a{color:var(--link)}
.hint{margin:1.5rem 0 0;font-size:.8125rem;color:var(--muted)}
";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes;

    #[test]
    fn serializes_exactly_as_the_gateway_does_and_reads_back() {
        let response = GatewayResponse::new(codes::unkey::authentication::MALFORMED, "req_abc");
        let json = serde_json::to_string(&response).unwrap();
        assert_eq!(
            json,
            r#"{"meta":{"requestId":"req_abc"},"error":{"code":"err:unkey:authentication:malformed","message":"The key in the Authorization header is malformed."}}"#
        );
        let back: GatewayResponse = serde_json::from_str(&json).unwrap();
        assert_eq!(back, response);
        assert!(
            serde_json::from_str::<GatewayResponse>(&json.replace("malformed\"", "malformd\""))
                .is_err()
        );
    }

    #[cfg(feature = "serde_json")]
    #[test]
    fn an_unknown_member_with_a_known_name_is_not_written_twice() {
        let mut response = GatewayResponse::new(codes::unkey::authentication::MALFORMED, "req_1");
        let forged = serde_json::Value::from("forged");
        response.extra.insert("error".to_owned(), forged.clone());
        response.extra.insert("newer".to_owned(), 1.into());
        response
            .meta
            .extra
            .insert("requestId".to_owned(), forged.clone());
        response
            .error
            .extra
            .insert("message".to_owned(), forged.clone());
        response.error.extra.insert("code".to_owned(), forged);
        let json = serde_json::to_string(&response).unwrap();
        assert_eq!(
            json,
            r#"{"meta":{"requestId":"req_1"},"error":{"code":"err:unkey:authentication:malformed","message":"The key in the Authorization header is malformed."},"newer":1}"#
        );
    }

    #[test]
    fn a_code_the_gateway_never_sends_is_a_500_with_a_generic_message() {
        let code = codes::unkey::data::KEY_NOT_FOUND;
        assert_eq!(code.gateway_status(), None);
        let response = GatewayResponse::new(code, "req_1");
        assert_eq!(response.status(), 500);
        assert_eq!(response.title(), "Internal Server Error");
        assert_eq!(response.error.message, UNSENT_MESSAGE);
        #[cfg(feature = "html")]
        assert!(
            response
                .to_html()
                .contains("<title>500 Internal Server Error</title>")
        );
    }

    #[test]
    fn the_gateway_status_and_title_are_its_own() {
        let response = GatewayResponse::new(codes::user::bad_request::REQUEST_TIMEOUT, "req_1");
        assert_eq!(
            (response.status(), response.title()),
            (504, "Gateway Timeout")
        );
    }

    #[cfg(feature = "html")]
    #[test]
    fn the_page_escapes_every_value_and_links_the_docs() {
        let response = GatewayResponse::with_message(
            codes::frontline::client::OPENAPI_VALIDATION_FAILED,
            "req_<b>\"x\"&'y'",
            "<script>alert(1)</script> \"quoted\" & 'single'",
        );
        let page = response.to_html();
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("<b>"), "{page}");
        assert!(page.contains(
            "&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &#x27;single&#x27;"
        ));
        assert!(
            page.contains("req_&lt;b&gt;&quot;x&quot;&amp;&#x27;y&#x27;"),
            "{page}"
        );
        assert!(page.contains(
            "<a href=\"https://unkey.com/docs/errors/frontline/client/openapi_validation_failed\">"
        ));
        assert!(page.contains("@media (prefers-color-scheme: dark)"));
        assert!(page.trim_end().ends_with("</html>"));
    }
}
