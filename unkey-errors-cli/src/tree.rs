//! Writing the rendered tree to disk, and comparing a committed tree with a fresh render.
//!
//! The docs folder is shared: people keep their own files in it (a README, images). So the
//! command never removes a file it cannot prove it wrote. Each run writes a manifest,
//! `<root>/errors/.unkey-errors-manifest`, listing every file it generated with a hash of the
//! content it wrote. A later run removes a file that is no longer rendered only if that manifest
//! lists it and its content still has the recorded hash; an edited file, or any file when the
//! manifest is missing or unreadable, is kept with a warning.
//!
//! The manifest is a text file, one generated file a line, paths relative to the docs root:
//!
//! ```text
//! # ...comment lines...
//! fnv1a64:3f9c2b1d0a8e7f65 errors/unkey/authorization/forbidden.mdx
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::render::ERRORS_DIR;

/// The manifest's file name, in the `errors/` folder.
pub const MANIFEST_NAME: &str = ".unkey-errors-manifest";

/// At most this many lines of diff are shown for one stale file.
pub const DIFF_LINES_PER_FILE: usize = 24;

/// The manifest's path below the docs root.
pub fn manifest_path() -> String {
    format!("{ERRORS_DIR}/{MANIFEST_NAME}")
}

/// The FNV-1a 64-bit hash of `bytes`: enough to notice an edit to a generated file (this is no
/// defence against someone forging a file), and stable across Rust releases, unlike std's
/// `DefaultHasher`.
pub fn content_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The files one run of the docs command wrote, with the hash of each one's content.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    /// Content hash by path below the docs root (`errors/...`).
    pub files: BTreeMap<String, u64>,
}

const MANIFEST_HEADER: &str = "\
# Written by `unkey-errors docs`: every file it generated under this folder, with the FNV-1a
# 64-bit hash of the content it wrote. A file listed here that is no longer rendered is removed
# only while its content still has this hash; files not listed are never touched. Commit this
# file with the docs, and do not edit it.
";

impl Manifest {
    /// The manifest of a rendered tree.
    pub fn of(rendered: &BTreeMap<String, String>) -> Manifest {
        Manifest {
            files: rendered
                .iter()
                .map(|(path, content)| (path.clone(), content_hash(content.as_bytes())))
                .collect(),
        }
    }

    /// The manifest as its file holds it.
    pub fn to_text(&self) -> String {
        let mut text = String::from(MANIFEST_HEADER);
        for (path, hash) in &self.files {
            let _ = writeln!(text, "fnv1a64:{hash:016x} {path}");
        }
        text
    }

    /// Reads a manifest file. Every path must be a plain relative path inside `errors/`, so a
    /// hand-edited manifest can never make the command remove anything outside that folder.
    pub fn parse(text: &str) -> Result<Manifest, String> {
        let mut files = BTreeMap::new();
        for (index, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let problem = |what: &str| format!("line {}: {what}", index + 1);
            let (hash, path) = line
                .strip_prefix("fnv1a64:")
                .and_then(|rest| rest.split_once(' '))
                .ok_or_else(|| problem("expected `fnv1a64:<16 hex digits> <path>`"))?;
            let hash = u64::from_str_radix(hash, 16)
                .ok()
                .filter(|_| hash.len() == 16)
                .ok_or_else(|| problem("the hash is not 16 hex digits"))?;
            if !is_generated_path(path) {
                return Err(problem(&format!(
                    "`{path}` is not a relative path inside `{ERRORS_DIR}/`"
                )));
            }
            files.insert(path.to_owned(), hash);
        }
        Ok(Manifest { files })
    }
}

/// Whether `path` is `errors/...` made only of plain names: no `..`, `.`, root or empty part.
fn is_generated_path(path: &str) -> bool {
    path.starts_with(&format!("{ERRORS_DIR}/"))
        && !path.contains('\\')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
        && Path::new(path)
            .components()
            .all(|part| matches!(part, Component::Normal(_)))
        && path != manifest_path()
}

/// The files the docs command writes for `rendered`: the rendered files and the manifest.
pub fn generated_files(rendered: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let mut files = rendered.clone();
    files.insert(manifest_path(), Manifest::of(rendered).to_text());
    files
}

/// What the manifest on disk says, if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PreviousManifest {
    /// It was read.
    Found(Manifest),
    /// There is none (a first run, or it was deleted).
    Missing,
    /// It exists but cannot be used; the text says why.
    Unreadable(String),
}

