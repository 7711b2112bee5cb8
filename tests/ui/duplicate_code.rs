unkey_errors::catalogue!("../../../../tests/ui/catalogues/duplicate_code.yaml");

fn main() {}
