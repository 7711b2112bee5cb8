//! Error bodies written straight from borrowed parts: the axum path's one allocation per body.

use serde::Serialize;

use super::ValidationError;

/// The JSON of an API error body built from its parts, as [`ErrorResponse`] would serialize
/// it, without building one: the parts are borrowed, so the body's buffer is the one
/// allocation. The buffer is sized for a body that needs no escaping, so such a body fills it
/// exactly and becomes the response's bytes without another allocation.
///
/// [`ErrorResponse`]: super::ErrorResponse
pub(crate) fn write_body(
    request_id: &str,
    detail: &str,
    status: u16,
    title: &str,
    type_url: &str,
    errors: Option<&[ValidationError]>,
) -> serde_json::Result<Vec<u8>> {
    let body = BorrowedBody {
        meta: BorrowedMeta { request_id },
        error: BorrowedError {
            detail,
            status,
            title,
            type_url,
            errors,
        },
    };
    write_json(&body, body_len(request_id, &body.error))
}

fn write_json(value: &impl Serialize, len: usize) -> serde_json::Result<Vec<u8>> {
    let mut buffer = Vec::with_capacity(len);
    serde_json::to_writer(&mut buffer, value)?;
    Ok(buffer)
}

/// The length of a body's JSON when nothing in it needs escaping, not counting members a
/// newer server added (a body with those grows its buffer once).
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
#[derive(Serialize)]
struct BorrowedBody<'a> {
    meta: BorrowedMeta<'a>,
    error: BorrowedError<'a>,
}

#[derive(Serialize)]
struct BorrowedMeta<'a> {
    #[serde(rename = "requestId")]
    request_id: &'a str,
}

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
