unkey_errors::catalogue!("../../../../tests/ui/catalogues/framework.yaml");

fn main() {}
