unkey_errors::catalogue!("../../../../tests/ui/catalogues/four_mistakes.yaml");

fn main() {}
