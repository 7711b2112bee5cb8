//! Writing the rendered tree to disk, and comparing a committed tree with a fresh render.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::render::ERRORS_DIR;

/// How a file on disk differs from the fresh render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Drift {
    /// Rendered, but not on disk.
    Missing,
    /// On disk with other content.
    Stale,
    /// On disk under `errors/`, but not rendered (a removed entry, or a stray file).
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

/// Every file below `<root>/errors/`, as `/`-separated paths relative to `root`.
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
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if let Ok(relative) = path.strip_prefix(root) {
                let parts: Vec<String> = relative
                    .iter()
                    .map(|p| p.to_string_lossy().into_owned())
                    .collect();
                found.insert(parts.join("/"));
            }
        }
    }
    Ok(found)
}

/// Compares the tree under `root` with `rendered`: every drifting file, sorted by path.
pub fn check(root: &Path, rendered: &BTreeMap<String, String>) -> io::Result<Vec<(Drift, String)>> {
    let on_disk = files_on_disk(root)?;
    let mut drift = Vec::new();
    for (path, content) in rendered {
        if !on_disk.contains(path) {
            drift.push((Drift::Missing, path.clone()));
        } else if std::fs::read(root.join(path))? != content.as_bytes() {
            drift.push((Drift::Stale, path.clone()));
        }
    }
    drift.extend(
        on_disk
            .into_iter()
            .filter(|path| !rendered.contains_key(path))
            .map(|path| (Drift::Extra, path)),
    );
    drift.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(drift)
}

/// Makes the tree under `root/errors/` equal `rendered`: writes what changed, removes what is
/// no longer rendered. Returns the number of files written and removed.
pub fn write(root: &Path, rendered: &BTreeMap<String, String>) -> io::Result<(usize, usize)> {
    let (mut written, mut removed) = (0, 0);
    for (drift, path) in check(root, rendered)? {
        let full: PathBuf = root.join(&path);
        match drift {
            Drift::Missing | Drift::Stale => {
                if let Some(parent) = full.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                std::fs::write(&full, &rendered[&path])?;
                written += 1;
            }
            Drift::Extra => {
                std::fs::remove_file(&full)?;
                removed += 1;
            }
        }
    }
    Ok((written, removed))
}
