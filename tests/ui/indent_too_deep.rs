unkey_errors::catalogue!("../../../../tests/ui/catalogues/indent_too_deep.yaml");

fn main() {}
