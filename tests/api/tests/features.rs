//! README.md's table of what each feature of `unkey-errors` pulls in equals what cargo resolves,
//! and `html-escape` comes only with the feature that renders HTML.
//!
//! Each feature is turned on alone (`--no-default-features --features F`): its row lists the
//! features of `unkey-errors` it turns on (from the manifest), the direct dependencies it adds
//! and the features it asks of them (from `cargo tree -e features`), and how many crates the
//! build then compiles for Linux x86-64, `unkey-errors` and build-time crates included (from
//! `cargo tree`, for one fixed target so the count is the same on every machine).

mod committed;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::sync::OnceLock;

use committed::{UPDATE_COMMAND, cargo, difference, output, updating, workspace_root};

/// The package whose features are listed.
const PACKAGE: &str = "unkey-errors";

/// The lines around the table in README.md.
const BEGIN: &str =
    "<!-- features: written by tests/api/tests/features.rs, do not edit by hand -->";
const END: &str = "<!-- end of features -->";

/// The target the crate counts are for.
const TARGET: &str = "x86_64-unknown-linux-gnu";

/// A direct dependency's name, and the features asked of it (`default` among them when its
/// default features are on).
type Dependencies = BTreeMap<String, BTreeSet<String>>;

/// The features of `unkey-errors` as its manifest declares them (`default` left out when
/// empty), each with what it turns on.
type Features = BTreeMap<String, Vec<String>>;

/// What a build of `unkey-errors` with some features resolves to.
struct Build {
    /// The dependencies of `unkey-errors` itself.
    dependencies: Dependencies,
    /// `name vX.Y.Z` of every crate compiled.
    crates: BTreeSet<String>,
}

#[test]
fn the_readme_lists_what_each_feature_pulls_in() {
    let table = table(features(), builds());
    let readme_path = workspace_root().join("README.md");
    let readme = std::fs::read_to_string(&readme_path).expect("README.md is readable");
    let (Some(begin), Some(end)) = (readme.find(BEGIN), readme.find(END)) else {
        panic!("README.md has no feature table: put `{BEGIN}` and `{END}` around it");
    };
    let committed = &readme[begin + BEGIN.len()..end];
    if updating() {
        let updated = format!(
            "{}{table}{}",
            &readme[..begin + BEGIN.len()],
            &readme[end..]
        );
        std::fs::write(&readme_path, updated).expect("README.md is writable");
        return;
    }
    if let Some(diff) = difference("README.md's feature table", committed, &table) {
        panic!(
            "{diff}\nWhat the features of {PACKAGE} pull in changed. Check that the change is \
             meant, then update the table with `{UPDATE_COMMAND}` and commit README.md."
        );
    }
}

#[test]
fn html_escape_comes_only_with_the_html_feature() {
    let features = features();
    for (feature, build) in builds() {
        let pulled_in = build
            .crates
            .iter()
            .any(|krate| krate.starts_with("html-escape "));
        let renders_html = !feature.is_empty() && implied(features, feature).contains("html");
        assert_eq!(
            pulled_in,
            renders_html,
            "{}, html-escape {} in the tree",
            if feature.is_empty() {
                "without features".to_owned()
            } else {
                format!("with only `{feature}` on")
            },
            if pulled_in { "is" } else { "is not" }
        );
    }
}

#[test]
fn no_feature_is_on_by_default() {
    // The README says so, and its table's first row is the build without features.
    let features = features();
    assert_eq!(
        features.get("default"),
        None,
        "{PACKAGE} turns on {:?} by default",
        features["default"]
    );
}

/// The features of `unkey-errors`, read once.
fn features() -> &'static Features {
    static FEATURES: OnceLock<Features> = OnceLock::new();
    FEATURES.get_or_init(|| {
        let metadata = output(cargo("metadata").args(["--no-deps", "--format-version", "1"]));
        let metadata: serde_json::Value = serde_json::from_str(&metadata).expect("cargo's JSON");
        let package = metadata["packages"]
            .as_array()
            .expect("cargo metadata lists packages")
            .iter()
            .find(|package| package["name"] == PACKAGE)
            .expect("the workspace has unkey-errors");
        let mut features: Features =
            serde_json::from_value(package["features"].clone()).expect("features map to lists");
        if features.get("default").is_some_and(Vec::is_empty) {
            features.remove("default");
        }
        features
    })
}

/// The build without features (under `""`) and with each feature alone, resolved once.
fn builds() -> &'static BTreeMap<String, Build> {
    static BUILDS: OnceLock<BTreeMap<String, Build>> = OnceLock::new();
    BUILDS.get_or_init(|| {
        std::iter::once("")
            .chain(features().keys().map(String::as_str))
            .map(|feature| (feature.to_owned(), build(feature)))
            .collect()
    })
}

