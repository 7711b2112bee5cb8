unkey_errors::catalogue!("../../../../tests/ui/catalogues/status_out_of_range.yaml");

fn main() {}
