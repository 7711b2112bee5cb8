// A type answers on the API by default, or on the surface it names.
use unkey_errors::{Surface, UnkeyError};

#[derive(Debug, thiserror::Error, UnkeyError)]
#[unkey(surface = "gateway")]
enum ProxyError {
    #[error("the deployment is offline")]
    #[unkey(code = "err:frontline:capacity:deployment_offline")]
    Offline,
}

#[derive(Debug, thiserror::Error, UnkeyError)]
#[unkey(code = "err:unkey:data:key_not_found")]
#[error("no such key")]
struct KeyNotFound;

pub fn main() {
    assert_eq!(ProxyError::Offline.surface(), Surface::Gateway);
    assert_eq!(KeyNotFound.surface(), Surface::Api);
}
