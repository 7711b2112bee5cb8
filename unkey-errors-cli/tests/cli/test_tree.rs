//! Writing and checking the docs tree: the command removes only files it wrote and nobody
//! edited, names everything it does, and `check` shows what differs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use unkey_errors_cli::render;
use unkey_errors_cli::tree::{self, Drift, KeptBecause, Manifest};

/// A scratch docs root, removed when the test ends.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let root =
            std::env::temp_dir().join(format!("unkey-errors-tree-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).unwrap();
        Scratch(root)
    }

    fn put(&self, path: &str, content: &str) {
        let full = self.0.join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, content).unwrap();
    }

    fn read(&self, path: &str) -> Option<String> {
        std::fs::read_to_string(self.0.join(path)).ok()
    }

    /// Every file and folder under the root with its content (`None` for a folder).
    fn snapshot(&self) -> BTreeMap<String, Option<Vec<u8>>> {
        fn walk(dir: &Path, root: &Path, into: &mut BTreeMap<String, Option<Vec<u8>>>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                let key = path.strip_prefix(root).unwrap().display().to_string();
                if path.is_dir() {
                    into.insert(key, None);
                    walk(&path, root, into);
                } else {
                    into.insert(key, Some(std::fs::read(&path).unwrap()));
                }
            }
        }
        let mut all = BTreeMap::new();
        walk(&self.0, &self.0, &mut all);
        all
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn files(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(path, content)| ((*path).to_owned(), (*content).to_owned()))
        .collect()
}

fn catalogue(codes: &[&str]) -> unkey_errors_catalogue::Catalogue {
    let mut yaml = String::from("docs_base_url: https://example.com/docs/errors\nerrors:\n");
    for code in codes {
        yaml.push_str(&format!(
            "  {code}:\n    status: 404\n    title: Not Found\n    description: It is gone.\n    \
             detail: Gone\n    what_happened: It was deleted.\n    how_to_fix: Create it again.\n    \
             common_mistakes: '- **Typos**: check the id.'\n"
        ));
    }
    unkey_errors_catalogue::parse(yaml.as_bytes(), "errors.yaml").unwrap()
}

#[test]
fn foreign_files_and_folders_survive_docs_docs_again_and_check() {
    let docs = Scratch::new("foreign");
    let first = files(&[
        ("errors/a/b/c.mdx", "page c\n"),
        ("errors/a/b/d.mdx", "page d\n"),
        ("errors/overview.mdx", "overview\n"),
    ]);
    tree::write(&docs.0, &first).unwrap();
    docs.put("errors/README.md", "Our notes on the error pages.\n");
    docs.put("errors/images/logo.png", "\u{89}PNG");
    docs.put("errors/a/b/notes.md", "kept beside generated pages\n");
    std::fs::create_dir_all(docs.0.join("errors/empty")).unwrap();
    let foreign = [
        "errors/README.md",
        "errors/images/logo.png",
        "errors/a/b/notes.md",
    ];

    assert_eq!(tree::check(&docs.0, &first).unwrap(), []);
    let again = tree::write(&docs.0, &first).unwrap();
    assert!(again.write.is_empty() && again.remove.is_empty() && again.keep.is_empty());

    // The next render drops both pages of a/b: they go, the folder holding a foreign file stays.
    let second = files(&[("errors/overview.mdx", "overview\n")]);
    let plan = tree::write(&docs.0, &second).unwrap();
    assert_eq!(plan.remove, ["errors/a/b/c.mdx", "errors/a/b/d.mdx"]);
    assert_eq!(plan.remove_folders, Vec::<String>::new());
    assert_eq!(plan.keep, []);
    for path in foreign {
        assert!(docs.read(path).is_some(), "{path} was removed");
    }
    assert!(docs.0.join("errors/empty").is_dir());
    assert_eq!(tree::check(&docs.0, &second).unwrap(), []);
}

#[test]
fn a_renamed_code_removes_exactly_its_old_page_and_its_emptied_folder() {
    let docs = Scratch::new("rename");
    let before = render::tree(&catalogue(&["err:shop:orders:gone", "err:shop:carts:gone"]));
    tree::write(&docs.0, &before).unwrap();
    docs.put("errors/shop/notes.md", "ours\n");

    let after = render::tree(&catalogue(&[
        "err:shop:orders:gone",
        "err:shop:baskets:gone",
    ]));
    let plan = tree::write(&docs.0, &after).unwrap();
    assert_eq!(plan.remove, ["errors/shop/carts/gone.mdx"]);
    assert_eq!(plan.remove_folders, ["errors/shop/carts"]);
    let written: Vec<&str> = plan.write.iter().map(|(_, path)| path.as_str()).collect();
    assert_eq!(
        written,
        [
            "errors/.unkey-errors-manifest",
            "errors/llms.txt",
            "errors/navigation.json",
            "errors/overview.mdx",
            "errors/shop/baskets/gone.mdx",
        ]
    );
    assert!(!docs.0.join("errors/shop/carts").exists());
    assert!(docs.read("errors/shop/orders/gone.mdx").is_some());
    assert_eq!(docs.read("errors/shop/notes.md").as_deref(), Some("ours\n"));

    let report = plan.describe(Path::new("docs"), false);
    assert!(
        report.contains("\nremoved docs/errors/shop/carts/gone.mdx\n"),
        "{report}"
    );
    assert!(
        report.contains("wrote   docs/errors/shop/baskets/gone.mdx\n"),
        "{report}"
    );
    assert!(
        report.contains("removed docs/errors/shop/carts/ (emptied folder)\n"),
        "{report}"
    );
    assert!(
        report
            .ends_with("6 generated files under docs/errors: 5 written, 1 removed, 1 unchanged\n"),
        "{report}"
    );
}

