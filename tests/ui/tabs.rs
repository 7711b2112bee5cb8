unkey_errors::catalogue!("../../../../tests/ui/catalogues/tabs.yaml");

fn main() {}
