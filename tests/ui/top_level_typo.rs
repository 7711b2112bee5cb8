unkey_errors::catalogue!("../../../../tests/ui/catalogues/top_level_typo.yaml");

fn main() {}
