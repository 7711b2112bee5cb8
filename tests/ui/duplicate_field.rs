unkey_errors::catalogue!("../../../../tests/ui/catalogues/duplicate_field.yaml");

fn main() {}
