// `#[unkey(errors)]` needs a code whose body has an `errors` array (`errors_array: true`):
// otherwise the body would carry a member the catalogue says is absent. The error is on the
// code string. A gateway type's body has no `errors` array at all: that error is on the mark.
use unkey_errors::{UnkeyError, ValidationError};

#[derive(Debug, thiserror::Error, UnkeyError)]
enum KeyError {
    // invalid_input has the array: fine.
    #[error("invalid")]
    #[unkey(code = "err:unkey:application:invalid_input")]
    Invalid {
        #[unkey(errors)]
        problems: Vec<ValidationError>,
    },
    #[error("no such key")]
    #[unkey(code = "err:unkey:data:key_not_found")]
    NotFound(#[unkey(errors)] Vec<ValidationError>),
}

#[derive(Debug, thiserror::Error, UnkeyError)]
#[unkey(surface = "gateway")]
enum EdgeError {
    #[error("no credentials")]
    #[unkey(code = "err:unkey:authentication:missing")]
    Missing(#[unkey(errors)] Vec<ValidationError>),
}

fn main() {
    let _ = KeyError::NotFound(Vec::new()).status();
    let _ = EdgeError::Missing(Vec::new()).status();
}
