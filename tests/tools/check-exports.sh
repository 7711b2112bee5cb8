#!/usr/bin/env bash
# Checks what `unkey-errors` exports with the real tools, installing them when missing:
#   - docs/catalogue.schema.json equals a fresh `unkey-errors schema`;
#   - the TypeScript module compiles under `tsc --strict` (TypeScript pinned in
#     tests/tools/package-lock.json, installed under target/tools/node_modules) and a client of
#     it (tests/tools/typescript/main.ts) runs;
#   - the Go package is gofmt-clean and passes `go vet` (Debian's golang-go), and a client of it
#     (tests/tools/go/main.go) runs;
#   - the OpenAPI document passes openapi-spec-validator (pinned below, in a venv under
#     target/tools/venv);
#   - the Prometheus alerting rules pass `promtool check rules` (Debian's prometheus package,
#     unpacked under target/tools/prometheus), and errors.yaml's pass the unit tests of
#     tests/tools/prometheus/rules-test.yaml under `promtool test rules`;
#   - the docs' navigation group, in a docs.json, passes Mintlify's own validator
#     (@mintlify/validation, pinned in the same lock; tests/tools/mintlify/check-navigation.mjs),
#     and every page it names is rendered;
#   - every rendered page compiles with the MDX compiler (@mdx-js/mdx with Mintlify's
#     frontmatter and GFM plugins, pinned in the same lock; tests/tools/mintlify/compile-pages.mjs)
#     and holds no expression and no element but the renderer's components: docs/errors, and
#     the pages of unkey-errors-cli/tests/fixtures/mdx-hostile.yaml, whose prose is written to
#     trip the escaping.
# Each export is generated from errors.yaml, from a catalogue with a deprecated code, and from
# one whose codes take names the exports declare themselves (Go's GatewayErrorResponse) or that
# JavaScript reserves, and `--check` must accept it. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
tools=$root/target/tools
work=$tools/exports

step() { printf '\n== %s\n' "$*"; }

step "tools"
# Installs what is missing (a no-op when .ci/run already did it in the background).
bash tests/tools/install.sh

step "build unkey-errors"
# The binary as `cargo test --workspace` builds it (with the workspace's features): after the
# tests, nothing is built again (`-p unkey-errors-cli` alone would resolve other features and
# build the crates a second time).
cargo test --quiet --workspace --no-run
# Where cargo put it: CARGO_TARGET_DIR or a config may move the target directory.
target_dir=$(cargo metadata --format-version 1 --no-deps \
    | node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).target_directory))')
cli=$target_dir/debug/unkey-errors
rm -rf "$work"
mkdir -p "$work"

step "JSON Schema: the committed file is current"
"$cli" schema --out docs/catalogue.schema.json --check

# The catalogues every export is made from: Unkey's, one whose code is deprecated, and one whose
# codes' names collide with the exports' own.
catalogues=(errors.yaml unkey-errors-cli/tests/fixtures/deprecated.yaml
    unkey-errors-cli/tests/fixtures/collisions.yaml)

step "TypeScript: tsc --strict"
tsc=$tools/node_modules/.bin/tsc
for catalogue in "${catalogues[@]}"; do
    dir=$work/typescript/$(basename "$catalogue" .yaml)
    mkdir -p "$dir"
    "$cli" --catalogue "$catalogue" gen --lang typescript --out "$dir/errors.ts"
    "$cli" --catalogue "$catalogue" gen --lang typescript --out "$dir/errors.ts" --check
    # The strictest settings an SDK may use, on the module alone.
    "$tsc" --strict --noUncheckedIndexedAccess --exactOptionalPropertyTypes --noEmit \
        --target es2022 "$dir/errors.ts"
done
dir=$work/typescript/errors
cp tests/tools/typescript/main.ts "$dir/"
"$tsc" --strict --outDir "$dir/out" "$dir/main.ts" "$dir/errors.ts"
node "$dir/out/main.js"

step "Mintlify: the navigation group passes @mintlify/validation"
# The script imports the package by name, so it runs from the folder that holds node_modules.
cp tests/tools/mintlify/check-navigation.mjs "$tools/"
node "$tools/check-navigation.mjs" docs "Unkey Errors" "User Errors" "Frontline Errors"
# A catalogue without docs_navigation: the default navigation, rendered to a scratch tree.
"$cli" --catalogue unkey-errors-cli/tests/fixtures/deprecated.yaml docs --out "$work/docs-default" >/dev/null
node "$tools/check-navigation.mjs" "$work/docs-default" "Shop"

step "MDX: every page compiles, with no expression and only the renderer's components"
cp tests/tools/mintlify/compile-pages.mjs "$tools/"
"$cli" --catalogue unkey-errors-cli/tests/fixtures/mdx-hostile.yaml docs --out "$work/docs-hostile" >/dev/null
node "$tools/compile-pages.mjs" docs/errors "$work/docs-default" "$work/docs-hostile"

step "Go: gofmt and go vet"
# Nothing is downloaded: the program uses the standard library and the generated package only.
export GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local
for catalogue in "${catalogues[@]}"; do
    name=$(basename "$catalogue" .yaml)
    dir=$work/go/$name
    mkdir -p "$dir/codes"
    cp tests/tools/go/go.mod "$dir/"
    "$cli" --catalogue "$catalogue" gen --lang go --package codes --out "$dir/codes/codes.go"
    "$cli" --catalogue "$catalogue" gen --lang go --package codes --out "$dir/codes/codes.go" --check
    unformatted=$(gofmt -l "$dir/codes")
    if [[ -n $unformatted ]]; then
        echo "gofmt would change $unformatted:" >&2
        gofmt -d "$dir/codes" >&2
        exit 1
    fi
    if [[ $name == errors ]]; then
        cp tests/tools/go/main.go "$dir/"
    fi
    (cd "$dir" && go vet ./...)
done
(cd "$work/go/errors" && go run .)

step "OpenAPI: openapi-spec-validator"
venv=$tools/venv
for catalogue in "${catalogues[@]}"; do
    out=$work/openapi-$(basename "$catalogue" .yaml).json
    "$cli" --catalogue "$catalogue" openapi --out "$out"
    "$cli" --catalogue "$catalogue" openapi --out "$out" --check
    "$venv/bin/openapi-spec-validator" "$out"
done

step "Prometheus rules: promtool check rules, and promtool test rules"
promtool=$tools/prometheus/usr/bin/promtool
mkdir -p "$work/prometheus"
for catalogue in "${catalogues[@]}"; do
    out=$work/prometheus/$(basename "$catalogue" .yaml).rules.yaml
    "$cli" --catalogue "$catalogue" gen --lang prometheus-rules --out "$out"
    "$cli" --catalogue "$catalogue" gen --lang prometheus-rules --out "$out" --check
    "$promtool" check rules "$out"
done
# What errors.yaml's rules make of a service's counter: which series fire, when, and what
# the alert says.
cp tests/tools/prometheus/rules-test.yaml "$work/prometheus/"
(cd "$work/prometheus" && "$promtool" test rules rules-test.yaml)

step "all exports check"
