use unkey_errors::UnkeyError;

#[derive(Debug, thiserror::Error, UnkeyError)]
enum KeyError {
    #[error("forbidden")]
    #[unkey(code = "err:unkey:authorization:forbidden")]
    #[unkey(detail = "You may not.")]
    Forbidden,
}

fn main() {}
