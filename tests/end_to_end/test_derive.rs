//! `#[derive(UnkeyError)]` at runtime: codes, details, masking of server errors, the `errors`
//! array, structs, generics, and composition with thiserror.

use std::error::Error as _;
use std::fmt::Display;

use unkey_errors::{Code, UnkeyError, ValidationError, codes};

#[derive(Debug, thiserror::Error, UnkeyError)]
pub enum KeyError {
    #[error("root keys cannot be deleted")]
    #[unkey(code = "err:unkey:authorization:forbidden")]
    Forbidden,
    #[error("key {0} does not exist")]
    #[unkey(code = "err:unkey:data:key_not_found")]
    NotFound(String),
    #[error("api {api_id} does not exist")]
    #[unkey(
        code = "err:unkey:data:api_not_found",
        detail = "The API {api_id} was not found."
    )]
    ApiNotFound { api_id: String },
    #[error("identity {1} of workspace {0} exists")]
    #[unkey(
        code = "err:unkey:data:identity_already_exists",
        detail = "An identity with external id {1:?} already exists."
    )]
    IdentityExists(String, String),
    #[error("database failure: {0}")]
    #[unkey(code = "err:unkey:application:unexpected_error")]
    Database(#[source] std::io::Error),
    #[error("analytics store at {host} is down")]
    #[unkey(
        code = "err:unkey:data:analytics_connection_failed",
        detail = "Analytics are unavailable; retry shortly."
    )]
    Analytics { host: String },
    #[error("invalid request")]
    #[unkey(code = "err:unkey:application:invalid_input")]
    Invalid {
        #[unkey(errors)]
        problems: Vec<ValidationError>,
    },
    #[error("missing credentials")]
    #[unkey(code = "err:unkey:authentication:missing")]
    Unauthenticated,
}

#[test]
fn each_variant_maps_to_its_code_and_the_code_s_facts() {
    let cases = [
        (KeyError::Forbidden, codes::unkey::authorization::FORBIDDEN),
        (
            KeyError::NotFound("key_1".into()),
            codes::unkey::data::KEY_NOT_FOUND,
        ),
        (
            KeyError::ApiNotFound {
                api_id: "api_1".into(),
            },
            codes::unkey::data::API_NOT_FOUND,
        ),
        (
            KeyError::Database(std::io::Error::other("x")),
            codes::unkey::application::UNEXPECTED_ERROR,
        ),
    ];
    for (error, code) in cases {
        assert_eq!(error.code(), code);
        assert_eq!(error.status(), code.status());
        assert_eq!(error.title(), code.title());
        assert_eq!(error.docs_url(), code.docs_url());
        assert_eq!(error.is_server_error(), code.status() >= 500);
    }
}

#[test]
fn client_errors_without_a_template_show_their_display_text() {
    assert_eq!(KeyError::Forbidden.detail(), "root keys cannot be deleted");
    assert_eq!(
        KeyError::NotFound("key_1".into()).detail(),
        "key key_1 does not exist"
    );
}

#[test]
fn templates_fill_named_and_positional_fields_with_format_specs() {
    let error = KeyError::ApiNotFound {
        api_id: "api_123".into(),
    };
    assert_eq!(error.detail(), "The API api_123 was not found.");
    let error = KeyError::IdentityExists("ws_1".into(), "user_7".into());
    assert_eq!(
        error.detail(),
        "An identity with external id \"user_7\" already exists."
    );
}

#[test]
fn server_errors_never_reach_the_response_with_their_internals() {
    let error = KeyError::Database(std::io::Error::other("connection refused by 10.0.0.7:3306"));
    assert_eq!(
        error.to_string(),
        "database failure: connection refused by 10.0.0.7:3306"
    );
    assert_eq!(
        error.detail(),
        codes::unkey::application::UNEXPECTED_ERROR.description()
    );
    let body = serde_json::to_string(&error.to_response("req_1")).unwrap();
    assert!(!body.contains("10.0.0.7"), "{body}");
    assert!(!body.contains("database failure"), "{body}");

    // A 5xx with a template shows the template, never the Display text.
    let error = KeyError::Analytics {
        host: "clickhouse-3.internal".into(),
    };
    assert_eq!(error.detail(), "Analytics are unavailable; retry shortly.");
    assert!(
        !serde_json::to_string(&error.to_response("req_1"))
            .unwrap()
            .contains("clickhouse")
    );
}

#[test]
fn thiserror_sources_are_untouched() {
    let error = KeyError::Database(std::io::Error::other("disk full"));
    assert_eq!(error.source().unwrap().to_string(), "disk full");
    assert!(KeyError::Forbidden.source().is_none());
}

#[test]
fn the_errors_field_becomes_the_errors_array() {
    let error = KeyError::Invalid {
        problems: vec![
            ValidationError::new("body.apiId", "must not be empty"),
            ValidationError::new("body.limit", "must be at most 100").with_fix("send 100 or less"),
        ],
    };
    assert_eq!(error.validation_errors().len(), 2);
    let json = serde_json::to_value(error.to_response("req_9")).unwrap();
    assert_eq!(json["meta"]["requestId"], "req_9");
    assert_eq!(json["error"]["status"], 400);
    assert_eq!(json["error"]["detail"], "invalid request");
    assert_eq!(
        json["error"]["errors"],
        serde_json::json!([
            {"location": "body.apiId", "message": "must not be empty"},
            {"location": "body.limit", "message": "must be at most 100", "fix": "send 100 or less"}
        ])
    );
}

