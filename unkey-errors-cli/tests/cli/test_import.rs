//! `unkey-errors import`: our own docs tree reads back as `errors.yaml`, fact for fact; a tree
//! in the shape of Unkey's published pages (written for these tests, `fixtures/import/pages`)
//! gives the reviewed catalogue and report; broken pages are reported, never a panic.
//!
//! The fixture pages, each for one case of the issue:
//! `orders/not_found` a complete page (`*` lists, `\_` in a related code, one related item
//! whose text is the other page's description and one whose text is not);
//! `orders/locked` a stub (title, description and code only);
//! `orders/gone` deprecated (frontmatter `deprecated: true` and a `<Warning>` with the reason);
//! `payments/card_declined` a code block in a section, a `<Note>` in another, the code on its
//! own line inside `<Danger>`; `payments/refund_window_closed` no example;
//! `payments/provider_unavailable` two examples in `<Tabs>` that disagree on the status, and a
//! description naming a third; `auth/token_expired` heading variants, an unknown heading, a
//! paragraph before the first section, an unknown frontmatter key, a related code with no page;
//! `auth/key_revoked` an older page titled with its code and no `<Danger>` line;
//! `broken/unclosed_note` not valid MDX; `broken/no_code` no code line.

use std::path::{Path, PathBuf};
use std::process::Command;

