use unkey_errors::Code;

// Outside the crate that defines it, `Code` is `#[non_exhaustive]`: a match must keep a
// wildcard arm, so a release that adds codes cannot break it.
fn status_class(code: Code) -> &'static str {
    match code {
        Code::UnkeyAuthorizationForbidden => "forbidden",
        Code::UnkeyDataKeyNotFound => "not found",
    }
}

fn main() {
    let _ = status_class(unkey_errors::codes::unkey::authorization::FORBIDDEN);
}
