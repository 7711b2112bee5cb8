unkey_errors::catalogue!("../../../../tests/ui/catalogues/deep_nesting.yaml");

fn main() {}