use unkey_errors_catalogue::{Catalogue, Entry};
use unkey_errors_cli::import::{self, Kind};
use unkey_errors_cli::{render, tree};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A scratch folder, removed when the test ends.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let root =
            std::env::temp_dir().join(format!("unkey-errors-import-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).unwrap();
        Scratch(root)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn unkey_catalogue() -> Catalogue {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../errors.yaml");
    unkey_errors_catalogue::load(&path, "errors.yaml").unwrap()
}

#[test]
fn a_tree_in_unkeys_page_shape_gives_the_reviewed_catalogue_and_report() {
    let import = import::import_dir(&fixtures().join("pages"), "pages").unwrap();
    assert_eq!(import.pages, 10);
    assert_eq!(import.entries.len(), 8);
    assert_eq!(import.catalogue(), read(&fixtures().join("expected.yaml")));
    assert_eq!(
        import.report.to_string(),
        read(&fixtures().join("expected-report.txt"))
    );
}

#[test]
fn loading_the_imported_fixture_lists_each_gap_at_its_line() {
    let text = read(&fixtures().join("expected.yaml"));
    assert!(text.starts_with("# yaml-language-server: $schema=docs/catalogue.schema.json\n"));
    let problems = unkey_errors_catalogue::parse(text.as_bytes(), "expected.yaml").unwrap_err();
    let found: Vec<(usize, String)> = problems
        .iter()
        .map(|p| (p.position.unwrap().line, p.message.clone()))
        .collect();
    let locked = "`err:shop:orders:locked`";
    let page = "section: every public code has a complete docs page";
    let expected: Vec<(usize, String)> = [
        (
            29,
            "related code `err:shop:auth:token_missing` is not in the catalogue".to_owned(),
        ),
        (51, format!("{locked} has no `status`")),
        (51, format!("{locked} has no `title`")),
        (51, format!("{locked} has no `detail`")),
        (51, format!("{locked} has no `what_happened` {page}")),
        (51, format!("{locked} has no `how_to_fix` {page}")),
        (51, format!("{locked} has no `common_mistakes` {page}")),
        (
            96,
            "`err:shop:payments:provider_unavailable` has no `status`".to_owned(),
        ),
        (
            107,
            "`err:shop:payments:refund_window_closed` has no `status`".to_owned(),
        ),
        (
            107,
            "`err:shop:payments:refund_window_closed` has no `title`".to_owned(),
        ),
        (
            107,
            "`err:shop:payments:refund_window_closed` has no `detail`".to_owned(),
        ),
    ]
    .into_iter()
    .collect();
    assert_eq!(found, expected);
    // Each entry's line is the line of its code.
    for (line, _) in &expected {
        assert!(text.lines().nth(line - 1).unwrap().contains("err:shop:"));
    }
}

/// Renders `catalogue` as `unkey-errors docs` does into `root`.
fn render_docs(catalogue: &Catalogue, root: &Path) {
    let rendered = render::tree(catalogue);
    let plan = tree::plan(root, &rendered).unwrap();
    tree::apply(root, &plan).unwrap();
}

/// The facts of an entry that its page states: all but the line it stands on (which depends
/// on the file around it) and its lint allows (tooling settings, not on any page), as text.
fn facts(entry: &Entry) -> String {
    let Entry {
        code,
        status,
        title,
        api,
        gateway,
        description,
        detail,
        errors_array,
        internal,
        deprecated,
        related,
        what_happened,
        how_to_fix,
        common_mistakes,
        ..
    } = entry;
    format!(
        "{code} {status} {title:?} api={api} {gateway:?} {description:?} {detail:?} \
         errors_array={errors_array} internal={internal} {deprecated:?} {related:?} \
         {what_happened:?} {how_to_fix:?} {common_mistakes:?}"
    )
}

#[test]
fn our_own_docs_read_back_as_errors_yaml_fact_for_fact() {
    let unkey = unkey_catalogue();
    let scratch = Scratch::new("round-trip");
    render_docs(&unkey, &scratch.0);
    let mut import = import::import_dir(&scratch.0.join("errors"), "docs/errors").unwrap();

    // Documented as never imported: the detail of a code only the gateway sends, with a fixed
    // message, and of a server error, whose page shows the description the runtime sends for
    // it. The report names each such page, and the overview, which has no code; nothing else.
    let server_error = |e: &Entry| match (e.api, &e.gateway) {
        (true, _) => e.status >= 500,
        (false, Some(gateway)) => gateway.message.is_none() && gateway.status >= 500,
        (false, None) => false,
    };
    let not_shown: Vec<&Entry> = render::public_entries(&unkey)
        .filter(|e| {
            server_error(e) || !e.api && e.gateway.as_ref().is_some_and(|g| g.message.is_some())
        })
        .collect();
    assert!(!not_shown.is_empty());
    let mut expected_report: Vec<(String, Kind)> = not_shown
        .iter()
        .map(|e| {
            (
                format!("docs/errors/{}.mdx", e.code.docs_path()),
                Kind::LeftOut,
            )
        })
        .collect();
    expected_report.push(("docs/errors/overview.mdx".to_owned(), Kind::PageNotImported));
    expected_report.sort();
    let reported: Vec<(String, Kind)> = import
        .report
        .findings
        .iter()
        .map(|f| (f.path.clone(), f.kind))
        .collect();
    assert_eq!(reported, expected_report, "{}", import.report);
    assert!(
        import
            .report
            .findings
            .iter()
            .filter(|f| f.kind == Kind::LeftOut)
            .all(|f| f
                .message
                .starts_with("`detail`: a page of a code only the gateway sends")
                || f.message
                    .starts_with("`detail`: a server error's page shows its description"))
    );

    // Loading the import names exactly those gaps.
    let problems =
        unkey_errors_catalogue::parse(import.catalogue().as_bytes(), "imported.yaml").unwrap_err();
    let mut missing: Vec<String> = problems.iter().map(|p| p.message.clone()).collect();
    missing.sort();
    let mut expected_missing: Vec<String> = not_shown
        .iter()
        .map(|e| format!("`{}` has no `detail`", e.code))
        .collect();
    expected_missing.sort();
    assert_eq!(missing, expected_missing);

    // With those filled in by hand, every entry equals errors.yaml's, fact for fact and
    // section for section, through the loader.
    for entry in &mut import.entries {
        if entry.detail.is_none() {
            entry.detail = Some(unkey.get(&entry.code).unwrap().detail.clone());
        }
    }
    let text = import.catalogue();
    let imported = unkey_errors_catalogue::parse(text.as_bytes(), "imported.yaml")
        .unwrap_or_else(|problems| panic!("{problems}"));
    assert_eq!(imported.docs_base_url(), unkey.docs_base_url());
    let expected: Vec<String> = render::public_entries(&unkey).map(facts).collect();
    let got: Vec<String> = imported.entries().iter().map(facts).collect();
    assert_eq!(got.len(), expected.len());
    for (got, expected) in got.iter().zip(&expected) {
        assert_eq!(got, expected);
    }
}

#[test]
fn a_catalogue_with_every_kind_of_fact_round_trips() {
    // Deprecation, errors arrays, and a gateway whose status and title differ from the API's,
    // which errors.yaml does not all have.
    let yaml = "\
docs_base_url: https://shop.example/docs/errors
errors:
  err:shop:orders:gone:
    status: 410
    title: Gone
    description: The order was archived {for good} <now>.
    detail: Order ord_123 is archived
    deprecated: use err:shop:orders:not_found instead, the {new} one
    surfaces: [api, gateway]
    gateway:
      status: 404
      title: Not \"Found\"
      message: 'No such order: ord_123'
    errors_array: true
    related:
      - err:shop:orders:not_found
    what_happened: |
      Prose with {braces}, <tags> and `{code}`.

      ```json
      {\"a\": \"<b>\"}
      ```
    how_to_fix: |2
        1. Indented first line.
    common_mistakes: |
      - **A**: b.
  err:shop:orders:not_found:
    status: 404
    title: Not Found
    description: The order does not exist.
    detail: No order ord_123
    surfaces: [gateway]
    gateway:
      message_from_error: true
    related:
      - err:shop:orders:gone
    what_happened: x
    how_to_fix: y
    common_mistakes: z
";
    let original = unkey_errors_catalogue::parse(yaml.as_bytes(), "shop.yaml").unwrap();
    let scratch = Scratch::new("every-fact");
    render_docs(&original, &scratch.0);
    let import = import::import_dir(&scratch.0.join("errors"), "errors").unwrap();
    assert_eq!(
        import.report.to_string(),
        "errors/overview.mdx:1: page not imported: no code line: an error page names its code \
         in a `<Danger>` callout, e.g. <Danger>`err:system:category:specific`</Danger>\n"
    );
    let imported =
        unkey_errors_catalogue::parse(import.catalogue().as_bytes(), "imported.yaml").unwrap();
    let got: Vec<String> = imported.entries().iter().map(facts).collect();
    let expected: Vec<String> = original.entries().iter().map(facts).collect();
    assert_eq!(got, expected);
}

#[test]
fn the_heading_table_in_docs_import_md_is_the_one_the_import_uses() {
    let doc = include_str!("../../../docs/import.md");
    let section = doc.split("\n## Headings\n").nth(1).unwrap();
    let rows: Vec<(String, String)> = section
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .skip(2)
        .map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            (
                cells[1].trim_matches('`').to_owned(),
                cells[2].trim_matches('`').to_owned(),
            )
        })
        .collect();
    let used: Vec<(String, String)> = import::HEADINGS
        .iter()
        .map(|(heading, field)| ((*heading).to_owned(), field.name().to_owned()))
        .collect();
    assert_eq!(rows, used);
}

