// A derive against the crate's own catalogue (in a module), and against Unkey's through a path
// given as a string (serde's spelling).
mod shop {
    unkey_errors::catalogue!("tests/ui/catalogues/valid.yaml");
}

#[derive(Debug, thiserror::Error, unkey_errors::UnkeyError)]
#[unkey(catalogue = shop)]
enum OrderError {
    #[error("order {0} is gone")]
    #[unkey(code = "err:shop:items:gone")]
    Gone(String),
}

#[derive(Debug, thiserror::Error, unkey_errors::UnkeyError)]
#[unkey(
    code = "err:unkey:data:key_not_found",
    crate = "unkey_errors",
    catalogue = "::unkey_errors"
)]
#[error("no such key")]
struct KeyNotFound;

pub fn main() {
    use unkey_errors::UnkeyError;
    let error = OrderError::Gone("ord_1".into());
    let code: shop::Code = error.code();
    assert_eq!(code, shop::codes::shop::items::GONE);
    assert_eq!(error.status(), 410);
    let body = error.to_response("req_1");
    assert_eq!(
        body.error.type_url,
        "https://example.com/docs/errors/shop/items/gone"
    );
    assert_eq!(body.error.detail, "order ord_1 is gone");

    assert_eq!(
        KeyNotFound.code(),
        unkey_errors::codes::unkey::data::KEY_NOT_FOUND
    );

    // Inside the crate that defines it, matching on `Code` stays exhaustive.
    let name = match code {
        shop::Code::ShopOrdersNotFound => "not found",
        shop::Code::ShopItemsGone => "gone",
        shop::Code::TypeMatchGen => "gen",
    };
    assert_eq!(name, "gone");
    // `Debug` prints what a user can paste back.
    assert_eq!(format!("{code:?}"), "Code::ShopItemsGone");
}