/// The features of `unkey-errors` that `feature` turns on, itself included, followed through.
fn implied(features: &Features, feature: &str) -> BTreeSet<String> {
    let mut on = BTreeSet::new();
    let mut next = vec![feature.to_owned()];
    while let Some(feature) = next.pop() {
        if on.insert(feature.clone()) {
            // `dep:name` turns on a dependency and `name/feature` a dependency's feature; a
            // plain name is a feature of this package.
            next.extend(
                features[&feature]
                    .iter()
                    .filter(|value| !value.starts_with("dep:") && !value.contains('/'))
                    .cloned(),
            );
        }
    }
    on
}

/// What a build of `unkey-errors` with `feature` alone (none when empty) resolves to.
fn build(feature: &str) -> Build {
    let tree = || {
        let mut command = cargo("tree");
        command.args(["--package", PACKAGE, "--no-default-features"]);
        if !feature.is_empty() {
            command.args(["--features", feature]);
        }
        command
    };
    // The first level of the feature tree is what this package asks: `name feature "f"` for
    // each feature asked of a dependency, `name vX.Y.Z` for one with no features on.
    let mut dependencies = Dependencies::new();
    let first_level = output(tree().args([
        "--edges",
        "normal,build,features",
        "--depth",
        "1",
        "--prefix",
        "depth",
    ]));
    for line in first_level.lines() {
        let Some(line) = line.strip_prefix('1') else {
            continue;
        };
        let (name, rest) = line.split_once(' ').expect("a dependency line has a name");
        let asked = dependencies.entry(name.to_owned()).or_default();
        if let Some(feature) = rest.strip_prefix("feature \"") {
            let feature = feature.split('"').next().expect("a feature name in quotes");
            asked.insert(feature.to_owned());
        }
    }
    // Every crate compiled: each line starts with `name vX.Y.Z`, once per place in the tree.
    let crates = output(tree().args([
        "--edges",
        "normal,build",
        "--prefix",
        "none",
        "--target",
        TARGET,
    ]))
    .lines()
    // `name vX.Y.Z`: two versions of one crate are two crates to compile.
    .filter_map(|line| {
        let mut words = line.split(' ');
        Some(format!("{} {}", words.next()?, words.next()?))
    })
    .collect();
    Build {
        dependencies,
        crates,
    }
}

/// The README's table, between its marker lines.
fn table(features: &Features, builds: &BTreeMap<String, Build>) -> String {
    let without = &builds[""];
    let mut table = String::from(
        "\n| Feature | Turns on | Adds these dependencies | Crates compiled |\n\
         | --- | --- | --- | --- |\n",
    );
    row(
        &mut table,
        [
            "(none)",
            "",
            &list(&without.dependencies),
            &without.crates.len().to_string(),
        ],
    );
    for feature in features.keys() {
        let with = &builds[feature];
        // What the feature adds: the dependencies the build without features lacks, and those
        // it asks for more features of (listed with all the features asked).
        let added: Dependencies = with
            .dependencies
            .iter()
            .filter(|(name, asked)| without.dependencies.get(*name) != Some(asked))
            .map(|(name, asked)| (name.clone(), asked.clone()))
            .collect();
        let turns_on: Vec<String> = implied(features, feature)
            .into_iter()
            .filter(|on| on != feature)
            .map(|on| format!("`{on}`"))
            .collect();
        let crates = format!(
            "{} (+{})",
            with.crates.len(),
            with.crates.len() - without.crates.len()
        );
        row(
            &mut table,
            [
                &format!("`{feature}`"),
                &turns_on.join(", "),
                &list(&added),
                &crates,
            ],
        );
    }
    table.push('\n');
    table
}

/// Appends a row of the table; an empty cell is left empty.
fn row(table: &mut String, cells: [&str; 4]) {
    let cells = cells.map(|cell| {
        if cell.is_empty() {
            " ".to_owned()
        } else {
            format!(" {cell} ")
        }
    });
    let _ = writeln!(table, "|{}|", cells.join("|"));
}

/// Dependencies as the table shows them: a name alone has its default features; otherwise the
/// features asked follow in parentheses, `default` among them when the default features are on.
fn list(dependencies: &Dependencies) -> String {
    let items: Vec<String> = dependencies
        .iter()
        .map(|(name, asked)| {
            let asked: Vec<String> = asked.iter().map(|feature| format!("`{feature}`")).collect();
            match asked.as_slice() {
                [] => format!("`{name}` (no features)"),
                [default] if default == "`default`" => format!("`{name}`"),
                _ => format!("`{name}` ({})", asked.join(", ")),
            }
        })
        .collect();
    items.join(", ")
}