/// Reads the manifest under `root`.
pub fn read_manifest(root: &Path) -> io::Result<PreviousManifest> {
    match std::fs::read(inside(root, &manifest_path())?) {
        Ok(bytes) => Ok(match String::from_utf8(bytes) {
            Ok(text) => match Manifest::parse(&text) {
                Ok(manifest) => PreviousManifest::Found(manifest),
                Err(problem) => PreviousManifest::Unreadable(problem),
            },
            Err(_) => PreviousManifest::Unreadable("it is not UTF-8".to_owned()),
        }),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(PreviousManifest::Missing),
        Err(error) => Err(error),
    }
}

/// How a generated file on disk differs from the fresh render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Drift {
    /// Rendered, but not on disk.
    Missing,
    /// On disk with other content.
    Stale,
    /// Listed in the manifest and on disk, but no longer rendered (its code was removed or
    /// renamed, or made internal).
    Extra,
}

impl fmt::Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Drift::Missing => "missing",
            Drift::Stale => "stale",
            Drift::Extra => "extra",
        })
    }
}

/// One generated file that differs from the fresh render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DriftedFile {
    /// How it differs.
    pub drift: Drift,
    /// Its path below the docs root.
    pub path: String,
    /// For a stale file, the start of a unified diff from the file on disk to the render.
    pub diff: Option<String>,
}

impl DriftedFile {
    /// The file's lines of a `check` report: kind and path, then its diff indented.
    pub fn describe(&self, root: &Path) -> String {
        let mut text = format!("  {:<7} {}", self.drift, root.join(&self.path).display());
        if self.drift == Drift::Extra {
            text.push_str(" (generated by an earlier run, no longer rendered)");
        }
        text.push('\n');
        if let Some(diff) = &self.diff {
            for line in diff.lines() {
                let _ = writeln!(text, "      {line}");
            }
        }
        text
    }
}

/// A unified diff from `on_disk` to `rendered`, at most [`DIFF_LINES_PER_FILE`] lines.
fn short_diff(path: &str, on_disk: &[u8], rendered: &str) -> String {
    let on_disk = String::from_utf8_lossy(on_disk);
    let diff = similar::TextDiff::from_lines(on_disk.as_ref(), rendered);
    let full = diff
        .unified_diff()
        .context_radius(2)
        .header(&format!("{path} (on disk)"), &format!("{path} (rendered)"))
        .to_string();
    let lines: Vec<&str> = full.lines().collect();
    let mut text = lines
        .iter()
        .take(DIFF_LINES_PER_FILE)
        .fold(String::new(), |mut text, line| {
            text.push_str(line);
            text.push('\n');
            text
        });
    if lines.len() > DIFF_LINES_PER_FILE {
        let _ = writeln!(
            text,
            "... {} more lines of diff",
            lines.len() - DIFF_LINES_PER_FILE
        );
    }
    text
}

/// `root` joined with `relative` (a generated file's `/`-separated path), when no part of that
/// path below `root` is a symbolic link. The command reads, writes and removes only what is
/// really under `root`: through a link it could overwrite or delete a file elsewhere, or print
/// one in a diff. `root` itself may be a link.
fn inside(root: &Path, relative: &str) -> io::Result<PathBuf> {
    let mut path = root.to_path_buf();
    for part in relative.split('/') {
        path.push(part);
        match std::fs::symlink_metadata(&path) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!(
                        "{} is a symbolic link, and generated files are written only as real \
                         files and folders under {}: remove the link",
                        path.display(),
                        root.display()
                    ),
                ));
            }
            Ok(_) => {}
            // Nothing there yet: nothing below it can be a link either.
            Err(error) if error.kind() == io::ErrorKind::NotFound => break,
            Err(error) => return Err(error),
        }
    }
    Ok(root.join(relative))
}

/// The content of the file at `path`, or `None` if there is no file there.
fn read_if_file(path: &Path) -> io::Result<Option<Vec<u8>>> {
    match std::fs::metadata(path) {
        Ok(metadata) if metadata.is_dir() => Ok(None),
        Ok(_) => std::fs::read(path).map(Some),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(error),
    }
}

