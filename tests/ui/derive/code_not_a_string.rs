use unkey_errors::UnkeyError;

#[derive(Debug, thiserror::Error, UnkeyError)]
enum KeyError {
    #[error("forbidden")]
    #[unkey(code = 403)]
    Forbidden,
}

fn main() {}
