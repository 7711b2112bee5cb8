//! Recognising the framework's own failures among responses, and what their envelopes say.
//!
//! axum and tower-http answer their failures with bare responses: an unmatched route is an
//! empty 404, a wrong method an empty 405, a timed-out handler an empty 408, and an extractor's
//! rejection a `text/plain` 400, 413, 415 or 422 whose text names Rust types and parser
//! internals. The layer replaces each with the envelope of the catalogue's code for its
//! [`Condition`], with a detail of its own that says what was wrong in plain words.

use axum::body::Body;
use axum::body::HttpBody as _;
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::http::response::Parts;

use crate::{Condition, ValidationError};

/// What the layer makes of a response that carries no report.
pub(super) enum Verdict {
    /// Not a failure of the framework's: sent as it is.
    Pass,
    /// A failure of the framework's, known from the response's head alone.
    Failure(Condition, Occurrence),
    /// An extractor's rejection, whose (short) text tells which failure it is.
    ReadText,
}

/// What the envelope of one failure says: its public detail and the problems it lists.
pub(super) struct Occurrence {
    pub(super) detail: &'static str,
    pub(super) errors: Vec<ValidationError>,
}

impl Occurrence {
    fn detail(detail: &'static str) -> Self {
        Occurrence {
            detail,
            errors: Vec::new(),
        }
    }

    fn problem(detail: &'static str, location: String, message: String) -> Self {
        Occurrence {
            detail,
            errors: vec![ValidationError::new(location, message)],
        }
    }
}

/// The longest rejection text read; axum's are a line or two.
pub(super) const MAX_TEXT: usize = 4096;

/// Classifies a response by its status, its content type and whether it has a body.
pub(super) fn classify(parts: &Parts, body: &Body) -> Verdict {
    let status = parts.status;
    if !(status.is_client_error() || status.is_server_error()) {
        return Verdict::Pass;
    }
    let empty = body.size_hint().exact() == Some(0);
    let text = parts
        .headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| {
            value
                .split(';')
                .next()
                .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("text/plain"))
        });
    let bare = empty && !parts.headers.contains_key(CONTENT_TYPE);
    match status {
        StatusCode::NOT_FOUND if bare => Verdict::Failure(
            Condition::RouteNotFound,
            Occurrence::detail("No route matches the request's path."),
        ),
        StatusCode::METHOD_NOT_ALLOWED if bare => Verdict::Failure(
            Condition::MethodNotAllowed,
            Occurrence::detail(
                "This route does not take the request's method; the `Allow` header lists those it takes.",
            ),
        ),
        StatusCode::REQUEST_TIMEOUT if bare => Verdict::Failure(
            Condition::Timeout,
            Occurrence::detail("The request took longer to answer than the service allows."),
        ),
        StatusCode::PAYLOAD_TOO_LARGE if bare || text => Verdict::Failure(
            Condition::BodyTooLarge,
            Occurrence::problem(
                "The request body is larger than this route accepts.",
                "body".to_owned(),
                "is too large".to_owned(),
            ),
        ),
        StatusCode::UNSUPPORTED_MEDIA_TYPE if text => Verdict::Failure(
            Condition::InvalidBody,
            Occurrence::problem(
                "The request body must be JSON, sent with `Content-Type: application/json`.",
                "headers.content-type".to_owned(),
                "must be application/json".to_owned(),
            ),
        ),
        StatusCode::BAD_REQUEST | StatusCode::UNPROCESSABLE_ENTITY if text => Verdict::ReadText,
        _ => Verdict::Pass,
    }
}

