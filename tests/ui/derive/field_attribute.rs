use unkey_errors::{UnkeyError, ValidationError};

#[derive(Debug, thiserror::Error, UnkeyError)]
enum KeyError {
    #[error("invalid")]
    #[unkey(code = "err:unkey:application:invalid_input")]
    Invalid {
        #[unkey(error)]
        problems: Vec<ValidationError>,
    },
    #[error("invalid twice")]
    #[unkey(code = "err:unkey:application:invalid_input")]
    Twice {
        #[unkey(errors)]
        first: Vec<ValidationError>,
        #[unkey(errors)]
        second: Vec<ValidationError>,
    },
}

fn main() {}
