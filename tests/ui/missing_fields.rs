unkey_errors::catalogue!("../../../../tests/ui/catalogues/missing_fields.yaml");

fn main() {}
