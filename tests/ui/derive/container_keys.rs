// Where each key goes: `catalogue` and `crate` on the enum, `code` and `detail` on variants.
#[derive(Debug, thiserror::Error, unkey_errors::UnkeyError)]
#[unkey(code = "err:unkey:authorization:forbidden", catalog = unkey_errors)]
enum KeyError {
    #[error("forbidden")]
    #[unkey(code = "err:unkey:authorization:forbidden", catalogue = unkey_errors)]
    Forbidden,
}

#[derive(Debug, thiserror::Error, unkey_errors::UnkeyError)]
#[unkey(catalogue = unkey_errors)]
#[unkey(crate = unkey_errors)]
enum Twice {
    #[error("forbidden")]
    #[unkey(code = "err:unkey:authorization:forbidden")]
    Forbidden,
}

#[derive(Debug, thiserror::Error, unkey_errors::UnkeyError)]
#[unkey(surface = "gatway")]
enum WrongSurface {
    #[error("forbidden")]
    #[unkey(code = "err:unkey:authorization:forbidden", surface = "api")]
    Forbidden,
}

fn main() {}
