use unkey_errors::Code;

// A match without a wildcard must name every code: adding a catalogue entry breaks it here.
fn status_class(code: Code) -> &'static str {
    match code {
        Code::UnkeyAuthorizationForbidden => "forbidden",
        Code::UnkeyDataKeyNotFound => "not found",
    }
}

fn main() {
    let _ = status_class(unkey_errors::codes::unkey::authorization::FORBIDDEN);
}
