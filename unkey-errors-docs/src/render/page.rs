//! One code's docs page, in the layout of Unkey's published error pages.

use std::fmt::Write;

use unkey_errors_catalogue::{Catalogue, Entry};

use super::{example_response, mdx, relative_link, short};

/// The MDX page of `entry`: frontmatter, the code in a `<Danger>` line, a `<Warning>` line with
/// the reason when the code is deprecated, the example response, then the sections the entry
/// has (an empty one is left out, not printed as a bare heading).
pub fn page(catalogue: &Catalogue, entry: &Entry) -> String {
    let mut page = String::with_capacity(4096);
    let _ = write!(
        page,
        "---\ntitle: {}\ndescription: {}\n---\n\n<Danger>`{}`</Danger>\n\n",
        mdx::quoted(entry.code.specific()),
        mdx::quoted(&entry.description),
        entry.code,
    );
    if let Some(reason) = &entry.deprecated {
        let _ = write!(
            page,
            "<Warning>Deprecated: {}</Warning>\n\n",
            mdx::escape_markdown(reason)
        );
    }
    let _ = write!(
        page,
        "```json Example\n{}\n```\n",
        example_response(catalogue, entry),
    );
    for (heading, markdown) in [
        ("What Happened?", &entry.what_happened),
        ("How To Fix", &entry.how_to_fix),
        ("Common Mistakes", &entry.common_mistakes),
    ] {
        if !markdown.trim().is_empty() {
            let _ = write!(
                page,
                "\n## {heading}\n\n{}\n",
                mdx::escape_markdown(markdown)
            );
        }
    }
    let related: Vec<&Entry> = entry
        .related
        .iter()
        .filter_map(|code| catalogue.get(code.as_str()))
        .collect();
    if !related.is_empty() {
        page.push_str("\n## Related Errors\n\n");
        for other in related {
            let _ = writeln!(
                page,
                "- [{}]({}) - {}",
                other.code,
                relative_link(entry, other),
                mdx::escape_markdown(short(&other.description))
            );
        }
    }
    page
}
