#!/usr/bin/env bash
# Renders the gateway's HTML error page in a real browser (Debian's headless Chromium, installed
# by tests/tools/install.sh) and checks what a user would see:
#   - the DOM has the status and title as <title>, the message as text, the code, a link to the
#     code's docs page and the request id;
#   - a message and request id made of markup and quotes arrive as text: no element, no script
#     ran (the page's own DOM is compared, as Chromium parsed it);
#   - a screenshot is produced in light and in dark mode.
# Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tests/tools/install.sh
work=$PWD/target/tools/html
rm -rf "$work"
mkdir -p "$work"

# The example as `cargo test --workspace` builds it (with the workspace's features): after the
# tests, nothing is built again.
cargo test --quiet --workspace --no-run
page=target/debug/examples/gateway_page
chromium=$(command -v chromium || command -v chromium-browser)
# Headless, with nothing reaching out to the network (this machine's network is closed).
browse() {
    "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$work/profile" "$@" 2>/dev/null
}
fail() { echo "check-html: $*" >&2; exit 1; }

hostile_message='<script>document.title="owned"</script><img src=x onerror=alert(1)> "quoted" & it'"'"'s'
hostile_id='req_"><b>bold</b>'
"$page" err:frontline:capacity:deployment_offline req_2c9a0jf23l4k567 > "$work/plain.html"
"$page" err:frontline:client:openapi_validation_failed "$hostile_id" "$hostile_message" > "$work/hostile.html"

dom=$(browse --dump-dom "file://$work/plain.html")
grep -q '<title>503 Service Unavailable</title>' <<<"$dom" || fail "plain: no <title>"
grep -q 'This deployment is offline right now.' <<<"$dom" || fail "plain: no message"
grep -q 'err:frontline:capacity:deployment_offline' <<<"$dom" || fail "plain: no code"
grep -q 'href="https://unkey.com/docs/errors/frontline/capacity/deployment_offline"' <<<"$dom" \
    || fail "plain: no docs link"
grep -q 'req_2c9a0jf23l4k567' <<<"$dom" || fail "plain: no request id"

dom=$(browse --dump-dom "file://$work/hostile.html")
grep -q '<title>400 Bad Request</title>' <<<"$dom" || fail "hostile: the title changed (a script ran?)"
# As text, the markup is escaped again when Chromium serializes the DOM; as markup it would not be.
grep -q '&lt;script&gt;document.title' <<<"$dom" || fail "hostile: the message is not text"
grep -q '&lt;img src=x onerror=alert(1)&gt;' <<<"$dom" || fail "hostile: the image is not text"
if grep -qiE '<script|<img|<b>bold' <<<"$dom"; then fail "hostile: markup became elements"; fi
grep -q 'req_"&gt;&lt;b&gt;bold&lt;/b&gt;' <<<"$dom" || fail "hostile: the request id is not text"

for scheme in light dark; do
    flags=()
    [[ $scheme == dark ]] && flags=(--force-dark-mode --blink-settings=preferredColorScheme=0)
    browse "${flags[@]}" --window-size=900,700 --screenshot="$work/$scheme.png" \
        "file://$work/plain.html" >/dev/null
    [[ -s $work/$scheme.png ]] || fail "no $scheme screenshot"
done
echo "check-html: the gateway page renders, escapes and screenshots ($work)"
