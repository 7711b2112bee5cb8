// An enum without variants, an error that cannot happen (as `std::convert::Infallible`), derives
// too: a service can name it where an error type is required.
use unkey_errors::UnkeyError;

#[derive(Debug, thiserror::Error, UnkeyError)]
pub enum Never {}

fn code_of<E: UnkeyError>(error: Option<&E>) -> Option<String> {
    error.map(|error| error.code().to_string())
}

pub fn main() {
    assert_eq!(code_of::<Never>(None), None);
}
