unkey_errors::catalogue!("../../../../tests/ui/catalogues/comment_in_title.yaml");

fn main() {}