#[test]
fn an_edited_generated_page_is_kept_with_a_warning() {
    let docs = Scratch::new("edited");
    let first = files(&[("errors/a/b/c.mdx", "page c\n"), ("errors/x.mdx", "x\n")]);
    tree::write(&docs.0, &first).unwrap();
    docs.put("errors/a/b/c.mdx", "page c, with a note of ours\n");

    let second = files(&[("errors/x.mdx", "x\n")]);
    let plan = tree::write(&docs.0, &second).unwrap();
    assert_eq!(plan.remove, Vec::<String>::new());
    assert_eq!(
        plan.keep,
        [("errors/a/b/c.mdx".to_owned(), KeptBecause::Edited)]
    );
    assert_eq!(
        docs.read("errors/a/b/c.mdx").as_deref(),
        Some("page c, with a note of ours\n")
    );
    let report = plan.describe(Path::new("docs"), false);
    assert!(
        report
            .contains("warning: kept docs/errors/a/b/c.mdx: it was generated but has been edited"),
        "{report}"
    );
    // The new manifest no longer claims the file: it is the user's now, and check ignores it.
    assert_eq!(tree::check(&docs.0, &second).unwrap(), []);
    assert!(tree::write(&docs.0, &second).unwrap().keep.is_empty());
}

#[test]
fn without_a_usable_manifest_nothing_is_removed_and_each_kept_file_is_named() {
    let docs = Scratch::new("no-manifest");
    docs.put("errors/old.mdx", "a page from before manifests\n");
    docs.put("errors/x.mdx", "x\n");
    let rendered = files(&[("errors/x.mdx", "x\n")]);
    let plan = tree::write(&docs.0, &rendered).unwrap();
    assert_eq!(plan.remove, Vec::<String>::new());
    assert!(matches!(
        &plan.keep[..],
        [(path, KeptBecause::NoManifest(_))] if path == "errors/old.mdx"
    ));
    assert!(plan.describe(Path::new("docs"), false).contains(
        "warning: kept docs/errors/old.mdx: it is not rendered, and there is no manifest"
    ));

    // A manifest that names a path outside errors/ is refused whole, so nothing is removed.
    docs.put(
        "errors/.unkey-errors-manifest",
        &format!(
            "fnv1a64:{:016x} errors/../../victim.txt\n",
            tree::content_hash(b"x\n")
        ),
    );
    let plan = tree::write(&docs.0, &rendered).unwrap();
    assert_eq!(plan.remove, Vec::<String>::new());
    let report = plan.describe(Path::new("docs"), false);
    assert!(
        report.starts_with("warning: cannot read the manifest docs/errors/.unkey-errors-manifest: line 1: `errors/../../victim.txt` is not a relative path inside `errors/`"),
        "{report}"
    );
    assert!(docs.read("errors/old.mdx").is_some());
}

#[test]
fn dry_run_changes_nothing_and_says_what_would_happen() {
    let docs = Scratch::new("dry-run");
    tree::write(
        &docs.0,
        &files(&[("errors/a/c.mdx", "c\n"), ("errors/x.mdx", "x\n")]),
    )
    .unwrap();
    docs.put("errors/README.md", "ours\n");
    let before = docs.snapshot();

    let next = files(&[("errors/x.mdx", "x, changed\n"), ("errors/y.mdx", "y\n")]);
    let plan = tree::plan(&docs.0, &next).unwrap();
    assert_eq!(docs.snapshot(), before);
    let report = plan.describe(Path::new("docs"), true);
    assert_eq!(
        report,
        "would write  docs/errors/.unkey-errors-manifest\n\
         would write  docs/errors/x.mdx\n\
         would write  docs/errors/y.mdx\n\
         would remove docs/errors/a/c.mdx\n\
         would remove docs/errors/a/ (emptied folder)\n\
         dry run: 3 generated files under docs/errors: 3 to write, 1 to remove, 0 unchanged; nothing was changed\n"
    );
}

