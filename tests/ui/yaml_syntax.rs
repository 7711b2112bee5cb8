unkey_errors::catalogue!("../../../../tests/ui/catalogues/yaml_syntax.yaml");

fn main() {}
