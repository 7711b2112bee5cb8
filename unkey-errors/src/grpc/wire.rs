//! The protobuf bytes of a `google.rpc.Status` and its details, written straight from the
//! catalogue's static strings into one buffer.
//!
//! `tonic-types` builds the same bytes from owned messages (a `String` per field, a map, a
//! `Vec` per detail, then each encoded and copied); writing them directly costs one buffer. A
//! test holds the bytes equal to `tonic-types`' for the same content, and Python's `grpcio`
//! reads them in `tests/tools/check-grpc.sh`.

/// `type.googleapis.com/google.rpc.ErrorInfo`: the `Any` type URL of an `ErrorInfo`.
pub(crate) const ERROR_INFO_TYPE: &str = "type.googleapis.com/google.rpc.ErrorInfo";
/// The `Any` type URL of a `Help`.
pub(crate) const HELP_TYPE: &str = "type.googleapis.com/google.rpc.Help";
/// The `Any` type URL of a `RequestInfo`.
pub(crate) const REQUEST_INFO_TYPE: &str = "type.googleapis.com/google.rpc.RequestInfo";

/// The `ErrorInfo.metadata` key whose value is the code's URN.
pub(crate) const URN_KEY: &str = "urn";

/// The description of the `Help` link to a code's docs page.
pub(crate) const HELP_DESCRIPTION: &str = "What the error means and how to fix it";

/// What a status's details say of its catalogue code.
pub(crate) struct CodeDetails<'a> {
    /// The URN, e.g. `err:unkey:data:key_not_found`.
    pub(crate) urn: &'a str,
    /// The catalogue's error domain, e.g. `unkey.com`.
    pub(crate) domain: &'a str,
    /// The code's docs page.
    pub(crate) docs_url: &'a str,
}

/// The bytes of `google.rpc.Status { code, message, details: [ErrorInfo, Help] }`.
pub(crate) fn status(code: i32, message: &str, details: &CodeDetails<'_>) -> Vec<u8> {
    let error_info = error_info_len(details);
    let help = help_len(details.docs_url);
    let error_info_any = any_len(ERROR_INFO_TYPE, error_info);
    let help_any = any_len(HELP_TYPE, help);
    let mut out = Vec::with_capacity(
        int32_field_len(code)
            + string_field_len(message)
            + field_len(error_info_any)
            + field_len(help_any),
    );
    if code != 0 {
        key(&mut out, 1, VARINT);
        // Negative int32s are sign-extended to ten bytes, as protobuf asks.
        varint(&mut out, i64::from(code) as u64);
    }
    string_field(&mut out, 2, message);
    // details[0]: ErrorInfo { reason, domain, metadata: {"urn": URN} }
    message_header(&mut out, 3, error_info_any);
    string_field(&mut out, 1, ERROR_INFO_TYPE);
    message_header(&mut out, 2, error_info);
    // An empty field is left out, as `error_info_len` counts it (a parsed URN's reason is
    // never empty; the two agree all the same).
    let reason = reason_len(details.urn);
    if reason != 0 {
        key(&mut out, 1, LENGTH_DELIMITED);
        varint(&mut out, reason as u64);
        write_reason(&mut out, details.urn);
    }
    string_field(&mut out, 2, details.domain);
    message_header(&mut out, 3, map_entry_len(URN_KEY, details.urn));
    string_field(&mut out, 1, URN_KEY);
    string_field(&mut out, 2, details.urn);
    // details[1]: Help { links: [{ description, url }] }
    message_header(&mut out, 3, help_any);
    string_field(&mut out, 1, HELP_TYPE);
    message_header(&mut out, 2, help);
    message_header(&mut out, 1, link_len(details.docs_url));
    string_field(&mut out, 1, HELP_DESCRIPTION);
    string_field(&mut out, 2, details.docs_url);
    out
}

/// Appends `details: RequestInfo { request_id }` to the bytes of a `google.rpc.Status`: a
/// repeated field's entries may come in any number of runs, so the status then reads as one
/// with the request's id as its last detail.
pub(crate) fn append_request_info(status: &mut Vec<u8>, request_id: &str) {
    let request_info = string_field_len(request_id);
    let any = any_len(REQUEST_INFO_TYPE, request_info);
    status.reserve(field_len(any));
    message_header(status, 3, any);
    string_field(status, 1, REQUEST_INFO_TYPE);
    message_header(status, 2, request_info);
    string_field(status, 1, request_id);
}

