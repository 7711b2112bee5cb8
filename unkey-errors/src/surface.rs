//! The systems that answer with a catalogue's codes, each in its own response shape.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A system that sends error responses, and so the shape of its bodies.
///
/// A catalogue entry lists the surfaces that send its code (`surfaces: [api, gateway]`), and a
/// derived error answers on one of them: the API unless the type says
/// `#[unkey(surface = "gateway")]`. Written as in a catalogue: `api`, `gateway` (its `Display`,
/// `FromStr` and serde form).
///
/// ```
/// use unkey_errors::Surface;
///
/// assert_eq!(Surface::Gateway.to_string(), "gateway");
/// assert_eq!("api".parse(), Ok(Surface::Api));
/// assert_eq!(serde_json::to_string(&Surface::Api).unwrap(), r#""api""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Surface {
    /// The API: the problem-details envelope, [`ErrorResponse`](crate::ErrorResponse).
    Api,
    /// The gateway in front of deployed apps: `{"meta":{"requestId"},"error":{"code","message"}}`
    /// as JSON, or an HTML error page for a browser.
    Gateway,
}

impl Surface {
    /// Every surface.
    pub const ALL: [Surface; 2] = [Surface::Api, Surface::Gateway];

    /// The surface's name in a catalogue: `api` or `gateway`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Surface::Api => "api",
            Surface::Gateway => "gateway",
        }
    }
}

impl fmt::Display for Surface {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a string is not a surface's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseSurfaceError(String);

impl fmt::Display for ParseSurfaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a surface; expected `api` or `gateway`",
            self.0
        )
    }
}

impl std::error::Error for ParseSurfaceError {}

impl FromStr for Surface {
    type Err = ParseSurfaceError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Surface::ALL
            .into_iter()
            .find(|surface| surface.as_str() == name)
            .ok_or_else(|| ParseSurfaceError(name.to_owned()))
    }
}

impl Serialize for Surface {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Surface {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}
