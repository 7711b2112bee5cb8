// The derive names everything by absolute path: it works with nothing else imported, and with
// local items that shadow common names.
#![no_implicit_prelude]

#[allow(dead_code)]
struct Option;
#[allow(dead_code)]
struct Result;
#[allow(dead_code)]
mod std {}

#[derive(Debug, ::thiserror::Error, ::unkey_errors::UnkeyError)]
enum KeyError {
    #[error("key {0} does not exist")]
    #[unkey(
        code = "err:unkey:data:key_not_found",
        detail = "Key {0} was not found."
    )]
    NotFound(::std::string::String),
}

pub fn main() {
    let error = KeyError::NotFound(::std::string::ToString::to_string("key_1"));
    let response = ::unkey_errors::UnkeyError::to_response(&error, "req_1");
    ::std::assert_eq!(response.error.status, 404);
    ::std::assert_eq!(response.error.detail, "Key key_1 was not found.");
}
