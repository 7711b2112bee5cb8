use unkey_errors::UnkeyError;

#[derive(Debug, thiserror::Error, UnkeyError)]
#[unkey(code = "err:unkey:authorization:forbidden")]
enum KeyError {
    #[error("forbidden")]
    #[unkey(code = "err:unkey:authorization:forbidden")]
    Forbidden,
}

fn main() {}
