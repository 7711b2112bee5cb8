unkey_errors::catalogue!("../../../../tests/ui/catalogues/empty_title_and_description.yaml");

fn main() {}
