//! A code that is a 4xx on the API but a 5xx on the gateway, whose gateway message comes from the
//! error raised: raised on the gateway, its error's text must never reach the body, because
//! there it is a server error; raised on the API, it is a client error and says what it says.

use unkey_errors::{GatewayResponse, UnkeyError};

mod edge {
    unkey_errors::catalogue!("tests/fixtures/leak.yaml");
}

const SECRET: &str = "upstream 10.0.0.7 said: auth token abc123 expired";

#[derive(Debug, thiserror::Error, UnkeyError)]
#[unkey(catalogue = edge, surface = "gateway")]
enum EdgeError {
    #[error("{0}")]
    #[unkey(code = "err:edge:upstream:refused")]
    Refused(String),
}

#[derive(Debug, thiserror::Error, UnkeyError)]
#[unkey(catalogue = edge)]
enum ApiError {
    #[error("{0}")]
    #[unkey(code = "err:edge:upstream:refused")]
    Refused(String),
}

#[test]
fn on_the_gateway_the_5xx_masks_the_errors_text_with_the_description() {
    let error = EdgeError::Refused(SECRET.to_owned());
    assert_eq!((error.status(), error.title()), (502, "Bad Gateway"));
    assert!(error.is_server_error());
    assert_eq!(error.detail(), "The upstream refused the request.");
    let body = GatewayResponse::for_error(&error, "req_1");
    assert_eq!(body.status(), 502);
    let text = serde_json::to_string(&body).unwrap();
    assert!(!text.contains("10.0.0.7"), "{text}");
    assert!(!body.to_html().contains("abc123"));
}

#[test]
fn on_the_api_the_same_code_is_a_client_error_and_says_what_it_says() {
    let error = ApiError::Refused("the field `colour` is not taken".to_owned());
    assert_eq!((error.status(), error.title()), (400, "Bad Request"));
    assert!(!error.is_server_error());
    assert_eq!(error.detail(), "the field `colour` is not taken");
}

#[test]
fn an_api_error_answered_as_the_gateways_5xx_is_masked_too() {
    // Nothing stops a service from building the gateway's body from an error of the API's
    // surface, where the code is a client error and its detail is its own text.
    let body = GatewayResponse::for_error(&ApiError::Refused(SECRET.to_owned()), "req_1");
    assert_eq!(body.status(), 502);
    assert_eq!(body.error.message, "The upstream refused the request.");
    let text = serde_json::to_string(&body).unwrap();
    assert!(!text.contains("10.0.0.7"), "{text}");
    assert!(!body.to_html().contains("abc123"));
}
