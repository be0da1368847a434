#!/usr/bin/env bash
# Opens hattama's HTML reports in a real browser (headless Chromium, Debian's `chromium`
# package) and checks what a person would see: the page loads from a file with the network
# off, every section is in the rendered page, it prints to PDF, and a screenshot is taken.
#
#   scripts/browser-check.sh [HATTAMA_BINARY] [OUT_DIR]
#
# Defaults: target/debug/hattama, target/browser-check. The national oblast is written by the
# generator beside HATTAMA_BINARY (hattama-generate, from `cargo build --workspace`), or the one
# HATTAMA_GENERATE names. Screenshots and PDFs stay in OUT_DIR to look at. Exits non-zero when a
# check fails; needs /usr/bin/chromium (`apt-get install chromium`).
set -euo pipefail
cd "$(dirname "$0")/.."

HATTAMA="${1:-target/debug/hattama}"
OUT="${2:-target/browser-check}"
GENERATE="${HATTAMA_GENERATE:-$(dirname "$HATTAMA")/hattama-generate}"
CHROMIUM="${CHROMIUM:-chromium}"
mkdir -p "$OUT"
OUT="$(realpath "$OUT")"
PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT

# The flags keep Chromium off the network: this machine's is closed, and the report needs none.
browser() {
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --disable-extensions --user-data-dir="$PROFILE" "$@" 2>/dev/null
}

fail() {
    echo "browser check FAILED: $*" >&2
    exit 1
}

check_page() {
    local html name="$2" width="$3" height="$4"
    html="$(realpath "$1")"
    shift 4
    local dom="$OUT/$name.dom.html"
    local started ended
    started=$(date +%s%N)
    browser --dump-dom "file://$html" >"$dom" || fail "$name: chromium could not load the page"
    ended=$(date +%s%N)
    for id in "$@"; do
        grep -q "id=\"$id\"" "$dom" || fail "$name: section #$id missing from the rendered page"
    done
    # The page was parsed as HTML, not shown as text: its charts became SVG elements.
    grep -q "<svg" "$dom" || grep -q 'id="findings"' "$dom" || fail "$name: nothing rendered"
    browser --screenshot="$OUT/$name.png" --window-size="$width,$height" \
        "file://$html" >/dev/null || fail "$name: no screenshot"
    [ "$(stat -c %s "$OUT/$name.png")" -gt 20000 ] || fail "$name: the screenshot is blank"
    browser --print-to-pdf="$OUT/$name.pdf" --no-pdf-header-footer \
        "file://$html" >/dev/null || fail "$name: does not print"
    local pages
    # The root of the page tree counts every page: the largest /Count.
    pages=$(grep -ao "/Count [0-9]*" "$OUT/$name.pdf" | cut -d' ' -f2 | sort -n | tail -n 1 || true)
    [ "${pages:-0}" -ge 1 ] || fail "$name: the printed PDF has no page"
    printf '%-10s %9s bytes  loaded in %5d ms  printed on %3s A4 pages  %s\n' \
        "$name" "$(stat -c %s "$html")" "$(((ended - started) / 1000000))" "$pages" "$OUT/$name.png"
}

sections=(summary ranking heatmap sessions overdue duplicates coverage findings)
for lang in ru kk en; do
    "$HATTAMA" audit fixtures/audit --as-of 2026-06-30 --lang "$lang" --format html \
        -o "$OUT/audit-$lang.html" || [ $? -eq 1 ]
    check_page "$OUT/audit-$lang.html" "audit-$lang" 1280 2400 "${sections[@]}"
done
"$HATTAMA" check fixtures/check --as-of 2026-11-22 --format html -o "$OUT/check.html" || [ $? -eq 1 ]
check_page "$OUT/check.html" check 1280 1600 findings

# A national audit: 271 commissions, one year. The page must stay small and quick to open.
if [ ! -d "$OUT/national" ]; then
    "$GENERATE" generate "$OUT/national" --districts 271 --years 2026 --seed 7 >/dev/null
fi
"$HATTAMA" audit "$OUT/national" --as-of 2026-11-30 --format html -o "$OUT/national.html" -q \
    || [ $? -eq 1 ]
check_page "$OUT/national.html" national 1280 2400 "${sections[@]}"
size=$(stat -c %s "$OUT/national.html")
[ "$size" -lt 5000000 ] || fail "the national report is $size bytes"
echo "browser check passed"
