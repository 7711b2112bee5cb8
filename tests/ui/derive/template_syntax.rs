use unkey_errors::UnkeyError;

#[derive(Debug, thiserror::Error, UnkeyError)]
enum KeyError {
    #[error("api {api_id} does not exist")]
    #[unkey(code = "err:unkey:data:api_not_found", detail = "The API {api_id was not found.")]
    ApiNotFound { api_id: String },
}

fn main() {}
