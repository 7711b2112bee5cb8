use unkey_errors::UnkeyError;

#[derive(Debug, thiserror::Error, UnkeyError)]
enum KeyError {
    #[error("forbidden")]
    #[unkey(cod = "err:unkey:authorization:forbidden")]
    Forbidden,
}

fn main() {}
