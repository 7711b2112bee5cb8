//! One code's docs page, in the layout of Unkey's published error pages.

use std::fmt::Write;

use unkey_errors_catalogue::{Catalogue, Entry, Surface};

use super::{SurfaceExample, examples, mdx, relative_link, short};

/// The sentence of a page whose gateway message comes from the error raised, on a server
/// error: what the runtime sends instead. `import` reads it back.
pub const MASKED_MESSAGE: &str = " Its `message` comes from the error raised, but on this \
    server error the gateway sends the code's description instead, as shown.";

/// The MDX page of `entry`: frontmatter, the code in a `<Danger>` line, a `<Warning>` line with
/// the reason when the code is deprecated, an example response from every surface that sends
/// the code, a line with its gRPC status and `ErrorInfo`, then the sections the entry has (an empty one is left out, not printed as a bare
/// heading).
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
    write_examples(&mut page, &examples(catalogue, entry));
    let _ = write!(
        page,
        "\nOver gRPC the status is `{}`, with an `ErrorInfo` of reason `{}` in domain `{}`.\n",
        entry.grpc,
        entry.code.grpc_reason(),
        catalogue.domain()
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

/// The example responses. A code only the API sends gets the block of Unkey's published pages,
/// titled `Example`: its status and title are in the body. A code the gateway sends gets a line
/// saying who answers with which status (the gateway's body carries neither), and each surface's
/// body in a block titled with the surface and its status.
///
/// Two surfaces go in Mintlify's `<CodeGroup>`, which shows the blocks as tabs named by their
/// titles: the page keeps one example right under the `<Danger>` line, as every other page has,
/// where two headings would add sections to the page's outline ahead of "What Happened?".
fn write_examples(page: &mut String, examples: &[SurfaceExample]) {
    let block = |example: &SurfaceExample| {
        format!(
            "```json {} response ({})\n{}\n```\n",
            example.label(),
            example.status,
            example.body
        )
    };
    match examples {
        [] => {}
        [only] if only.surface == Surface::Api => {
            let _ = write!(page, "```json Example\n{}\n```\n", only.body);
        }
        [only] => {
            let _ = write!(page, "{}\n\n{}", who_answers(examples), block(only));
        }
        several => {
            let _ = write!(page, "{}\n\n<CodeGroup>\n\n", who_answers(several));
            for example in several {
                page.push_str(&block(example));
                page.push('\n');
            }
            page.push_str("</CodeGroup>\n");
        }
    }
}

/// One sentence naming each surface with its status and title, then what a reader of the
/// gateway's body should know: a browser gets a page instead, and a message that comes from the
/// error raised is only an example.
fn who_answers(examples: &[SurfaceExample]) -> String {
    let who = |example: &SurfaceExample| match example.surface {
        Surface::Api => "the API",
        Surface::Gateway => "the gateway in front of the deployment",
    };
    let status = |example: &SurfaceExample| {
        format!(
            "**{} {}**",
            example.status,
            mdx::escape_markdown(&example.title)
        )
    };
    let alike = examples
        .windows(2)
        .all(|pair| (pair[0].status, &pair[0].title) == (pair[1].status, &pair[1].title));
    let mut text = match examples {
        [first, _, ..] if alike => {
            let all: Vec<&str> = examples.iter().map(who).collect();
            format!(
                "Sent by {}, both with {}.",
                all.join(" and by "),
                status(first)
            )
        }
        _ => {
            let each: Vec<String> = examples
                .iter()
                .map(|example| format!("{} with {}", who(example), status(example)))
                .collect();
            format!("Sent by {}.", each.join(" and by "))
        }
    };
    if let Some(gateway) = examples.iter().find(|e| e.surface == Surface::Gateway) {
        text.push_str(&format!(
            " The gateway answers a browser with an HTML error page titled \"{}\" instead of JSON.",
            mdx::escape_markdown(&gateway.title)
        ));
        if gateway.message_is_example {
            text.push_str(
                " Its `message` comes from the error raised; the one shown is an example.",
            );
        }
        if gateway.message_is_masked {
            text.push_str(MASKED_MESSAGE);
        }
    }
    text
}
