// Each `header = "name: value"` is checked where it is written: its shape, its name, the
// headers the response sets itself, the literal text of its value, and the fields its
// placeholders name. `header` goes on a variant; `skip` on the type, naming known impls.
use unkey_errors::UnkeyError;

#[derive(Debug, thiserror::Error, UnkeyError)]
#[unkey(header = "www-authenticate: Bearer")]
enum KeyError {
    #[error("limited")]
    #[unkey(
        code = "err:user:too_many_requests:workspace_rate_limited",
        header = "retry-after {seconds}",
        header = "retry after: {seconds}",
        header = "Content-Type: text/plain",
        header = "retry-after: {secs}",
        header = "x-note: line\r\nset-cookie: a=b",
        header = "x-note:   ",
    )]
    Limited { seconds: u64 },
    #[error("no such key")]
    #[unkey(code = "err:unkey:authentication:key_not_found", skip(IntoResponse))]
    Unknown,
}

#[derive(Debug, thiserror::Error, UnkeyError)]
#[unkey(skip(IntoRespons, IntoResponse, IntoResponse))]
enum Skipped {
    #[error("no such key")]
    #[unkey(code = "err:unkey:authentication:key_not_found")]
    Unknown,
}

fn main() {
    let _ = KeyError::Unknown.headers();
    let _ = Skipped::Unknown.headers();
}
