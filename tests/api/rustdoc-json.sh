#!/bin/sh
# The rustdoc that tests/public_api.rs has cargo run: the real one ($UNKEY_ERRORS_RUSTDOC), with
# RUSTC_BOOTSTRAP=1 so that stable rustdoc accepts `-Z unstable-options --output-format json`.
# Set here, for rustdoc alone: build scripts that read the variable (proc-macro2's) then see
# the environment of every other build, so the dependencies already compiled are reused.
RUSTC_BOOTSTRAP=1 exec "$UNKEY_ERRORS_RUSTDOC" "$@"
