//! `unkey-errors import`: a folder of Mintlify error pages read back into a catalogue, with a
//! report of every part of a page that did not land.
//!
//! One stage per module: `page` reads one MDX page into its parts (with `mdx` for what is
//! code, component or expression), `entry` maps a page to an entry's facts, this module checks
//! the pages against each other (duplicate codes, the docs base URL, related items), `write`
//! writes the catalogue's YAML, and `report` holds the findings. The mapping of headings to
//! fields, and what is never imported, is in `docs/import.md`.

pub mod entry;
mod mdx;
pub mod page;
pub mod report;
pub mod write;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use entry::{Field, HEADINGS, ImportedEntry, ImportedGateway, ImportedRelated};
pub use report::{Finding, Kind, Report};

/// The result of importing a folder of pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    /// The docs base URL the pages' examples show, when they show one.
    pub docs_base_url: Option<String>,
    /// The error domain the pages' gRPC lines name, when they name one.
    pub domain: Option<String>,
    /// One entry per page that has a code, sorted by code, then page.
    pub entries: Vec<ImportedEntry>,
    /// How many pages were read.
    pub pages: usize,
    /// Everything that did not land, sorted by page and line.
    pub report: Report,
}

impl Import {
    /// The catalogue's YAML text.
    pub fn catalogue(&self) -> String {
        write::catalogue(
            self.docs_base_url.as_deref(),
            self.domain.as_deref(),
            &self.entries,
        )
    }
}

/// Imports every page (`.mdx` or `.md`) under `dir`, recursively; `shown_as` is how the report
/// names `dir`. Fails only when `dir` itself cannot be read; a page that cannot be read is in
/// the report.
pub fn import_dir(dir: &Path, shown_as: &str) -> std::io::Result<Import> {
    let mut files = Vec::new();
    let mut report = Report::default();
    walk(dir, Path::new(""), &mut files, &mut report, shown_as)?;
    let mut pages = Vec::with_capacity(files.len());
    for relative in files {
        let shown = shown_path(shown_as, &relative);
        match std::fs::read(dir.join(&relative)) {
            Ok(bytes) => pages.push((relative_text(&relative), bytes)),
            Err(error) => report.push(
                &shown,
                1,
                Kind::PageNotImported,
                format!("the file cannot be read: {error}"),
            ),
        }
    }
    let mut import = import_pages(&pages, shown_as);
    import.report.findings.extend(report.findings);
    import.report.sort();
    Ok(import)
}

/// Imports pages given as (path below the docs folder with `/` separators, bytes); the report
/// names a page `<shown_as>/<path>`.
pub fn import_pages(pages: &[(String, Vec<u8>)], shown_as: &str) -> Import {
    let mut report = Report::default();
    let mut entries = Vec::with_capacity(pages.len());
    for (relative, bytes) in pages {
        let shown = shown_path(shown_as, Path::new(relative));
        match page::read(bytes) {
            Ok(page) => {
                // `entry` checks the file's place against the code from its path below the
                // folder; the report names it as shown.
                let mut own = Report::default();
                let imported = entry::entry(&page, relative, &mut own);
                for mut finding in own.findings {
                    finding.path.clone_from(&shown);
                    report.findings.push(finding);
                }
                if let Some(mut imported) = imported {
                    imported.path.clone_from(&shown);
                    entries.push(imported);
                }
            }
            Err(error) => report.push(
                &shown,
                error.line,
                Kind::PageNotImported,
                format!("{}; fix the page and import again", error.message),
            ),
        }
    }
    entries.sort_by(|a, b| (&a.code, &a.path).cmp(&(&b.code, &b.path)));
    check_duplicates(&entries, &mut report);
    check_related(&entries, &mut report);
    let docs_base_url = docs_base_url(&entries, &mut report);
    let domain = domain(&entries, &mut report);
    report.sort();
    Import {
        docs_base_url,
        domain,
        entries,
        pages: pages.len(),
        report,
    }
}

