#!/usr/bin/env bash
# Installs the real tools tests/tools/check-exports.sh and check-html.sh check with, when
# missing: TypeScript, @mintlify/validation and the MDX compiler (pinned in tests/tools/package-lock.json, under
# target/tools/node_modules), Debian's golang-go and chromium, promtool (from Debian's
# prometheus package, unpacked under target/tools/prometheus), and openapi-spec-validator
# (pinned below, in a venv under target/tools/venv). Network and disk only, no cargo: .ci/run
# starts it in the background so the downloads overlap the Rust builds. Also the Python clients
# tests/tools/check-grpc.sh reads the gRPC surface and the Prometheus text with (pinned below,
# in the same venv).
set -euo pipefail

# apt-get install, with an index update only when the first try fails (a fresh machine's index
# may be missing or stale).
apt_install() {
    apt-get install -y --no-install-recommends "$@" \
        || { apt-get update && apt-get install -y --no-install-recommends "$@"; }
}
cd "$(dirname "$0")/../.."
tools=$PWD/target/tools
openapi_spec_validator_version=0.9.0
# Python's official gRPC client, its rich-error reader and Google's protobuf classes, and the
# Prometheus text parser: pinned together, so a release of one cannot change what is checked.
python_clients=(grpcio==1.85.4 grpcio-status==1.85.3 googleapis-common-protos==1.76.0
    prometheus-client==0.26.0)
mkdir -p "$tools"

if [[ ! -x $tools/node_modules/.bin/tsc ]] \
    || ! cmp -s tests/tools/package-lock.json "$tools/package-lock.json"; then
    mkdir -p "$tools"
    cp tests/tools/package.json tests/tools/package-lock.json "$tools/"
    (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
fi

if ! command -v go >/dev/null; then
    apt_install golang-go
fi
# For tests/tools/check-html.sh.
if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then
    apt_install chromium
fi

# promtool, for the Prometheus rules check-exports.sh checks: Debian's prometheus package,
# unpacked under target/tools/prometheus rather than installed (installing it starts a server).
if [[ ! -x $tools/prometheus/usr/bin/promtool ]]; then
    (
        cd "$tools"
        rm -f prometheus_*.deb
        apt-get download prometheus || { apt-get update && apt-get download prometheus; }
        dpkg-deb -x prometheus_*.deb prometheus
        rm prometheus_*.deb
    )
fi

venv=$tools/venv
if [[ ! -x $venv/bin/openapi-spec-validator ]] \
    || [[ $("$venv/bin/python" -m pip show openapi-spec-validator 2>/dev/null | sed -n 's/^Version: //p') \
        != "$openapi_spec_validator_version" ]]; then
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        "openapi-spec-validator==$openapi_spec_validator_version"
fi
# The pins installed last are noted beside the venv: a changed pin reinstalls.
if [[ $(cat "$venv/python-clients.txt" 2>/dev/null) != "${python_clients[*]}" ]]; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${python_clients[@]}"
    echo "${python_clients[*]}" > "$venv/python-clients.txt"
fi
