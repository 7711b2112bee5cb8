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

/// The JSON of a gateway error body built from its parts, as
/// [`GatewayResponse`](crate::GatewayResponse) serializes it: like [`write_body`], one buffer,
/// filled exactly when nothing needs escaping.
pub(crate) fn write_gateway_body(
    request_id: &str,
    code: &str,
    message: &str,
) -> serde_json::Result<Vec<u8>> {
    const SKELETON: &str = r#"{"meta":{"requestId":""},"error":{"code":"","message":""}}"#;
    let body = GatewayBody {
        meta: BorrowedMeta { request_id },
        error: GatewayFields { code, message },
    };
    let len = SKELETON.len() + request_id.len() + code.len() + message.len();
    write_json(&body, len)
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

/// An [`ErrorResponse`](super::ErrorResponse) without members of its own, borrowing every
/// part: serializes as the response does, member for member.
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

/// The gateway's JSON body, borrowing every part.
#[derive(Serialize)]
struct GatewayBody<'a> {
    meta: BorrowedMeta<'a>,
    error: GatewayFields<'a>,
}

#[derive(Serialize)]
struct GatewayFields<'a> {
    code: &'a str,
    message: &'a str,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_without_escapes_fills_its_buffer_exactly() {
        let problems =
            [ValidationError::new("body.name", "must not be empty").with_fix("send a name")];
        for errors in [None, Some(&problems[..])] {
            let body = write_body(
                "req_1",
                "The key was not found.",
                404,
                "Not Found",
                "https://unkey.com/docs/errors/unkey/data/key_not_found",
                errors,
            )
            .unwrap();
            assert_eq!(
                body.len(),
                body.capacity(),
                "{}",
                String::from_utf8_lossy(&body)
            );
        }
        let body = write_gateway_body("req_1", "err:unkey:data:key_not_found", "No key.").unwrap();
        assert_eq!(body.len(), body.capacity());
        assert_eq!(
            String::from_utf8(body).unwrap(),
            r#"{"meta":{"requestId":"req_1"},"error":{"code":"err:unkey:data:key_not_found","message":"No key."}}"#
        );
    }

    #[test]
    fn a_body_with_escapes_is_still_whole() {
        let body = write_gateway_body("req_\"1", "err:a:b:c", "line\nbreak").unwrap();
        let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(value["meta"]["requestId"], "req_\"1");
        assert_eq!(value["error"]["message"], "line\nbreak");
    }
}
