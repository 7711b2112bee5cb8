use unkey_errors::UnkeyError;

#[derive(Debug, thiserror::Error, UnkeyError)]
enum KeyError {
    #[error("forbidden")]
    #[unkey(code = "err:unkey:authorization:forbidden", code = "err:unkey:data:key_not_found")]
    Forbidden,
}

fn main() {}
