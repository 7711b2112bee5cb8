// With the `axum` feature on (as the UI tests build the runtime): a generic type with a default
// derives (the default stays on the type, not on the impls), and a type that skips the derived
// `IntoResponse` writes its own without a conflict, adding a header to the derived response.
// (tests/http/tests/http/test_derive_response.rs compiles the same with `utoipa` on too.)
use axum::response::{IntoResponse, Response};
use unkey_errors::UnkeyError;

#[derive(Debug, thiserror::Error, UnkeyError)]
enum StoreError<T: std::fmt::Display = String, const N: usize = 3> {
    #[error("no such key {0}")]
    #[unkey(
        code = "err:unkey:data:key_not_found",
        detail = "Key {0} was not found."
    )]
    NotFound(T),
}

#[derive(Debug, thiserror::Error, UnkeyError)]
#[unkey(skip(IntoResponse))]
enum AuthError {
    #[error("no such root key")]
    #[unkey(code = "err:unkey:authentication:key_not_found")]
    UnknownKey,
}

impl IntoResponse for AuthError {
    fn into_response(self) -> Response {
        let mut response = unkey_errors::axum::into_response(&self);
        response
            .headers_mut()
            .insert("www-authenticate", "Bearer".parse().unwrap());
        response
    }
}

pub fn main() {
    let error: StoreError = StoreError::NotFound("key_1".to_owned());
    assert_eq!(error.detail(), "Key key_1 was not found.");
    assert_eq!(error.into_response().status(), 404);
    let error = StoreError::<u32, 1>::NotFound(7);
    assert_eq!(error.detail(), "Key 7 was not found.");
    let response = AuthError::UnknownKey.into_response();
    assert_eq!(response.status(), 401);
    assert_eq!(response.headers()["www-authenticate"], "Bearer");
}
