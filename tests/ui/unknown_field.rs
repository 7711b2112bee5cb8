unkey_errors::catalogue!("../../../../tests/ui/catalogues/unknown_field.yaml");

fn main() {}
