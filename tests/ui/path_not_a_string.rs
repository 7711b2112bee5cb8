unkey_errors::catalogue!(errors.yaml);

fn main() {}
