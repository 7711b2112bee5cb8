// A crate with its own catalogue gets its own `Code` and `codes`, usable with the shared runtime.
unkey_errors::catalogue!("tests/ui/catalogues/valid.yaml");

pub fn main() {
    assert_eq!(
        Code::ALL,
        [
            Code::ShopOrdersNotFound,
            Code::ShopItemsGone,
            Code::TypeMatchGen
        ]
    );
    // Keyword parts become raw identifiers.
    assert_eq!(codes::r#type::r#match::GEN.as_str(), "err:type:match:gen");
    assert_eq!(codes::shop::items::GONE.status(), 410);
    assert_eq!(
        codes::shop::items::GONE.docs_url(),
        "https://example.com/docs/errors/shop/items/gone"
    );
    // The expansion is source text handed to rustc's lexer: strings survive it exactly.
    assert_eq!(
        codes::shop::items::GONE.description(),
        "Text the generated source must escape: \"quotes\", a \\ backslash, \"#, */, {braces}, \u{1f6ab} and \u{2028}."
    );
    assert_eq!(
        "err:shop:orders:not_found".parse::<Code>(),
        Ok(codes::shop::orders::NOT_FOUND)
    );

    let response =
        unkey_errors::ErrorResponse::new(codes::shop::items::GONE, "req_1", "The item was removed");
    assert_eq!(response.error.title, "Gone");
}
