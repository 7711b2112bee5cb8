//! The systems that answer with a catalogue's codes, each in its own response shape.

/// A system that sends error responses, and so the shape of its bodies.
///
/// A catalogue entry lists the surfaces that send its code (`surfaces: [api, gateway]`), and a
/// derived error answers on one of them: the API unless the type says
/// `#[unkey(surface = "gateway")]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Surface {
    /// The API: the problem-details envelope, [`ErrorResponse`](crate::ErrorResponse).
    Api,
    /// The gateway in front of deployed apps: `{"meta":{"requestId"},"error":{"code","message"}}`
    /// as JSON, or an HTML error page for a browser.
    Gateway,
}
