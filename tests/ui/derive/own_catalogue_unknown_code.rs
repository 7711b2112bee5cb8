// A code missing from the crate's own catalogue: the error is on the string, suggests that
// catalogue's codes, and never mentions Unkey's.
mod shop {
    unkey_errors::catalogue!("../../../../tests/ui/catalogues/valid.yaml");
}

#[derive(Debug, thiserror::Error, unkey_errors::UnkeyError)]
#[unkey(catalogue = crate::shop)]
enum OrderError {
    #[error("no such order")]
    #[unkey(code = "err:shop:orders:not_fund")]
    NotFound,
    #[error("removed")]
    #[unkey(code = "err:shop:items:gone")]
    Gone,
    // A code of Unkey's catalogue is not one of this catalogue's.
    #[error("forbidden")]
    #[unkey(code = "err:unkey:authorization:forbidden")]
    Forbidden,
}

fn main() {
    let _ = unkey_errors::UnkeyError::status(&OrderError::Gone);
}
