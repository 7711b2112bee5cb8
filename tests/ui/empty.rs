unkey_errors::catalogue!("../../../../tests/ui/catalogues/empty.yaml");

fn main() {}
