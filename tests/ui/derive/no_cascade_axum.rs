// A derive with a mistake still implements its traits, so the handler below (which needs
// `IntoResponse`) and the call to `to_response` add nothing: the one error is ours.
use unkey_errors::UnkeyError;

#[derive(Debug, thiserror::Error, UnkeyError)]
enum KeyError {
    #[error("no such key")]
    #[unkey(code = "err:unkey:data:key_not_fund")]
    NotFound,
}

async fn handler() -> Result<&'static str, KeyError> {
    Err(KeyError::NotFound)
}

fn main() {
    let _router: axum::Router = axum::Router::new().route("/", axum::routing::get(handler));
    let _ = KeyError::NotFound.to_response("req_1");
}