/// Compares the generated files under `root` with a fresh render: every rendered file (and the
/// manifest) that is missing or stale, and every file the manifest on disk lists that is no
/// longer rendered, sorted by path. Files the manifest does not list are not looked at.
pub fn check(root: &Path, rendered: &BTreeMap<String, String>) -> io::Result<Vec<DriftedFile>> {
    let expected = generated_files(rendered);
    let mut drift = Vec::new();
    for (path, content) in &expected {
        match read_if_file(&inside(root, path)?)? {
            None => drift.push(DriftedFile {
                drift: Drift::Missing,
                path: path.clone(),
                diff: None,
            }),
            Some(bytes) if bytes != content.as_bytes() => drift.push(DriftedFile {
                drift: Drift::Stale,
                path: path.clone(),
                diff: Some(short_diff(path, &bytes, content)),
            }),
            Some(_) => {}
        }
    }
    if let PreviousManifest::Found(previous) = read_manifest(root)? {
        for path in previous.files.keys() {
            if !expected.contains_key(path) && read_if_file(&inside(root, path)?)?.is_some() {
                drift.push(DriftedFile {
                    drift: Drift::Extra,
                    path: path.clone(),
                    diff: None,
                });
            }
        }
    }
    drift.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(drift)
}

/// Why a file that is no longer rendered is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeptBecause {
    /// The manifest lists it, but its content changed since it was written.
    Edited,
    /// There is no usable manifest, so nothing proves the command wrote it. The text says what
    /// is wrong with the manifest.
    NoManifest(String),
}

/// What the docs command does to make the generated files under a root equal a render.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// Every generated file with its content (the rendered files and the manifest).
    pub files: BTreeMap<String, String>,
    /// Files to write, each missing or stale.
    pub write: Vec<(Drift, String)>,
    /// Generated files no longer rendered and unchanged since written: to remove.
    pub remove: Vec<String>,
    /// Folders left empty by the removals, deepest first: to remove.
    pub remove_folders: Vec<String>,
    /// Files that are not rendered and may not be removed, with why; each gets a warning.
    pub keep: Vec<(String, KeptBecause)>,
    /// Why the manifest on disk could not be used, if it exists and could not.
    pub manifest_problem: Option<String>,
}

/// Every file below `<root>/errors/`, as `/`-separated paths relative to `root`. Symbolic
/// links are listed, not followed, so a link to a folder cannot lead the walk outside.
fn files_on_disk(root: &Path) -> io::Result<BTreeSet<String>> {
    let mut found = BTreeSet::new();
    let mut pending = vec![root.join(ERRORS_DIR)];
    while let Some(dir) = pending.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(error) if error.kind() == io::ErrorKind::NotFound => continue,
            Err(error) => return Err(error),
        };
        for entry in entries {
            let entry = entry?;
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                pending.push(path);
            } else if let Ok(relative) = path.strip_prefix(root) {
                found.insert(slash_path(relative));
            }
        }
    }
    Ok(found)
}