/// Every fixture page and every page of our own docs, cut at many points and with MDX's
/// special characters inserted: the import reports or imports each, never panics, and every
/// finding points at a line of its page.
#[test]
fn broken_pages_are_reported_never_a_panic() {
    let mut pages: Vec<Vec<u8>> = Vec::new();
    for dir in ["shop/orders", "shop/payments", "shop/auth", "shop/broken"] {
        for file in std::fs::read_dir(fixtures().join("pages").join(dir)).unwrap() {
            pages.push(std::fs::read(file.unwrap().path()).unwrap());
        }
    }
    let unkey = unkey_catalogue();
    for code in [
        "err:unkey:application:invalid_input",
        "err:frontline:capacity:deployment_offline",
    ] {
        pages.push(render::page(&unkey, unkey.get(code).unwrap()).into_bytes());
    }
    let inserts: [&[u8]; 8] = [
        b"<",
        b"{",
        b"```",
        b"\r",
        b"\0",
        b"</Danger>",
        b"\n## X\n",
        b"\xff",
    ];
    let mut variants = 0;
    for page in &pages {
        for cut in (0..page.len()).step_by(19) {
            let mut variants_here = vec![page[..cut].to_vec()];
            for insert in inserts {
                let mut bytes = page[..cut].to_vec();
                bytes.extend_from_slice(insert);
                bytes.extend_from_slice(&page[cut..]);
                variants_here.push(bytes);
            }
            for bytes in variants_here {
                variants += 1;
                let lines = bytes.split(|&b| b == b'\n' || b == b'\r').count();
                let import = import::import_pages(&[("s/c/x.mdx".to_owned(), bytes.clone())], "d");
                for finding in &import.report.findings {
                    assert!(
                        finding.line >= 1 && finding.line <= lines,
                        "{finding} in {:?}",
                        String::from_utf8_lossy(&bytes)
                    );
                }
                let _ = import.catalogue();
            }
        }
    }
    assert!(variants > 3_000, "{variants}");
}

