//! The example service, served on 127.0.0.1 and called over HTTP like a client would.

use std::net::SocketAddr;

use serde_json::{Value, json};

async fn serve() -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let app = keys_service::app(keys_service::demo_keys());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    address
}

/// POSTs `body` to `route`; returns the status, content type and JSON body.
async fn post(address: SocketAddr, route: &str, body: Value) -> (u16, String, Value) {
    let url = format!("http://{address}{route}");
    tokio::task::spawn_blocking(move || {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let mut response = agent.post(&url).send_json(body).unwrap();
        let content_type = response.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_owned();
        let json: Value = response.body_mut().read_json().unwrap();
        (response.status().as_u16(), content_type, json)
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn an_existing_key_is_returned() {
    let address = serve().await;
    let (status, _, body) = post(address, "/v2/keys.getKey", json!({"keyId": "key_123"})).await;
    assert_eq!(status, 200);
    assert_eq!(body["apiId"], "api_123");
}

#[tokio::test]
async fn a_missing_key_is_a_404_with_the_catalogue_s_title_and_docs_url() {
    let address = serve().await;
    let (status, content_type, body) =
        post(address, "/v2/keys.getKey", json!({"keyId": "key_nope"})).await;
    assert_eq!(
        (status, content_type.as_str()),
        (404, "application/problem+json")
    );
    assert_eq!(body["error"]["title"], "Not Found");
    assert_eq!(
        body["error"]["type"],
        "https://unkey.com/docs/errors/unkey/data/key_not_found"
    );
    assert_eq!(body["error"]["detail"], "key key_nope does not exist");
    assert!(
        body["meta"]["requestId"]
            .as_str()
            .unwrap()
            .starts_with("req_")
    );
}

#[tokio::test]
async fn deleting_a_root_key_is_forbidden_with_the_template_detail() {
    let address = serve().await;
    let (status, _, body) = post(address, "/v2/keys.deleteKey", json!({"keyId": "key_root"})).await;
    assert_eq!(status, 403);
    assert_eq!(body["error"]["detail"], "Root keys cannot be deleted.");
    let (status, _, _) = post(address, "/v2/keys.deleteKey", json!({"keyId": "key_123"})).await;
    assert_eq!(status, 200);
    let (status, _, _) = post(address, "/v2/keys.getKey", json!({"keyId": "key_123"})).await;
    assert_eq!(status, 404, "the key is gone");
}

#[tokio::test]
async fn an_empty_key_id_lists_the_problem_in_the_errors_array() {
    let address = serve().await;
    let (status, _, body) = post(address, "/v2/keys.getKey", json!({})).await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["title"], "Bad Request");
    assert_eq!(
        body["error"]["errors"],
        json!([{"location": "body.keyId", "message": "must not be empty", "fix": "send the id of a key, like key_123"}])
    );
}

#[tokio::test]
async fn an_unknown_api_uses_the_detail_template() {
    let address = serve().await;
    let (status, _, body) = post(address, "/v2/apis.listKeys", json!({"apiId": "api_nope"})).await;
    assert_eq!(status, 404);
    assert_eq!(body["error"]["detail"], "The API api_nope was not found.");
}

#[tokio::test]
async fn an_api_without_an_id_is_invalid_input_and_one_with_no_keys_left_lists_none() {
    let address = serve().await;
    let (status, _, body) = post(address, "/v2/apis.listKeys", json!({})).await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["errors"][0]["location"], "body.apiId");
    let (status, _, _) = post(address, "/v2/keys.deleteKey", json!({"keyId": "key_123"})).await;
    assert_eq!(status, 200);
    // api_123 keeps only its root key; the list is what is left, not "API not found".
    let (status, _, body) = post(address, "/v2/apis.listKeys", json!({"apiId": "api_123"})).await;
    assert_eq!(status, 200);
    assert_eq!(body.as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn a_body_of_the_wrong_shape_is_unkeys_invalid_input_with_where_it_went_wrong() {
    let address = serve().await;
    let (status, _, body) = post(address, "/v2/keys.getKey", json!({"keyId": 123})).await;
    assert_eq!(status, 400);
    assert_eq!(
        body["error"]["type"],
        "https://unkey.com/docs/errors/unkey/application/invalid_input"
    );
    assert_eq!(
        body["error"]["errors"],
        json!([{"location": "body.keyId", "message": "does not have the expected type or value"}])
    );
}