#[test]
fn bad_request_codes_without_an_errors_field_send_an_empty_array() {
    let json = serde_json::to_value(KeyError::Unauthenticated.to_response("req_1")).unwrap();
    assert_eq!(json["error"]["errors"], serde_json::json!([]));
    let json = serde_json::to_value(KeyError::Forbidden.to_response("req_1")).unwrap();
    assert!(json["error"].get("errors").is_none());
}

#[test]
fn the_response_agrees_with_the_catalogue() {
    let response = KeyError::Forbidden.to_response("req_2c9a0jf23l4k567");
    assert_eq!(response.meta.request_id, "req_2c9a0jf23l4k567");
    assert_eq!(response.error.status, 403);
    assert_eq!(response.error.title, "Forbidden");
    assert_eq!(
        response.error.type_url,
        "https://unkey.com/docs/errors/unkey/authorization/forbidden"
    );
    assert_eq!(response.error.detail, "root keys cannot be deleted");
}

/// One code for a whole struct.
#[derive(Debug, thiserror::Error, UnkeyError)]
#[error("workspace {workspace_id} is disabled")]
#[unkey(
    code = "err:unkey:authorization:workspace_disabled",
    detail = "Workspace {workspace_id} is disabled."
)]
pub struct WorkspaceDisabled {
    workspace_id: String,
}

#[derive(Debug, thiserror::Error, UnkeyError)]
#[error("rate limited")]
#[unkey(code = "err:user:too_many_requests:workspace_rate_limited")]
pub struct RateLimited;

#[test]
fn structs_have_one_code() {
    let error = WorkspaceDisabled {
        workspace_id: "ws_1".into(),
    };
    assert_eq!(
        error.code(),
        codes::unkey::authorization::WORKSPACE_DISABLED
    );
    assert_eq!(error.detail(), "Workspace ws_1 is disabled.");
    assert_eq!(RateLimited.status(), 429);
    assert_eq!(RateLimited.detail(), "rate limited");
}

/// Generics and lifetimes pass through, with the bounds of thiserror's `Display`.
#[derive(Debug, thiserror::Error, UnkeyError)]
pub enum Lookup<'a, T: Display + std::fmt::Debug> {
    #[error("no {kind} named {name}")]
    #[unkey(
        code = "err:unkey:data:key_not_found",
        detail = "No {kind} is named {name}."
    )]
    Missing { kind: &'a str, name: T },
    #[error("upstream said {0}")]
    #[unkey(code = "err:unkey:application:service_unavailable")]
    Upstream(T),
}

#[test]
fn generic_and_borrowing_errors_work() {
    let error: Lookup<'_, u32> = Lookup::Missing {
        kind: "key",
        name: 42,
    };
    assert_eq!(error.detail(), "No key is named 42.");
    assert_eq!(error.status(), 404);
    let error: Lookup<'_, &str> = Lookup::Upstream("secret-internal-host");
    assert_eq!(error.status(), 500);
    assert!(!error.detail().contains("secret"));
}

/// A hand-written impl, for errors whose code is only known at runtime.
#[derive(Debug)]
struct Internal(Code);

impl Display for Internal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "internal: token sk_live_SECRET leaked in {}", self.0)
    }
}

impl UnkeyError for Internal {
    type Code = Code;

    fn code(&self) -> Code {
        self.0
    }
}

#[test]
fn no_server_error_code_ever_sends_its_display_text() {
    let server_codes: Vec<Code> = Code::ALL
        .iter()
        .copied()
        .filter(|c| c.status() >= 500)
        .collect();
    assert!(server_codes.len() >= 10);
    for code in server_codes {
        let body = serde_json::to_string(&Internal(code).to_response("req_1")).unwrap();
        assert!(
            !body.contains("SECRET") && !body.contains("internal:"),
            "{code}: {body}"
        );
        assert!(body.contains(&serde_json::to_string(code.description()).unwrap()[1..]));
    }
    // And a client error does send it: the masking is by status, not by accident.
    let body = serde_json::to_string(&Internal(codes::unkey::data::KEY_NOT_FOUND).to_response("r"))
        .unwrap();
    assert!(body.contains("SECRET"));
}

#[derive(Debug, thiserror::Error, UnkeyError)]
enum Storage {
    #[error("storage failed")]
    #[unkey(code = "err:unkey:application:unexpected_error")]
    Io(#[from] std::io::Error),
}

#[test]
fn thiserror_from_conversions_still_work() {
    fn read() -> Result<(), Storage> {
        Err(std::io::Error::other("disk"))?;
        Ok(())
    }
    let error = read().unwrap_err();
    assert_eq!(error.status(), 500);
    assert_eq!(error.source().unwrap().to_string(), "disk");
}

#[test]
fn the_http_feature_gives_a_status_code() {
    assert_eq!(
        KeyError::Forbidden.http_status(),
        http::StatusCode::FORBIDDEN
    );
    assert_eq!(
        unkey_errors::ErrorCode::http_status(codes::frontline::upstream::GATEWAY_TIMEOUT),
        http::StatusCode::GATEWAY_TIMEOUT
    );
}
