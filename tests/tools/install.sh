#!/usr/bin/env bash
# Installs the real tools tests/tools/check-exports.sh and check-html.sh check with, when
# missing: TypeScript and @mintlify/validation (pinned in tests/tools/package-lock.json, under
# target/tools/node_modules), Debian's golang-go and chromium, and openapi-spec-validator
# (pinned below, in a venv under target/tools/venv). Network and disk only, no cargo: .ci/run
# starts it in the background so the downloads overlap the Rust builds.
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

venv=$tools/venv
if [[ ! -x $venv/bin/openapi-spec-validator ]] \
    || [[ $("$venv/bin/python" -m pip show openapi-spec-validator 2>/dev/null | sed -n 's/^Version: //p') \
        != "$openapi_spec_validator_version" ]]; then
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        "openapi-spec-validator==$openapi_spec_validator_version"
fi
