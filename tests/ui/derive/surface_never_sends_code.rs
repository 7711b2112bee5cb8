// A code the type's surface never sends is an error on the code string: an API type naming a
// gateway-only code, a gateway type naming an API-only code (at run time both would answer
// 500 "The gateway could not process this request." or a status the API never sends).
use unkey_errors::UnkeyError;

#[derive(Debug, thiserror::Error, UnkeyError)]
enum KeyError {
    #[error("no such key")]
    #[unkey(code = "err:unkey:data:key_not_found")]
    NotFound,
    #[error("no deployment")]
    #[unkey(code = "err:frontline:routing:deployment_not_found")]
    NoDeployment,
}

#[derive(Debug, thiserror::Error, UnkeyError)]
#[unkey(surface = "gateway")]
enum EdgeError {
    #[error("the deployment is offline")]
    #[unkey(code = "err:frontline:capacity:deployment_offline")]
    Offline,
    // Sent by both: fine on the gateway.
    #[error("no credentials")]
    #[unkey(code = "err:unkey:authentication:missing")]
    Missing,
    #[error("no such key")]
    #[unkey(code = "err:unkey:data:key_not_found")]
    NotFound,
}

#[derive(Debug, thiserror::Error, UnkeyError)]
#[unkey(code = "err:frontline:capacity:deployment_offline")]
#[error("offline")]
struct Offline;

fn main() {
    let _ = KeyError::NotFound.status();
    let _ = EdgeError::Offline.status();
    let _ = Offline.status();
}
