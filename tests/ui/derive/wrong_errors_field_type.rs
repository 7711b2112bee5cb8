use unkey_errors::UnkeyError;

#[derive(Debug, thiserror::Error, UnkeyError)]
enum KeyError {
    #[error("invalid")]
    #[unkey(code = "err:unkey:application:invalid_input")]
    Invalid {
        #[unkey(errors)]
        problems: Vec<String>,
    },
}

fn main() {}
