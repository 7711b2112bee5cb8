unkey_errors::catalogue!("../../../../tests/ui/catalogues/surfaces.yaml");

fn main() {}
