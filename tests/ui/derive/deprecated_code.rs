// A deprecated code warns on the code string that needs changing (denied here, to show the
// warning), once per use, whatever impls the derive adds; a current code does not.
#![deny(deprecated)]

mod shop {
    unkey_errors::catalogue!("../../../../tests/ui/catalogues/deprecated.yaml");
}

#[derive(Debug, thiserror::Error, unkey_errors::UnkeyError)]
#[unkey(catalogue = shop)]
enum OrderError {
    #[error("no such order")]
    #[unkey(code = "err:shop:orders:not_found")]
    NotFound,
    #[error("no such order")]
    #[unkey(code = "err:shop:orders:missing")]
    Missing,
}

#[derive(Debug, thiserror::Error, unkey_errors::UnkeyError)]
#[unkey(catalogue = shop, code = "err:shop:orders:missing")]
#[error("no such order")]
struct Missing;

fn main() {
    use unkey_errors::UnkeyError;
    let _ = (OrderError::NotFound.status(), OrderError::Missing.status(), Missing.status());
}