/// The `ErrorInfo.reason` of a URN: its parts after `err:` in UPPER_SNAKE_CASE, as AIP-193
/// asks (`err:unkey:data:key_not_found` is `UNKEY_DATA_KEY_NOT_FOUND`). Unique within a
/// catalogue: two codes with one reason would also have one Rust variant, which the catalogue
/// rejects. (The status writes the same bytes straight into its buffer.)
#[cfg(test)]
fn reason(urn: &str) -> String {
    let mut out = Vec::with_capacity(reason_len(urn));
    write_reason(&mut out, urn);
    // Uppercased ASCII of a `&str`, `:` replaced by `_`: still UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

fn reason_text(urn: &str) -> &str {
    urn.strip_prefix("err:").unwrap_or(urn)
}

fn reason_len(urn: &str) -> usize {
    reason_text(urn).len()
}

fn write_reason(out: &mut Vec<u8>, urn: &str) {
    out.extend(reason_text(urn).bytes().map(|byte| match byte {
        b':' => b'_',
        byte => byte.to_ascii_uppercase(),
    }));
}

const VARINT: u8 = 0;
const LENGTH_DELIMITED: u8 = 2;

fn key(out: &mut Vec<u8>, field: u8, wire_type: u8) {
    // Field numbers here are below 16: the key is one byte.
    out.push(field << 3 | wire_type);
}

fn varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn varint_len(value: u64) -> usize {
    // 7 bits per byte, at least one byte.
    (64 - (value | 1).leading_zeros() as usize).div_ceil(7)
}

/// The key and length of an embedded message of `len` bytes.
fn message_header(out: &mut Vec<u8>, field: u8, len: usize) {
    key(out, field, LENGTH_DELIMITED);
    varint(out, len as u64);
}

/// A string field; proto3 leaves an empty one out.
fn string_field(out: &mut Vec<u8>, field: u8, text: &str) {
    if !text.is_empty() {
        message_header(out, field, text.len());
        out.extend_from_slice(text.as_bytes());
    }
}

/// The bytes of a length-delimited field whose content is `len` bytes.
fn field_len(len: usize) -> usize {
    1 + varint_len(len as u64) + len
}

fn string_field_len(text: &str) -> usize {
    if text.is_empty() {
        0
    } else {
        field_len(text.len())
    }
}

fn int32_field_len(value: i32) -> usize {
    if value == 0 {
        0
    } else {
        1 + varint_len(i64::from(value) as u64)
    }
}

fn any_len(type_url: &str, value_len: usize) -> usize {
    string_field_len(type_url)
        + if value_len == 0 {
            0
        } else {
            field_len(value_len)
        }
}

fn map_entry_len(key: &str, value: &str) -> usize {
    string_field_len(key) + string_field_len(value)
}

fn error_info_len(details: &CodeDetails<'_>) -> usize {
    let reason = reason_len(details.urn);
    (if reason == 0 { 0 } else { field_len(reason) })
        + string_field_len(details.domain)
        + field_len(map_entry_len(URN_KEY, details.urn))
}

fn link_len(url: &str) -> usize {
    string_field_len(HELP_DESCRIPTION) + string_field_len(url)
}

fn help_len(url: &str) -> usize {
    field_len(link_len(url))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_the_urn_in_upper_snake_case() {
        assert_eq!(
            reason("err:unkey:data:key_not_found"),
            "UNKEY_DATA_KEY_NOT_FOUND"
        );
        assert_eq!(reason("err:a1:b:c_2"), "A1_B_C_2");
    }

    /// The bytes `tonic-types` makes of the same content, the way a hand-written status does.
    fn by_tonic_types(
        code: tonic::Code,
        message: &str,
        urn: &str,
        request_id: Option<&str>,
    ) -> Vec<u8> {
        use tonic_types::{ErrorDetail, ErrorInfo, Help, RequestInfo, StatusExt};
        let mut details = vec![
            ErrorDetail::from(ErrorInfo::new(
                reason(urn),
                "unkey.com",
                [(URN_KEY.to_owned(), urn.to_owned())]
                    .into_iter()
                    .collect::<std::collections::HashMap<_, _>>(),
            )),
            ErrorDetail::from(Help::with_link(
                HELP_DESCRIPTION,
                "https://unkey.com/docs/errors/x",
            )),
        ];
        if let Some(id) = request_id {
            details.push(ErrorDetail::from(RequestInfo::new(id, "")));
        }
        tonic::Status::with_error_details_vec(code, message, details)
            .details()
            .to_vec()
    }

    #[test]
    fn the_bytes_are_tonic_types_own_for_the_same_content() {
        let long_message = "m".repeat(300);
        // A reason past 127 bytes (two-byte lengths), and an empty one (left out, whose
        // lengths must agree too, though no parsed URN has one).
        let long_urn = format!("err:shop:orders:{}", "x".repeat(200));
        let cases = [
            (tonic::Code::NotFound, "key key_1 does not exist"),
            (tonic::Code::Internal, long_message.as_str()),
            (tonic::Code::Unauthenticated, ""),
        ];
        let urns = ["err:unkey:data:key_not_found", long_urn.as_str(), "err:"];
        for ((code, message), urn) in cases.iter().flat_map(|&case| urns.map(|urn| (case, urn))) {
            let details = CodeDetails {
                urn,
                domain: "unkey.com",
                docs_url: "https://unkey.com/docs/errors/x",
            };
            let mut ours = status(code as i32, message, &details);
            assert_eq!(
                ours.len(),
                ours.capacity(),
                "sized exactly: no growth, no copy"
            );
            assert_eq!(ours, by_tonic_types(code, message, urn, None), "{code:?}");
            append_request_info(&mut ours, "req_2c9a0jf23l4k567");
            assert_eq!(
                ours,
                by_tonic_types(code, message, urn, Some("req_2c9a0jf23l4k567")),
                "{code:?}"
            );
        }
    }

    #[test]
    fn varint_lengths_match_the_bytes_written() {
        for value in [
            0,
            1,
            127,
            128,
            300,
            16_383,
            16_384,
            u64::from(u32::MAX),
            u64::MAX,
        ] {
            let mut out = Vec::new();
            varint(&mut out, value);
            assert_eq!(out.len(), varint_len(value), "{value}");
        }
    }
}