fn cli(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_unkey-errors"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_command_writes_the_catalogue_and_the_report_the_same_on_every_run() {
    let scratch = Scratch::new("cli");
    let out = scratch.0.join("errors.yaml");
    let report = scratch.0.join("report.txt");
    let args = [
        "import",
        "pages",
        "--out",
        out.to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
    ];
    let first = cli(&fixtures(), &args);
    assert!(first.status.success(), "{first:?}");
    let (catalogue, findings) = (read(&out), read(&report));
    assert_eq!(catalogue, read(&fixtures().join("expected.yaml")));
    assert_eq!(findings, read(&fixtures().join("expected-report.txt")));
    let stderr = String::from_utf8(first.stderr).unwrap();
    assert_eq!(
        stderr,
        format!(
            "imported 8 of 10 pages as entries in {out}\n\
             the report in {report} has 12 findings: 2 page not imported, 5 not imported, \
             1 kept verbatim, 2 left out, 2 disagrees\n\
             {out} has 11 problems to fix before it loads, each at its line; \
             `unkey-errors --catalogue {out} list` shows them\n",
            out = out.display(),
            report = report.display()
        )
    );
    let second = cli(&fixtures(), &args);
    assert!(second.status.success());
    assert_eq!((read(&out), read(&report)), (catalogue, findings));

    // Without files: the catalogue on stdout, the report and the summary on stderr.
    let printed = cli(&fixtures(), &["import", "pages"]);
    assert!(printed.status.success());
    assert_eq!(
        String::from_utf8(printed.stdout).unwrap(),
        read(&fixtures().join("expected.yaml"))
    );
    let stderr = String::from_utf8(printed.stderr).unwrap();
    let report_text = read(&fixtures().join("expected-report.txt"));
    assert!(stderr.starts_with(&report_text), "{stderr}");
    assert!(
        stderr[report_text.len()..]
            .starts_with("imported 8 of 10 pages as entries\nthe report above has 12 findings")
    );
}

#[test]
fn the_command_fails_clearly_without_pages() {
    let scratch = Scratch::new("no-pages");
    let missing = cli(&scratch.0, &["import", "nowhere"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        String::from_utf8(missing.stderr)
            .unwrap()
            .starts_with("error: cannot read the pages under nowhere: "),
    );
    std::fs::write(scratch.0.join("notes.txt"), "no pages here").unwrap();
    let empty = cli(&scratch.0, &["import", "."]);
    assert_eq!(empty.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(empty.stderr).unwrap(),
        "error: no pages under .\nhelp: name the folder that holds the error pages (`.mdx` or \
         `.md` files), e.g. docs/errors\n"
    );
}
