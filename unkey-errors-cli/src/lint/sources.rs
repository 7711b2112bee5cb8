//! The codes a service's Rust sources use, for `unused-code`: every `.rs` file under the
//! `--sources` directories, read for each way a crate names a code.
//!
//! A code is used where a file has:
//! - its URN as a string literal, which covers `#[unkey(code = "err:…")]`;
//! - a path through `codes::<system>::<category>::<CONSTANT>` (in an expression or a `use`,
//!   groups such as `codes::shop::orders::{NOT_FOUND, GONE}` included), or `<category>::<CONSTANT>`
//!   in a file that imports `codes::<system>::<category>`;
//! - a path through `Code::<Variant>`, e.g. `Code::ShopOrdersNotFound`.
//!
//! Comments are not read, so a code only mentioned in one is not used. Directories whose
//! name starts with `.`, and `target` directories, are skipped.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use unkey_errors_catalogue::Catalogue;

use super::rust_tokens::{Token, tokens};

/// The codes used by the Rust files under some directories.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Uses {
    codes: BTreeSet<String>,
    files: usize,
}

impl Uses {
    /// Reads every `.rs` file under `paths` (directories, or files named directly) and
    /// collects the codes of `catalogue` they use. An unreadable path or file, or no `.rs`
    /// file at all (most likely a wrong path), is an error naming it.
    pub fn scan(paths: &[PathBuf], catalogue: &Catalogue) -> Result<Uses, String> {
        let names = Names::of(catalogue);
        let mut uses = Uses::default();
        for path in paths {
            let mut files = Vec::new();
            collect_rust_files(path, &mut files).map_err(|error| {
                format!(
                    "error: cannot read the sources at {}: {error}",
                    path.display()
                )
            })?;
            if files.is_empty() {
                return Err(format!(
                    "error: no Rust source file (`.rs`) under {}\nhelp: name the directory of \
                     the crates that send the catalogue's codes, e.g. `--sources src`",
                    path.display()
                ));
            }
            for file in files {
                let bytes = std::fs::read(&file)
                    .map_err(|error| format!("error: cannot read {}: {error}", file.display()))?;
                // A file rustc would refuse (not UTF-8) is still searched for codes.
                let source = String::from_utf8_lossy(&bytes);
                uses.codes
                    .extend(names.used_in(&source).into_iter().map(str::to_owned));
                uses.files += 1;
            }
        }
        Ok(uses)
    }

    /// Whether some file uses `code`.
    pub fn contains(&self, code: &str) -> bool {
        self.codes.contains(code)
    }

    /// How many files were read.
    pub fn files(&self) -> usize {
        self.files
    }
}

/// Every `.rs` file at or under `path`, sorted, skipping hidden and `target` directories,
/// hidden files (an editor's lock file, `.#main.rs`, is a link to nowhere) and links that lead
/// to no file, and not following links to directories (which could loop).
fn collect_rust_files(path: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let metadata = std::fs::metadata(path)?;
    if metadata.is_file() {
        if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path.to_owned());
        }
        return Ok(());
    }
    let mut children: Vec<_> = std::fs::read_dir(path)?.collect::<Result<_, _>>()?;
    children.sort_by_key(std::fs::DirEntry::file_name);
    for child in children {
        let name = child.file_name();
        let name = name.to_string_lossy();
        let kind = child.file_type()?;
        if kind.is_dir() {
            if !name.starts_with('.') && name != "target" {
                collect_rust_files(&child.path(), files)?;
            }
        } else if name.ends_with(".rs")
            && !name.starts_with('.')
            && std::fs::metadata(child.path()).is_ok_and(|metadata| metadata.is_file())
        {
            files.push(child.path());
        }
    }
    Ok(())
}

/// The names a catalogue's codes have in Rust, each to its code.
struct Names<'c> {
    /// The codes themselves, as string literals hold them.
    codes: BTreeSet<&'c str>,
    /// `(system, category, CONSTANT)` of `codes::<system>::<category>::<CONSTANT>`.
    constants: HashMap<(&'c str, &'c str, String), &'c str>,
    /// `Code::<Variant>`'s variant names.
    variants: HashMap<String, &'c str>,
}

