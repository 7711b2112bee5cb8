use unkey_errors::UnkeyError;

// Three mistakes, three errors, and no "trait not implemented" from the use in `main`.
#[derive(Debug, thiserror::Error, UnkeyError)]
enum KeyError {
    #[error("forbidden")]
    #[unkey(code = "err:unkey:authorisation:forbidden")]
    Forbidden,
    #[error("gone")]
    Gone,
    #[error("api {api_id} does not exist")]
    #[unkey(code = "err:unkey:data:api_not_found", detial = "The API {api_id} was not found.")]
    ApiNotFound { api_id: String },
}

fn main() {
    let _ = KeyError::Forbidden.to_response("req_1");
}
