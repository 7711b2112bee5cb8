#!/usr/bin/env bash
# Checks the gRPC surface and the error counter with clients no one here wrote: Python's
# official gRPC client (grpcio, grpcio-status, googleapis-common-protos) reads every status of
# examples/grpc-errors.rs (tests/http) with grpc_status.rpc_status.from_call and Google's own
# protobuf classes, and prometheus_client's parser reads its Prometheus text
# (tests/tools/check-grpc.py says what is checked). The Python packages are pinned in
# tests/tools/install.sh, in the venv under target/tools/venv. Exits non-zero on the first
# difference.
set -euo pipefail
cd "$(dirname "$0")/../.."
tools=$PWD/target/tools

# Installs what is missing (a no-op when .ci/run already did it in the background).
bash tests/tools/install.sh

# The example as `cargo test --workspace` builds it (with the workspace's features): after the
# tests, nothing is built again.
cargo test --quiet --workspace --no-run
target_dir=$(cargo metadata --format-version 1 --no-deps \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
mkdir -p "$tools"
"$tools/venv/bin/python" tests/tools/check-grpc.py "$tools/grpc-errors.log" \
    "$target_dir/debug/examples/grpc-errors"
