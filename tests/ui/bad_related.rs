unkey_errors::catalogue!("../../../../tests/ui/catalogues/bad_related.yaml");

fn main() {}
