unkey_errors::catalogue!("../../../../tests/ui/catalogues/no_space_after_colon.yaml");

fn main() {}