impl<'c> Names<'c> {
    fn of(catalogue: &'c Catalogue) -> Self {
        let mut names = Names {
            codes: BTreeSet::new(),
            constants: HashMap::new(),
            variants: HashMap::new(),
        };
        for entry in catalogue.entries() {
            let code = entry.code.as_str();
            names.codes.insert(code);
            names.constants.insert(
                (
                    entry.code.system(),
                    entry.code.category(),
                    entry.constant_name(),
                ),
                code,
            );
            names.variants.insert(entry.variant_name(), code);
        }
        names
    }

    /// The codes `source` uses.
    fn used_in(&self, source: &str) -> BTreeSet<&'c str> {
        let tokens = tokens(source);
        let mut used = BTreeSet::new();
        let mut paths = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match &tokens[i] {
                Token::Str(text) => {
                    used.extend(self.codes.get(*text).copied());
                    i += 1;
                }
                Token::Ident(_) => {
                    let (found, next) = paths_at(&tokens, i, 0);
                    paths.extend(found);
                    i = next;
                }
                _ => i += 1,
            }
        }
        // Systems and categories the file imports as modules (`use …::codes::shop;`,
        // `use …::codes::shop::orders;`, `…::orders::{self, GONE}`, `…::orders::*`), so that
        // `shop::orders::NOT_FOUND`, `orders::NOT_FOUND` and a bare `NOT_FOUND` name a code.
        let mut systems: HashSet<&str> = HashSet::new();
        let mut imported: HashMap<&str, &str> = HashMap::new();
        for path in &paths {
            let Some(at) = path.iter().position(|s| *s == "codes") else {
                continue;
            };
            let rest: Vec<&str> = path[at + 1..]
                .iter()
                .copied()
                .filter(|segment| *segment != "self")
                .collect();
            match rest.as_slice() {
                [system] => {
                    systems.insert(system);
                }
                [system, category] => {
                    imported.insert(category, system);
                }
                _ => {}
            }
        }
        for path in &paths {
            if let Some(at) = path.iter().position(|segment| *segment == "codes") {
                if let [system, category, constant, ..] = &path[at + 1..] {
                    used.extend(self.constant(system, category, constant));
                }
            }
            if let Some(at) = path.iter().position(|segment| *segment == "Code") {
                if let Some(variant) = path.get(at + 1) {
                    used.extend(self.variants.get(*variant).copied());
                }
            }
            match path.as_slice() {
                [category, constant] => {
                    if let Some(system) = imported.get(category) {
                        used.extend(self.constant(system, category, constant));
                    }
                }
                [system, category, constant] if systems.contains(system) => {
                    used.extend(self.constant(system, category, constant));
                }
                // A constant a glob import brought in.
                [constant] => {
                    for (category, system) in &imported {
                        used.extend(self.constant(system, category, constant));
                    }
                }
                _ => {}
            }
        }
        used
    }

    fn constant(&self, system: &str, category: &str, constant: &str) -> Option<&'c str> {
        self.constants
            .get(&(system, category, constant.to_owned()))
            .copied()
    }
}

/// How deeply `use` groups are expanded. Real code nests a few; a file nesting thousands would
/// otherwise overflow the stack. Deeper groups are skipped, and their paths not counted.
const MAX_GROUP_DEPTH: usize = 32;

