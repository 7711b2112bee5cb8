// `catalogue!` twice on one file in one crate, in two modules: each expansion exports its own
// lookup macro, and a derive against either finds its codes.
mod first {
    unkey_errors::catalogue!("tests/ui/catalogues/valid.yaml");
}

mod second {
    unkey_errors::catalogue!("tests/ui/catalogues/valid.yaml");
}

#[derive(Debug, thiserror::Error, unkey_errors::UnkeyError)]
#[unkey(catalogue = first)]
enum FirstError {
    #[error("gone")]
    #[unkey(code = "err:shop:items:gone")]
    Gone,
}

#[derive(Debug, thiserror::Error, unkey_errors::UnkeyError)]
#[unkey(catalogue = crate::test_accepted::two_catalogues_one_file::second)]
enum SecondError {
    #[error("no such order")]
    #[unkey(code = "err:shop:orders:not_found")]
    NotFound,
}

pub fn main() {
    use unkey_errors::UnkeyError;
    assert_eq!(FirstError::Gone.code(), first::Code::ShopItemsGone);
    assert_eq!(
        SecondError::NotFound.code(),
        second::Code::ShopOrdersNotFound
    );
    // Two expansions, two types.
    assert_eq!(first::Code::ALL.len(), second::Code::ALL.len());
}
