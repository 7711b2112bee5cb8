//! Request ids: taken from the client's `x-request-id` or minted in Unkey's style.

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::header::HeaderValue;
use axum::http::request::Parts;
use axum::http::{HeaderMap, Request};
use tower_http::request_id::MakeRequestId;

use super::REQUEST_ID_HEADER;
pub use crate::request_id::RequestId;
use crate::request_id::{client_id, minted, usable};

/// The id of a request, from the [`ErrorLayer`](super::ErrorLayer) that took or minted it;
/// a fresh one for a request that did not pass through the layer.
///
/// The layer keeps the id in the request's extensions as tower-http's request id, which its
/// own layers read too; this copies it out only for a handler that asks, so a request whose
/// handler does not costs no copy.
impl<S: Send + Sync> FromRequestParts<S> for RequestId {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<tower_http::request_id::RequestId>()
            .and_then(|id| id.header_value().to_str().ok())
            .map_or_else(RequestId::mint, RequestId::from))
    }
}

/// Mints request ids in Unkey's style, `req_` and 16 random `[0-9A-Za-z]` (see
/// [`RequestId::mint`]): [`ErrorLayer`](super::ErrorLayer)'s default. Any other
/// [`tower_http::request_id::MakeRequestId`] (such as tower-http's `MakeRequestUuid`) can take
/// its place with [`ErrorLayer::make_request_id`](super::ErrorLayer::make_request_id).
#[derive(Debug, Clone, Copy, Default)]
pub struct MakeUnkeyRequestId;

impl MakeRequestId for MakeUnkeyRequestId {
    fn make_request_id<B>(
        &mut self,
        _request: &Request<B>,
    ) -> Option<tower_http::request_id::RequestId> {
        // A minted id is `req_` and ASCII letters and digits: always a valid header value.
        let value = HeaderValue::from_str(minted().as_str()).ok()?;
        Some(tower_http::request_id::RequestId::new(value))
    }
}

/// The id the request is served under: the client's, when `trust_client` and the request has
/// exactly one usable `x-request-id`, else one from `make` (or, should it make none or an
/// unusable one, Unkey's style).
pub(super) fn choose<B>(
    request: &Request<B>,
    trust_client: bool,
    make: &mut impl MakeRequestId,
) -> HeaderValue {
    if let Some(id) = client_id(request.headers(), trust_client) {
        return id.clone();
    }
    match make.make_request_id(request) {
        Some(id) if usable(id.header_value().as_bytes()) => id.into_header_value(),
        _ => MakeUnkeyRequestId
            .make_request_id(request)
            .map(tower_http::request_id::RequestId::into_header_value)
            .unwrap_or_else(|| HeaderValue::from_static("req_")),
    }
}

/// Makes `id` the request's: its `x-request-id` header (so inner layers and handlers see the
/// one id), and the extension that both the [`RequestId`] extractor and tower-http's
/// request-id layers read (one shared value: no copy of the text for every request).
pub(super) fn assign<B>(request: &mut Request<B>, id: &HeaderValue) {
    set_header(request.headers_mut(), id);
    request
        .extensions_mut()
        .insert(tower_http::request_id::RequestId::new(id.clone()));
}

/// Sets the one `x-request-id` header of `headers` to `id`.
pub(super) fn set_header(headers: &mut HeaderMap, id: &HeaderValue) {
    headers.insert(REQUEST_ID_HEADER, id.clone());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minted_ids_are_unkey_style_and_unique() {
        let ids: std::collections::HashSet<String> =
            (0..1000).map(|_| RequestId::mint().to_string()).collect();
        assert_eq!(ids.len(), 1000);
        for id in ids {
            assert_eq!(id.len(), 20);
            assert!(id.starts_with("req_"));
            assert!(id[4..].bytes().all(|b| b.is_ascii_alphanumeric()), "{id}");
        }
    }

    #[test]
    fn a_client_id_is_kept_only_when_trusted_single_and_usable() {
        let request = |ids: &[&str]| {
            let mut request = Request::new(());
            for id in ids {
                request
                    .headers_mut()
                    .append(REQUEST_ID_HEADER, HeaderValue::from_str(id).unwrap());
            }
            request
        };
        let mut make = MakeUnkeyRequestId;
        assert_eq!(
            choose(&request(&["req_client"]), true, &mut make),
            "req_client"
        );
        for (ids, trusted) in [
            (&["req_client"][..], false),
            (&["a", "b"][..], true),
            (&[""][..], true),
            (&["has space"][..], true),
            (&[&*"x".repeat(129)][..], true),
        ] {
            let chosen = choose(&request(ids), trusted, &mut make);
            assert!(chosen.to_str().unwrap().starts_with("req_"), "{ids:?}");
            assert_eq!(chosen.len(), 20, "{ids:?}");
        }
    }
}
