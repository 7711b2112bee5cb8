//! A small keys service: the way Unkey's services use unkey-errors.
//!
//! The service declares its own error enum; each variant names a catalogue code, and the
//! derive supplies the status, title, docs URL and response body. There is no status switch to
//! keep in sync with anything.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use unkey_errors::axum::ErrorLayer;
use unkey_errors::{Code, UnkeyError, ValidationError};

/// Everything that can go wrong in this service, each mapped to a catalogue code.
#[derive(Debug, thiserror::Error, UnkeyError)]
pub enum KeyError {
    #[error("key {0} does not exist")]
    #[unkey(code = "err:unkey:data:key_not_found")]
    NotFound(String),
    #[error("root key {key_id} cannot be deleted")]
    #[unkey(
        code = "err:unkey:authorization:forbidden",
        detail = "Root keys cannot be deleted."
    )]
    RootKeyDeletion { key_id: String },
    #[error("api {api_id} does not exist")]
    #[unkey(
        code = "err:unkey:data:api_not_found",
        detail = "The API {api_id} was not found."
    )]
    ApiNotFound { api_id: String },
    #[error("the request is invalid")]
    #[unkey(code = "err:unkey:application:invalid_input")]
    Invalid {
        #[unkey(errors)]
        problems: Vec<ValidationError>,
    },
    #[error("the key store is poisoned")]
    #[unkey(code = "err:unkey:application:unexpected_error")]
    StorePoisoned,
}

/// A key as the service stores it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Key {
    pub key_id: String,
    pub api_id: String,
    pub root: bool,
}

/// The request body of the key routes.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyRequest {
    #[serde(default)]
    pub key_id: String,
}

/// The request body of `apis.listKeys`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiRequest {
    #[serde(default)]
    pub api_id: String,
}

/// The keys, and the APIs that exist (whether or not they have keys left).
#[derive(Clone, Default)]
struct Store {
    keys: Arc<Mutex<HashMap<String, Key>>>,
    apis: Arc<BTreeSet<String>>,
}

impl Store {
    fn with<T>(&self, f: impl FnOnce(&mut HashMap<String, Key>) -> T) -> Result<T, KeyError> {
        let mut keys = self.keys.lock().map_err(|_| KeyError::StorePoisoned)?;
        Ok(f(&mut keys))
    }
}

/// An id the request must carry: `value`, sent as the body's `member`, the id of `what`, like
/// `example`.
fn required(value: &str, member: &str, what: &str, example: &str) -> Result<(), KeyError> {
    if value.is_empty() {
        return Err(KeyError::Invalid {
            problems: vec![
                ValidationError::new(format!("body.{member}"), "must not be empty")
                    .with_fix(format!("send the id of {what}, like {example}")),
            ],
        });
    }
    Ok(())
}

async fn get_key(
    State(store): State<Store>,
    Json(request): Json<KeyRequest>,
) -> Result<Json<Key>, KeyError> {
    required(&request.key_id, "keyId", "a key", "key_123")?;
    store
        .with(|keys| keys.get(&request.key_id).cloned())?
        .map(Json)
        .ok_or(KeyError::NotFound(request.key_id))
}

async fn delete_key(
    State(store): State<Store>,
    Json(request): Json<KeyRequest>,
) -> Result<Json<Key>, KeyError> {
    required(&request.key_id, "keyId", "a key", "key_123")?;
    store.with(|keys| match keys.get(&request.key_id) {
        None => Err(KeyError::NotFound(request.key_id.clone())),
        Some(key) if key.root => Err(KeyError::RootKeyDeletion {
            key_id: key.key_id.clone(),
        }),
        Some(_) => keys
            .remove(&request.key_id)
            .map(Json)
            .ok_or(KeyError::NotFound(request.key_id.clone())),
    })?
}

async fn list_keys(
    State(store): State<Store>,
    Json(request): Json<ApiRequest>,
) -> Result<Json<Vec<Key>>, KeyError> {
    required(&request.api_id, "apiId", "an API", "api_123")?;
    // An API with no keys left exists all the same: its list is empty.
    if !store.apis.contains(&request.api_id) {
        return Err(KeyError::ApiNotFound {
            api_id: request.api_id,
        });
    }
    let keys = store.with(|keys| {
        keys.values()
            .filter(|k| k.api_id == request.api_id)
            .cloned()
            .collect::<Vec<_>>()
    })?;
    Ok(Json(keys))
}

/// The service's routes, over a store holding `keys`; the APIs that exist are theirs.
pub fn app(keys: impl IntoIterator<Item = Key>) -> Router {
    let keys: HashMap<String, Key> = keys
        .into_iter()
        .map(|key| (key.key_id.clone(), key))
        .collect();
    let store = Store {
        apis: Arc::new(keys.values().map(|key| key.api_id.clone()).collect()),
        keys: Arc::new(Mutex::new(keys)),
    };
    Router::new()
        .route("/v2/keys.getKey", post(get_key))
        .route("/v2/keys.deleteKey", post(delete_key))
        .route("/v2/apis.listKeys", post(list_keys))
        .with_state(store)
        // Last, so it sees every response: request ids, negotiation, and the catalogue's codes
        // for what axum itself answers (a malformed body, a panic, ...).
        .layer(ErrorLayer::<Code>::new())
}

/// The keys the demo server starts with.
pub fn demo_keys() -> Vec<Key> {
    vec![
        Key {
            key_id: "key_123".into(),
            api_id: "api_123".into(),
            root: false,
        },
        Key {
            key_id: "key_root".into(),
            api_id: "api_123".into(),
            root: true,
        },
    ]
}
