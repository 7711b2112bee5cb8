use unkey_errors::UnkeyError;

#[derive(Debug, thiserror::Error, UnkeyError)]
enum KeyError {
    #[error("forbidden")]
    #[unkey(code = "unkey:authorization:forbidden")]
    Forbidden,
}

fn main() {}
