unkey_errors::catalogue!("../../../../tests/ui/catalogues");

fn main() {}