/// Collects the pages below `dir/relative`, in name order. A link to a folder is not followed
/// (it could loop), and is reported.
fn walk(
    dir: &Path,
    relative: &Path,
    files: &mut Vec<PathBuf>,
    report: &mut Report,
    shown_as: &str,
) -> std::io::Result<()> {
    let mut children: Vec<_> =
        std::fs::read_dir(dir.join(relative))?.collect::<Result<Vec<_>, _>>()?;
    children.sort_by_key(std::fs::DirEntry::file_name);
    for child in children {
        let path = relative.join(child.file_name());
        let file_type = child.file_type()?;
        let is_dir = if file_type.is_symlink() {
            match std::fs::metadata(child.path()) {
                Ok(metadata) if metadata.is_dir() => {
                    report.push(
                        &shown_path(shown_as, &path),
                        1,
                        Kind::PageNotImported,
                        "a link to a folder is not followed; import the folder it points at",
                    );
                    continue;
                }
                _ => false,
            }
        } else {
            file_type.is_dir()
        };
        if is_dir {
            // A folder that cannot be read is reported, not fatal: the rest still imports.
            if let Err(error) = walk(dir, &path, files, report, shown_as) {
                report.push(
                    &shown_path(shown_as, &path),
                    1,
                    Kind::PageNotImported,
                    format!("the folder cannot be read: {error}"),
                );
            }
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("mdx" | "md")
        ) {
            files.push(path);
        }
    }
    Ok(())
}

/// A path below the docs folder with `/` separators.
fn relative_text(relative: &Path) -> String {
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// How the report names a page: the folder as the user named it, then the page's path.
fn shown_path(shown_as: &str, relative: &Path) -> String {
    let relative = relative_text(relative);
    if shown_as.is_empty() || shown_as == "." {
        relative
    } else {
        format!("{}/{relative}", shown_as.trim_end_matches('/'))
    }
}

/// Two pages with one code both become entries; validation then reports the duplicate, and
/// the report says which pages they are.
fn check_duplicates(entries: &[ImportedEntry], report: &mut Report) {
    for pair in entries.windows(2) {
        if pair[0].code == pair[1].code {
            report.push(
                &pair[1].path,
                pair[1].line,
                Kind::Disagrees,
                format!(
                    "`{}` is also the code of {}:{}; both pages are entries, and loading the \
                     catalogue reports the duplicate",
                    pair[1].code, pair[0].path, pair[0].line
                ),
            );
        }
    }
}

/// A related item's text is what the related code's own page describes: our renderer writes
/// that code's description there. Any other text is not in the catalogue, nor is the text of
/// an item whose code has no page here (loading the catalogue reports that code).
fn check_related(entries: &[ImportedEntry], report: &mut Report) {
    let described: BTreeMap<&str, Option<&str>> = entries
        .iter()
        .map(|e| (e.code.as_str(), e.description.as_deref()))
        .collect();
    for entry in entries {
        for item in entry.related.iter().filter(|item| !item.text.is_empty()) {
            let why = match described.get(item.code.as_str()) {
                None => {
                    "it has no page here, and a page rendered from the catalogue shows \
                         the related code's description there"
                }
                Some(description) => {
                    let shown = description.map(|d| d.strip_suffix('.').unwrap_or(d));
                    if shown == Some(item.text.as_str()) {
                        continue;
                    }
                    "a page rendered from the catalogue shows that code's description there"
                }
            };
            report.push(
                &entry.path,
                item.line,
                Kind::NotImported,
                format!(
                    "the text of the related item `{}` (\"{}\"): {why}",
                    item.code, item.text
                ),
            );
        }
    }
}

/// The docs base URL most pages' examples show (the first in order on a tie); every page that
/// shows another is reported.
fn docs_base_url(entries: &[ImportedEntry], report: &mut Report) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for entry in entries {
        if let Some((base, _)) = &entry.docs_base_url {
            *counts.entry(base.as_str()).or_default() += 1;
        }
    }
    let total: usize = counts.values().sum();
    let (&chosen, &count) = counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))?;
    for entry in entries {
        if let Some((base, line)) = &entry.docs_base_url {
            if base != chosen {
                report.push(
                    &entry.path,
                    *line,
                    Kind::Disagrees,
                    format!(
                        "the example's `type` is below `{base}`, but {count} of {total} pages' \
                         examples are below `{chosen}`, the catalogue's `docs_base_url`"
                    ),
                );
            }
        }
    }
    Some(chosen.to_owned())
}

