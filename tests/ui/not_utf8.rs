unkey_errors::catalogue!("../../../../tests/ui/catalogues/not_utf8.yaml");

fn main() {}
