unkey_errors::catalogue!("../../../../tests/ui/catalogues/three_mistakes.yaml");

fn main() {}
