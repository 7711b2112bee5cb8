//! Running cargo on this workspace, and comparing what it reports with the text committed for it.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Set to `1` to write the fresh text over the committed one instead of failing.
pub const UPDATE_VAR: &str = "UNKEY_ERRORS_UPDATE_API";

/// The command that rewrites every committed list these tests check.
pub const UPDATE_COMMAND: &str = "UNKEY_ERRORS_UPDATE_API=1 cargo test -p unkey-errors-api-tests";

/// The workspace's root directory.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the workspace root exists")
}

/// The cargo that runs these tests, in the workspace root, with the lockfile as committed.
pub fn cargo(subcommand: &str) -> Command {
    let mut command = Command::new(env!("CARGO"));
    command
        .arg(subcommand)
        .arg("--locked")
        .current_dir(workspace_root());
    command
}

/// Runs `command` and returns its standard output; a failure panics with its standard error.
pub fn output(command: &mut Command) -> String {
    let output = command
        .output()
        .unwrap_or_else(|error| panic!("could not run {command:?}: {error}"));
    assert!(
        output.status.success(),
        "{command:?} failed ({}):\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("cargo prints UTF-8")
}

/// Whether the committed lists are to be rewritten rather than checked.
pub fn updating() -> bool {
    std::env::var_os(UPDATE_VAR).is_some_and(|value| value == "1")
}

/// `None` when `fresh` equals `committed`; otherwise the unified diff from the one to the other,
/// headed by `what` (the file or section that differs).
pub fn difference(what: &str, committed: &str, fresh: &str) -> Option<String> {
    if committed == fresh {
        return None;
    }
    let diff = similar::TextDiff::from_lines(committed, fresh)
        .unified_diff()
        .context_radius(2)
        .header(&format!("{what} (committed)"), &format!("{what} (now)"))
        .to_string();
    Some(diff)
}
