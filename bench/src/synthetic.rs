//! Synthetic catalogues of any size, shaped like a real one: codes spread over 10 systems with up
//! to 100 categories each (Unkey's has 3 systems, 13 categories), long shared prefixes, four
//! statuses.

use std::fmt::Write;

/// Code `i`: its URN, status and title.
pub fn code(i: usize) -> (String, u16, String) {
    const STATUSES: [(u16, &str); 4] = [
        (400, "Bad Request"),
        (404, "Not Found"),
        (409, "Conflict"),
        (500, "Internal Server Error"),
    ];
    let (status, title) = STATUSES[i % STATUSES.len()];
    let urn = format!(
        "err:system{}:category{}:specific_error_{i}",
        i % 10,
        (i / 10) % 100
    );
    (urn, status, title.to_owned())
}

/// Code `i` as the naive generator takes it: what `catalogue!` reads from [`catalogue`].
pub fn naive_entry(i: usize) -> crate::naive::Entry {
    let (urn, status, title) = code(i);
    crate::naive::Entry {
        docs_url: format!("{DOCS_BASE_URL}/{}", urn["err:".len()..].replace(':', "/")),
        description: format!("Synthetic error number {i}."),
        urn,
        status,
        title,
        errors_array: false,
    }
}

/// Where the synthetic catalogues say their docs live.
const DOCS_BASE_URL: &str = "https://example.com/docs/errors";

/// The YAML of a catalogue of `n` codes (internal entries: no docs sections).
pub fn catalogue(n: usize) -> String {
    let mut yaml = format!("docs_base_url: {DOCS_BASE_URL}\nerrors:\n");
    for i in 0..n {
        let (urn, status, title) = code(i);
        let _ = write!(
            yaml,
            "  {urn}:\n    status: {status}\n    title: {title}\n    description: Synthetic error number {i}.\n    \
             detail: Error {i} happened\n    internal: true\n"
        );
    }
    yaml
}
