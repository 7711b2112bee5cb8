unkey_errors::catalogue!("../../../../tests/ui/catalogues/alias_bomb.yaml");

fn main() {}
