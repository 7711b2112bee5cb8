use unkey_errors::UnkeyError;

#[derive(Debug, thiserror::Error, UnkeyError)]
enum KeyError {
    #[error("api {api_id} does not exist")]
    #[unkey(code = "err:unkey:data:api_not_found", detail = "The API {api} was not found.")]
    ApiNotFound { api_id: String },
    #[error("key {0} does not exist")]
    #[unkey(code = "err:unkey:data:key_not_found", detail = "Key {1} was not found.")]
    KeyNotFound(String),
}

fn main() {}
