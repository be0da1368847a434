#!/usr/bin/env bash
# Fuzzes the API of `hattama serve` from its own OpenAPI description with schemathesis (PyPI):
# requests made from the spec, valid and not, must get no 5xx, every response must match the
# spec, a valid request must be accepted and an invalid one refused.
#
#   scripts/e2e/api-fuzz.sh [HATTAMA_BINARY] [EXAMPLES]
set -euo pipefail
cd "$(dirname "$0")/../.."
HATTAMA="${1:-target/debug/hattama}"
EXAMPLES="${2:-100}"
log="$(mktemp)"
# With a folder, so that the folder's endpoints answer too.
"$HATTAMA" serve fixtures/audit/overdue --lang ru --as-of 2026-06-30 --no-config >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$log"' EXIT
url=""
for _ in $(seq 1 100); do
    url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$log" || true)"
    [ -n "$url" ] && break
    sleep 0.2
done
[ -n "$url" ] || { cat "$log"; echo "hattama serve printed no address" >&2; exit 1; }
st run "${url}api/openapi.json" --checks all --max-examples "$EXAMPLES" --seed 20261206
