#!/usr/bin/env bash
# Runs one fuzz target on the stable toolchain. Usage: fuzz/run.sh TARGET [libFuzzer options]
#   fuzz/run.sh check -max_total_time=60      # a minute, as CI does
#   fuzz/run.sh dates -runs=10000000          # ten million executions
#
# cargo fuzz passes nightly-only flags to rustc (-Z for the coverage instrumentation);
# RUSTC_BOOTSTRAP=1 lets the stable compiler accept them. The sanitizers need nightly's
# prebuilt runtimes, so the targets are built without one (--sanitizer none): a panic, an
# assertion, an arithmetic overflow (debug assertions are on) or a slow input is still found,
# but not a memory error in unsafe code, of which this crate has none.
# Every input must finish within 1 s (-timeout=1); inputs are capped at 64 KiB, many times a
# real protocol. The corpus is seeded on first use (fuzz/seed.sh). Nice, to share the machine.
set -euo pipefail
fuzz="$(cd "$(dirname "$0")" && pwd)"
target="${1:?usage: fuzz/run.sh TARGET [libFuzzer options]}"
shift
[ -d "$fuzz/corpus/$target" ] || "$fuzz/seed.sh" "$target"
cd "$fuzz"
RUSTC_BOOTSTRAP=1 exec nice -n 10 cargo fuzz run "$target" --sanitizer none \
    "corpus/$target" -- -timeout=1 -max_len=65536 -print_final_stats=1 "$@"
