//! Request ids, shared by the axum and gRPC layers: kept from a client or minted in Unkey's
//! style.

use std::borrow::Borrow;
use std::convert::Infallible;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The header (HTTP) and metadata key (gRPC) a request id travels in.
pub(crate) const HEADER_NAME: http::HeaderName = http::HeaderName::from_static("x-request-id");

/// The longest request id accepted from a client; a longer one is replaced.
const MAX_REQUEST_ID_LEN: usize = 128;

/// How many random characters follow `req_` in a minted id.
const MINTED_LEN: usize = 16;

/// The id of a request, e.g. `req_2c9a0jf23l4k567`.
///
/// The axum `ErrorLayer` and the gRPC `grpc::ErrorLayer` (features `axum`, `tonic`) give every
/// request one (the client's
/// `x-request-id`, or a minted one), put it in the request's extensions, and quote it in every
/// error they answer with and log. It is shared, so copies cost no allocation.
///
/// ```
/// use unkey_errors::RequestId;
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
    pub fn from_header(value: &http::HeaderValue) -> Option<Self> {
        usable(value.as_bytes()).then(|| RequestId(value.to_str().unwrap_or_default().into()))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
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

/// The client's id, when `trust_client` and `headers` hold exactly one usable `x-request-id`
/// (HTTP's header or gRPC's metadata, named alike). Several ids for one request are ambiguous
/// (which would the caller quote to support?), and taking the first would let whoever added
/// headers first decide: the layers mint one instead.
pub(crate) fn client_id(
    headers: &http::HeaderMap,
    trust_client: bool,
) -> Option<&http::HeaderValue> {
    if !trust_client {
        return None;
    }
    let mut sent = headers.get_all(HEADER_NAME).iter();
    match (sent.next(), sent.next()) {
        (Some(value), None) if usable(value.as_bytes()) => Some(value),
        _ => None,
    }
}

/// Whether a client's `x-request-id` value may be kept: 1 to 128 visible ASCII characters.
pub(crate) fn usable(value: &[u8]) -> bool {
    !value.is_empty() && value.len() <= MAX_REQUEST_ID_LEN && value.iter().all(u8::is_ascii_graphic)
}

/// A minted id's text, `req_` and 16 random `[0-9A-Za-z]`, on the stack.
pub(crate) struct Minted([u8; 4 + MINTED_LEN]);

impl Minted {
    pub(crate) fn as_str(&self) -> &str {
        // `req_` and ASCII letters and digits: always UTF-8.
        std::str::from_utf8(&self.0).unwrap_or("req_")
    }
}

/// A fresh id in Unkey's style (see [`RequestId::mint`]).
pub(crate) fn minted() -> Minted {
    use rand::Rng as _;
    let mut id = [0u8; 4 + MINTED_LEN];
    id[..4].copy_from_slice(b"req_");
    let mut rng = rand::rng();
    for byte in &mut id[4..] {
        *byte = rng.sample(rand::distr::Alphanumeric);
    }
    Minted(id)
}
