unkey_errors::catalogue!("../../../../tests/ui/catalogues/malformed_code.yaml");

fn main() {}