fn slash_path(relative: &Path) -> String {
    relative
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Works out what [`apply`] would do under `root` to write `rendered`; touches nothing.
pub fn plan(root: &Path, rendered: &BTreeMap<String, String>) -> io::Result<Plan> {
    let files = generated_files(rendered);
    let mut plan = Plan::default();
    for (path, content) in &files {
        match read_if_file(&inside(root, path)?)? {
            None => plan.write.push((Drift::Missing, path.clone())),
            Some(bytes) if bytes != content.as_bytes() => {
                plan.write.push((Drift::Stale, path.clone()));
            }
            Some(_) => {}
        }
    }
    match read_manifest(root)? {
        PreviousManifest::Found(previous) => {
            for (path, hash) in &previous.files {
                if files.contains_key(path) {
                    continue;
                }
                match read_if_file(&inside(root, path)?)? {
                    Some(bytes) if content_hash(&bytes) == *hash => plan.remove.push(path.clone()),
                    Some(_) => plan.keep.push((path.clone(), KeptBecause::Edited)),
                    None => {}
                }
            }
        }
        unusable => {
            let why = match unusable {
                PreviousManifest::Unreadable(problem) => {
                    plan.manifest_problem = Some(problem.clone());
                    format!("the manifest cannot be read ({problem})")
                }
                _ => "there is no manifest".to_owned(),
            };
            for path in files_on_disk(root)? {
                if !files.contains_key(&path) {
                    plan.keep.push((path, KeptBecause::NoManifest(why.clone())));
                }
            }
        }
    }
    plan.remove_folders = emptied_folders(root, &plan)?;
    plan.files = files;
    Ok(plan)
}

/// The folders below `<root>/errors/` that hold nothing but files and folders the plan removes,
/// and will receive no written file: deepest first, so each is empty when its turn comes.
fn emptied_folders(root: &Path, plan: &Plan) -> io::Result<Vec<String>> {
    let mut candidates: BTreeSet<String> = BTreeSet::new();
    for path in &plan.remove {
        let mut folder = Path::new(path).parent();
        while let Some(dir) = folder {
            if dir == Path::new(ERRORS_DIR) || dir.as_os_str().is_empty() {
                break;
            }
            candidates.insert(slash_path(dir));
            folder = dir.parent();
        }
    }
    let mut by_depth: Vec<String> = candidates.into_iter().collect();
    by_depth.sort_by_key(|dir| std::cmp::Reverse(dir.matches('/').count()));
    let removed_files: BTreeSet<&str> = plan.remove.iter().map(String::as_str).collect();
    let mut emptied: Vec<String> = Vec::new();
    for dir in by_depth {
        let receives_a_file = plan
            .write
            .iter()
            .any(|(_, path)| path.starts_with(&format!("{dir}/")));
        if receives_a_file {
            continue;
        }
        let mut all_removed = true;
        for entry in std::fs::read_dir(inside(root, &dir)?)? {
            let name = entry?.file_name();
            let child = format!("{dir}/{}", name.to_string_lossy());
            if !removed_files.contains(child.as_str()) && !emptied.contains(&child) {
                all_removed = false;
                break;
            }
        }
        if all_removed {
            emptied.push(dir);
        }
    }
    Ok(emptied)
}

/// Carries out `plan` under `root`: writes, then removals of files, then of emptied folders,
/// and the new manifest last. Should a step fail, the old manifest is still in place, so the
/// next run still knows which files it may remove.
pub fn apply(root: &Path, plan: &Plan) -> io::Result<()> {
    let manifest = manifest_path();
    let write = |path: &String| -> io::Result<()> {
        let full = inside(root, path)?;
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&full, &plan.files[path])
    };
    for (_, path) in plan.write.iter().filter(|(_, path)| *path != manifest) {
        write(path)?;
    }
    for path in &plan.remove {
        std::fs::remove_file(inside(root, path)?)?;
    }
    for dir in &plan.remove_folders {
        match std::fs::remove_dir(inside(root, dir)?) {
            // Someone put a file there since the plan was made: it stays, and so does its folder.
            Err(error) if error.kind() == io::ErrorKind::DirectoryNotEmpty => {}
            other => other?,
        }
    }
    if let Some((_, path)) = plan.write.iter().find(|(_, path)| *path == manifest) {
        write(path)?;
    }
    Ok(())
}

/// Plans and applies in one step: makes the generated files under `root` equal `rendered`.
pub fn write(root: &Path, rendered: &BTreeMap<String, String>) -> io::Result<Plan> {
    let plan = plan(root, rendered)?;
    apply(root, &plan)?;
    Ok(plan)
}

impl Plan {
    /// The report of the docs command: one line per file written or removed, one warning per
    /// file kept, then a summary. `dry_run` words it as what would happen.
    pub fn describe(&self, root: &Path, dry_run: bool) -> String {
        let (wrote, removed) = if dry_run {
            ("would write ", "would remove")
        } else {
            ("wrote  ", "removed")
        };
        let mut text = String::new();
        if let Some(problem) = &self.manifest_problem {
            let _ = writeln!(
                text,
                "warning: cannot read the manifest {}: {problem}; no file is removed, and a new \
                 manifest is written",
                root.join(manifest_path()).display()
            );
        }
        for (_, path) in &self.write {
            let _ = writeln!(text, "{wrote} {}", root.join(path).display());
        }
        for path in &self.remove {
            let _ = writeln!(text, "{removed} {}", root.join(path).display());
        }
        for dir in &self.remove_folders {
            let _ = writeln!(
                text,
                "{removed} {}/ (emptied folder)",
                root.join(dir).display()
            );
        }
        for (path, because) in &self.keep {
            let why = match because {
                KeptBecause::Edited => "it was generated but has been edited since; remove it \
                                        yourself if it is no longer wanted"
                    .to_owned(),
                KeptBecause::NoManifest(why) => {
                    format!("it is not rendered, and {why} to show that the docs command wrote it")
                }
            };
            let _ = writeln!(text, "warning: kept {}: {why}", root.join(path).display());
        }
        let unchanged = self.files.len() - self.write.len();
        let _ = writeln!(
            text,
            "{}{} generated files under {}: {} {}, {} {}, {unchanged} unchanged{}",
            if dry_run { "dry run: " } else { "" },
            self.files.len(),
            root.join(ERRORS_DIR).display(),
            self.write.len(),
            if dry_run { "to write" } else { "written" },
            self.remove.len(),
            if dry_run { "to remove" } else { "removed" },
            if dry_run { "; nothing was changed" } else { "" },
        );
        text
    }
}
