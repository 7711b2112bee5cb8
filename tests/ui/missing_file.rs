unkey_errors::catalogue!("../../../../tests/ui/catalogues/does_not_exist.yaml");

fn main() {}