/// The error domain most pages' gRPC lines name (the first in order on a tie); every page that
/// names another is reported.
fn domain(entries: &[ImportedEntry], report: &mut Report) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (domain, _) in entries.iter().filter_map(|entry| entry.domain.as_ref()) {
        *counts.entry(domain.as_str()).or_default() += 1;
    }
    let (&chosen, _) = counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))?;
    for entry in entries {
        if let Some((domain, line)) = &entry.domain {
            if domain != chosen {
                report.push(
                    &entry.path,
                    *line,
                    Kind::Disagrees,
                    format!(
                        "the gRPC line names the domain `{domain}`, but most pages name \
                         `{chosen}`, the catalogue's `domain`"
                    ),
                );
            }
        }
    }
    Some(chosen.to_owned())
}

/// The `import` command: imports `dir`, writes the catalogue to `out` (else stdout) and the
/// report to `report_path` (else stderr), then says on stderr what is left to do.
pub fn run(dir: &Path, out: Option<&Path>, report_path: Option<&Path>) -> Result<(), String> {
    let shown_as = dir.display().to_string();
    let import = import_dir(dir, &shown_as)
        .map_err(|error| format!("error: cannot read the pages under {shown_as}: {error}"))?;
    if import.pages == 0 {
        return Err(format!(
            "error: no pages under {shown_as}\nhelp: name the folder that holds the error pages \
             (`.mdx` or `.md` files), e.g. docs/errors"
        ));
    }
    let catalogue = import.catalogue();
    let report = import.report.to_string();
    let write = |path: &Path, text: &str| {
        std::fs::write(path, text)
            .map_err(|error| format!("error: cannot write {}: {error}", path.display()))
    };
    match out {
        Some(path) => write(path, &catalogue)?,
        None => print!("{catalogue}"),
    }
    match report_path {
        Some(path) => write(path, &report)?,
        None => eprint!("{report}"),
    }
    eprintln!("{}", summary(&import, &catalogue, out, report_path));
    Ok(())
}

/// What the import did and what is left, in a few lines.
fn summary(import: &Import, catalogue: &str, out: Option<&Path>, report: Option<&Path>) -> String {
    let out_name = out.map_or_else(|| "the catalogue".to_owned(), |p| p.display().to_string());
    let mut text = format!(
        "imported {} of {} pages as entries",
        import.entries.len(),
        import.pages
    );
    if let Some(path) = out {
        text.push_str(&format!(" in {}", path.display()));
    }
    let findings = &import.report;
    let counts: Vec<String> = [
        Kind::PageNotImported,
        Kind::NotImported,
        Kind::KeptVerbatim,
        Kind::LeftOut,
        Kind::Disagrees,
    ]
    .into_iter()
    .filter(|&kind| findings.count(kind) > 0)
    .map(|kind| format!("{} {}", findings.count(kind), kind.label()))
    .collect();
    if counts.is_empty() {
        text.push_str("\nthe report is empty: every part of every page landed");
    } else {
        let place = report.map_or_else(|| "above".to_owned(), |p| format!("in {}", p.display()));
        text.push_str(&format!(
            "\nthe report {place} has {} findings: {}",
            findings.findings.len(),
            counts.join(", ")
        ));
    }
    match unkey_errors_catalogue::parse(catalogue.as_bytes(), &out_name) {
        Ok(_) => text.push_str(&format!("\n{out_name} loads without problems")),
        Err(problems) => {
            let command = out.map_or_else(String::new, |p| {
                format!(
                    "; `unkey-errors --catalogue {} list` shows them",
                    p.display()
                )
            });
            text.push_str(&format!(
                "\n{out_name} has {} problems to fix before it loads, each at its line{command}",
                problems.len()
            ));
        }
    }
    text
}
