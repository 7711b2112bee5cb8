use unkey_errors::UnkeyError;

#[derive(Debug, thiserror::Error, UnkeyError)]
#[error("workspace disabled")]
struct WorkspaceDisabled;

fn main() {}
