//! Synthetic catalogues of any size, shaped like a real one: codes spread over 5 systems of
//! 10 categories each (Unkey's has 3 systems, 13 categories), long shared prefixes, four statuses.

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

/// The YAML of a catalogue of `n` codes (internal entries: no docs sections).
pub fn catalogue(n: usize) -> String {
    let mut yaml = String::from("docs_base_url: https://example.com/docs/errors\nerrors:\n");
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