/// The failure behind a `text/plain` 400 or 422 rejection with the text `text`. Only where the
/// failure stands is taken from the text (a JSON position, a member's path); what is said about
/// it is ours, so no Rust type name or parser wording reaches the client.
pub(super) fn classify_text(status: StatusCode, text: &str) -> (Condition, Occurrence) {
    // axum's `FailedToBufferBody`: the connection failed, or a limit was hit, mid-body.
    if text.starts_with("Failed to buffer the request body") {
        return (
            Condition::UnreadableBody,
            Occurrence::detail("The request body could not be read."),
        );
    }
    // axum's `JsonSyntaxError`: "Failed to parse the request body as JSON: <what> at line L column C".
    if text.starts_with("Failed to parse the request body as JSON") {
        let at = position(text).map_or_else(String::new, |(line, column)| {
            format!(" at line {line}, column {column}")
        });
        return (
            Condition::InvalidBody,
            Occurrence::problem(
                "The request body is not valid JSON.",
                "body".to_owned(),
                format!("is not valid JSON{at}"),
            ),
        );
    }
    // axum's `JsonDataError`: "Failed to deserialize the JSON body into the target type:
    // <path>: <what> at line L column C", the path `.` for the body itself.
    if let Some(rest) =
        text.strip_prefix("Failed to deserialize the JSON body into the target type: ")
    {
        let (path, what) = rest.split_once(": ").unwrap_or((".", rest));
        let mut location = "body".to_owned();
        if path != "." {
            location.push('.');
            location.push_str(path);
        }
        let message = match what
            .strip_prefix("missing field `")
            .and_then(|r| r.split_once('`'))
        {
            Some((field, _)) => {
                location.push('.');
                location.push_str(field);
                "is required".to_owned()
            }
            None => "does not have the expected type or value".to_owned(),
        };
        return (
            Condition::InvalidBody,
            Occurrence::problem(
                "The request body does not have the shape this route accepts.",
                location,
                message,
            ),
        );
    }
    let detail = if status == StatusCode::UNPROCESSABLE_ENTITY {
        "The request does not have the shape this route accepts."
    } else {
        "The request is not what this route accepts."
    };
    (Condition::InvalidBody, Occurrence::detail(detail))
}

/// The `line L column C` a parser's message ends with.
fn position(text: &str) -> Option<(u64, u64)> {
    let (_, at) = text.rsplit_once(" at line ")?;
    let (line, column) = at.split_once(" column ")?;
    Some((line.trim().parse().ok()?, column.trim().parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(occurrence: &Occurrence) -> Vec<(&str, &str)> {
        occurrence
            .errors
            .iter()
            .map(|e| (e.location.as_ref(), e.message.as_ref()))
            .collect()
    }

    #[test]
    fn a_syntax_error_keeps_only_its_position() {
        let (condition, occurrence) = classify_text(
            StatusCode::BAD_REQUEST,
            "Failed to parse the request body as JSON: expected `,` or `}` at line 1 column 9",
        );
        assert_eq!(condition, Condition::InvalidBody);
        assert_eq!(occurrence.detail, "The request body is not valid JSON.");
        assert_eq!(
            problems(&occurrence),
            [("body", "is not valid JSON at line 1, column 9")]
        );
    }

    #[test]
    fn a_data_error_keeps_only_the_members_path() {
        let (_, missing) = classify_text(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Failed to deserialize the JSON body into the target type: missing field `name` at line 1 column 2",
        );
        assert_eq!(problems(&missing), [("body.name", "is required")]);
        let (_, nested) = classify_text(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Failed to deserialize the JSON body into the target type: items[0].price: invalid type: string \"x\", expected u32 at line 1 column 30",
        );
        assert_eq!(
            problems(&nested),
            [(
                "body.items[0].price",
                "does not have the expected type or value"
            )]
        );
    }

    #[test]
    fn a_buffering_failure_is_an_unreadable_body() {
        let (condition, occurrence) = classify_text(
            StatusCode::BAD_REQUEST,
            "Failed to buffer the request body: error reading a body from connection",
        );
        assert_eq!(condition, Condition::UnreadableBody);
        assert!(occurrence.errors.is_empty());
    }
}
