use unkey_errors::UnkeyError;

#[derive(Debug, thiserror::Error, UnkeyError)]
enum KeyError {
    #[error("forbidden")]
    #[unkey(code = "err:unkey:authorization:forbiden")]
    Forbidden,
}

fn main() {}
