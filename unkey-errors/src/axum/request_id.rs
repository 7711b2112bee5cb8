//! Request ids: taken from the client's `x-request-id` or minted in Unkey's style.

use std::borrow::Borrow;
use std::convert::Infallible;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::header::HeaderValue;
use axum::http::request::Parts;
use axum::http::{HeaderMap, Request};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use tower_http::request_id::MakeRequestId;

use super::REQUEST_ID_HEADER;

/// The longest request id accepted from a client; a longer one is replaced.
const MAX_REQUEST_ID_LEN: usize = 128;

/// How many random characters follow `req_` in a minted id.
const MINTED_LEN: usize = 16;

/// The id of a request, e.g. `req_2c9a0jf23l4k567`.
///
/// [`ErrorLayer`](super::ErrorLayer) gives every request one (the client's `x-request-id`, or
/// a minted one) and quotes it in every error body and in the response's `x-request-id`
/// header. Handlers take it as an extractor; it is shared, so copies cost no allocation.
///
/// ```
/// use unkey_errors::axum::RequestId;
///
/// let id: RequestId = "req_2c9a0jf23l4k567".parse().unwrap();
/// assert_eq!(id.as_str(), "req_2c9a0jf23l4k567");
/// assert_eq!(serde_json::to_string(&id).unwrap(), r#""req_2c9a0jf23l4k567""#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RequestId(Arc<str>);

impl RequestId {
    /// A fresh id in Unkey's style: `req_` and 16 characters drawn uniformly from `[0-9A-Za-z]`
    /// (about 95 random bits), e.g. `req_4Tq9ZbX0pLm2Rk7w`.
    ///
    /// The characters come from the thread's cryptographically secure generator
    /// (`rand::rng()`, seeded from the operating system), so ids are unique in practice and
    /// cannot be guessed from the ones a client has seen.
    #[must_use]
    pub fn mint() -> Self {
        RequestId(minted().as_str().into())
    }

    /// The id a client sent, if it is usable: 1 to 128 visible ASCII characters.
    pub fn from_header(value: &HeaderValue) -> Option<Self> {
        usable(value).then(|| RequestId(value.to_str().unwrap_or_default().into()))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The id of a request, from the [`ErrorLayer`](super::ErrorLayer) that took or minted it;
/// a fresh one for a request that did not pass through the layer.
impl<S: Send + Sync> FromRequestParts<S> for RequestId {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<RequestId>()
            .cloned()
            .unwrap_or_else(RequestId::mint))
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for RequestId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for RequestId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<String> for RequestId {
    fn from(id: String) -> Self {
        RequestId(id.into())
    }
}

impl From<&str> for RequestId {
    fn from(id: &str) -> Self {
        RequestId(id.into())
    }
}

impl From<RequestId> for String {
    fn from(id: RequestId) -> Self {
        id.0.as_ref().to_owned()
    }
}

/// Any text is an id; parsing never fails. (Which ids a client may send is decided where they
/// arrive: [`RequestId::from_header`].)
impl FromStr for RequestId {
    type Err = Infallible;

    fn from_str(id: &str) -> Result<Self, Self::Err> {
        Ok(RequestId(id.into()))
    }
}

impl Serialize for RequestId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for RequestId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Ok(RequestId(id.as_ref().into()))
    }
}

/// Whether a client's `x-request-id` value may be kept: 1 to 128 visible ASCII characters.
fn usable(value: &HeaderValue) -> bool {
    let bytes = value.as_bytes();
    !bytes.is_empty() && bytes.len() <= MAX_REQUEST_ID_LEN && bytes.iter().all(u8::is_ascii_graphic)
}

/// A minted id's text, `req_` and 16 random `[0-9A-Za-z]`, on the stack.
struct Minted([u8; 4 + MINTED_LEN]);

impl Minted {
    fn as_str(&self) -> &str {
        // `req_` and ASCII letters and digits: always UTF-8.
        std::str::from_utf8(&self.0).unwrap_or("req_")
    }
}

fn minted() -> Minted {
    use rand::Rng as _;
    let mut id = [0u8; 4 + MINTED_LEN];
    id[..4].copy_from_slice(b"req_");
    let mut rng = rand::rng();
    for byte in &mut id[4..] {
        *byte = rng.sample(rand::distr::Alphanumeric);
    }
    Minted(id)
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
    if trust_client {
        // Several ids for one request are ambiguous (which would the caller quote to support?),
        // and taking the first would let whoever added headers first decide: mint instead.
        let mut sent = request.headers().get_all(&REQUEST_ID_HEADER).iter();
        if let (Some(value), None) = (sent.next(), sent.next()) {
            if usable(value) {
                return value.clone();
            }
        }
    }
    match make.make_request_id(request) {
        Some(id) if usable(id.header_value()) => id.into_header_value(),
        _ => MakeUnkeyRequestId
            .make_request_id(request)
            .map(tower_http::request_id::RequestId::into_header_value)
            .unwrap_or_else(|| HeaderValue::from_static("req_")),
    }
}

/// Makes `id` the request's: its `x-request-id` header (so inner layers and handlers see the
/// one id), and extensions for the [`RequestId`] extractor and tower-http's request-id layers.
pub(super) fn assign<B>(request: &mut Request<B>, id: &HeaderValue) {
    set_header(request.headers_mut(), id);
    // `choose` keeps only visible ASCII: always text.
    let text = id.to_str().unwrap_or_default();
    let extensions = request.extensions_mut();
    extensions.insert(RequestId(text.into()));
    extensions.insert(tower_http::request_id::RequestId::new(id.clone()));
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
