// Naming a deprecated code warns (here denied, to show the warnings); the generated code that
// names it itself (the tables, the constants, the lookup) does not.
#![deny(deprecated)]

mod shop {
    unkey_errors::catalogue!("../../../../tests/ui/catalogues/deprecated.yaml");
}

fn main() {
    // Current codes are fine.
    let _ = shop::codes::shop::orders::NOT_FOUND;
    let _ = shop::Code::ShopOrdersNotFound;
    // Deprecated ones warn, through the constant and the variant alike.
    let _ = shop::codes::shop::orders::MISSING;
    let _ = shop::Code::ShopOrdersMissing;
    // Parsing and the runtime query do not: clients keep working.
    let code: shop::Code = "err:shop:orders:missing".parse().unwrap();
    assert_eq!(code.deprecation(), Some("use err:shop:orders:not_found instead"));
}