/// The paths starting at the identifier `tokens[start]` (`a::b::c`), with `use` groups
/// expanded (`a::{b, c::d}` is `a::b` and `a::c::d`; `x as y` is `x`), and the index after them.
/// `depth` is how many groups enclose `start`.
fn paths_at<'s>(tokens: &[Token<'s>], start: usize, depth: usize) -> (Vec<Vec<&'s str>>, usize) {
    if depth > MAX_GROUP_DEPTH {
        return (Vec::new(), start + 1);
    }
    let mut prefix = Vec::new();
    let mut i = start;
    while let Some(Token::Ident(segment)) = tokens.get(i) {
        prefix.push(*segment);
        i += 1;
        if tokens.get(i) != Some(&Token::PathSep) {
            return (vec![prefix], i);
        }
        i += 1;
    }
    if tokens.get(i) != Some(&Token::Punct('{')) {
        return (vec![prefix], i);
    }
    // A group: each item is a path of its own (itself possibly a group) after the prefix.
    let mut paths = Vec::new();
    i += 1;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Punct('}') => return (paths, i + 1),
            Token::Ident(_) => {
                let (items, next) = paths_at(tokens, i, depth + 1);
                for item in items {
                    let mut path = prefix.clone();
                    path.extend(item);
                    paths.push(path);
                }
                // Skip `as alias` and anything else up to the item's end.
                i = next;
                while i < tokens.len()
                    && !matches!(tokens[i], Token::Punct(',') | Token::Punct('}'))
                {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    (paths, i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::fixture::catalogue;

    fn used(source: &str) -> Vec<String> {
        let catalogue = catalogue(
            "",
            &[
                ("err:shop:orders:not_found", ""),
                ("err:shop:orders:gone", ""),
                ("err:shop:type:missing", ""),
                ("err:shop:customers:not_found", ""),
            ],
        );
        Names::of(&catalogue)
            .used_in(source)
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn use_groups_nested_past_any_real_code_end_the_scan_of_that_use_not_the_process() {
        // Ten thousand levels: expanded fully, this overflowed the stack.
        let deep = format!("use a::{}b{};", "a::{".repeat(10_000), "}".repeat(10_000));
        assert!(used(&deep).is_empty());
        // A use after it is still found.
        let source = format!("{deep}\nuse unkey_errors::codes::shop::orders::GONE;");
        assert_eq!(used(&source), ["err:shop:orders:gone"]);
    }

    #[test]
    fn finds_each_kind_of_use() {
        let attribute = "#[derive(UnkeyError)]\nenum E {\n    #[unkey(code = \"err:shop:orders:gone\")]\n    Gone,\n}";
        assert_eq!(used(attribute), ["err:shop:orders:gone"]);
        assert_eq!(
            used("let code = \"err:shop:orders:gone\";"),
            ["err:shop:orders:gone"]
        );
        assert_eq!(
            used("let c = my_errors::codes::shop::orders::NOT_FOUND;"),
            ["err:shop:orders:not_found"]
        );
        assert_eq!(
            used("match c { Code::ShopCustomersNotFound => {} _ => {} }"),
            ["err:shop:customers:not_found"]
        );
        // A category that is a keyword is a raw identifier in the generated module path.
        assert_eq!(
            used("codes::shop::r#type::MISSING"),
            ["err:shop:type:missing"]
        );
    }

    #[test]
    fn follows_use_groups_and_imported_categories() {
        assert_eq!(
            used("use crate::codes::shop::{orders::{NOT_FOUND as Missing, GONE}, customers};"),
            ["err:shop:orders:gone", "err:shop:orders:not_found"]
        );
        assert_eq!(
            used("use crate::codes::shop::customers;\nfn f() { customers::NOT_FOUND }"),
            ["err:shop:customers:not_found"]
        );
        assert_eq!(
            used("use crate::Code::{ShopOrdersGone, ShopTypeMissing};"),
            ["err:shop:orders:gone", "err:shop:type:missing"]
        );
        // A category imported with `self` beside a constant, a system imported, a glob.
        assert_eq!(
            used("use crate::codes::shop::orders::{self, GONE};\nfn f() { orders::NOT_FOUND }"),
            ["err:shop:orders:gone", "err:shop:orders:not_found"]
        );
        assert_eq!(
            used("use unkey_errors::codes::shop;\nfn f() { shop::customers::NOT_FOUND }"),
            ["err:shop:customers:not_found"]
        );
        assert_eq!(
            used("use crate::codes::shop::orders::*;\nfn f() { GONE }"),
            ["err:shop:orders:gone"]
        );
    }

    #[test]
    fn comments_other_strings_and_unknown_names_are_not_uses() {
        for source in [
            "// uses \"err:shop:orders:gone\" and codes::shop::orders::GONE",
            "/* Code::ShopOrdersGone */",
            "let s = \"see err:shop:orders:gone\";",
            "let c = codes::shop::orders::NOT_THERE;",
            "let c = orders::GONE; // the category is not imported",
            "let c = Code::ShopOrdersMissing;",
        ] {
            assert_eq!(used(source), Vec::<String>::new(), "{source}");
        }
    }
}