#[test]
fn check_shows_a_short_diff_of_a_stale_page_and_reports_generated_pages_no_longer_rendered() {
    let docs = Scratch::new("check");
    let long: String = (1..=100).map(|n| format!("line {n}\n")).collect();
    let first = files(&[
        ("errors/a.mdx", "title\nbody\nend\n"),
        ("errors/long.mdx", &long),
        ("errors/old.mdx", "old\n"),
    ]);
    tree::write(&docs.0, &first).unwrap();
    docs.put("errors/notes.md", "ours\n");
    docs.put("errors/a.mdx", "title\nbody edited by hand\nend\n");
    let edited_everywhere: String = (1..=100).map(|n| format!("line {n}!\n")).collect();
    docs.put("errors/long.mdx", &edited_everywhere);

    let second = files(&[
        ("errors/a.mdx", "title\nbody\nend\n"),
        ("errors/long.mdx", &long),
    ]);
    let drift = tree::check(&docs.0, &second).unwrap();
    let kinds: Vec<(Drift, &str)> = drift.iter().map(|d| (d.drift, d.path.as_str())).collect();
    assert_eq!(
        kinds,
        [
            (Drift::Stale, "errors/.unkey-errors-manifest"),
            (Drift::Stale, "errors/a.mdx"),
            (Drift::Stale, "errors/long.mdx"),
            (Drift::Extra, "errors/old.mdx"),
        ]
    );
    assert_eq!(
        drift[1].diff.as_deref(),
        Some(
            "--- errors/a.mdx (on disk)\n+++ errors/a.mdx (rendered)\n@@ -1,3 +1,3 @@\n title\n-body edited by hand\n+body\n end\n"
        )
    );
    let long_diff = drift[2].diff.as_deref().unwrap();
    assert_eq!(
        long_diff.lines().count(),
        tree::DIFF_LINES_PER_FILE + 1,
        "{long_diff}"
    );
    assert!(long_diff.ends_with(" more lines of diff\n"), "{long_diff}");
    let shown = drift[3].describe(Path::new("docs"));
    assert_eq!(
        shown,
        "  extra   docs/errors/old.mdx (generated by an earlier run, no longer rendered)\n"
    );
}

#[test]
fn the_manifest_reads_back_what_it_wrote_and_hashes_are_fnv_1a() {
    assert_eq!(tree::content_hash(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(tree::content_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
    let manifest = Manifest::of(&files(&[
        ("errors/a/b.mdx", "b\n"),
        ("errors/llms.txt", ""),
    ]));
    assert_eq!(Manifest::parse(&manifest.to_text()).unwrap(), manifest);
    assert!(
        manifest
            .to_text()
            .contains("fnv1a64:cbf29ce484222325 errors/llms.txt\n")
    );
    for bad in [
        "fnv1a64:12 errors/a.mdx",
        "sha256:cbf29ce484222325 errors/a.mdx",
        "fnv1a64:cbf29ce484222325 /etc/passwd",
        "fnv1a64:cbf29ce484222325 errors/./a.mdx",
        "fnv1a64:cbf29ce484222325 errors/.unkey-errors-manifest",
        "fnv1a64:cbf29ce484222325 other/a.mdx",
    ] {
        assert!(Manifest::parse(bad).is_err(), "{bad} was accepted");
    }
}

/// A symbolic link on a generated path (a page, or a folder on the way to one) is refused,
/// with the link named: through it `docs` would overwrite or remove a file outside the docs
/// root, and `check` would print one in its diff. What lies behind the link is untouched.
#[cfg(unix)]
#[test]
fn a_symbolic_link_on_a_generated_path_is_refused_and_what_it_points_at_is_untouched() {
    use std::os::unix::fs::symlink;
    let outside = Scratch::new("symlink-outside");
    outside.put("secret.txt", "private\n");
    outside.put("dir/c.mdx", "someone else's\n");
    let rendered = files(&[("errors/a/b/c.mdx", "page c\n")]);

    // A page that is a link to a file elsewhere.
    let docs = Scratch::new("symlink-page");
    std::fs::create_dir_all(docs.0.join("errors/a/b")).unwrap();
    symlink(
        outside.0.join("secret.txt"),
        docs.0.join("errors/a/b/c.mdx"),
    )
    .unwrap();
    let error = tree::write(&docs.0, &rendered).unwrap_err();
    assert!(
        error.to_string().contains("c.mdx is a symbolic link"),
        "{error}"
    );
    let error = tree::check(&docs.0, &rendered).unwrap_err();
    assert!(!error.to_string().contains("private"), "{error}");

    // A folder on the way that is a link to a folder elsewhere.
    let docs = Scratch::new("symlink-folder");
    std::fs::create_dir_all(docs.0.join("errors/a")).unwrap();
    symlink(outside.0.join("dir"), docs.0.join("errors/a/b")).unwrap();
    let error = tree::write(&docs.0, &rendered).unwrap_err();
    assert!(
        error.to_string().contains("b is a symbolic link"),
        "{error}"
    );

    assert_eq!(outside.read("secret.txt").as_deref(), Some("private\n"));
    assert_eq!(
        outside.read("dir/c.mdx").as_deref(),
        Some("someone else's\n")
    );
}
