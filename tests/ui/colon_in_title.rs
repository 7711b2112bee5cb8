unkey_errors::catalogue!("../../../../tests/ui/catalogues/colon_in_title.yaml");

fn main() {}
