#!/usr/bin/env bash
# RUSTC_WRAPPER for cargo fuzz (fuzz/run.sh sets it): coverage instrumentation for hattama's own
# code only. Every crate built for a fuzz target gets cargo fuzz's SanitizerCoverage flags; for
# third-party crates (regex, pulldown-cmark, serde, …) they are dropped here. Their comparisons
# and counters took about two thirds of each execution's time, and what guides the fuzzer is
# hattama's own branches: a crate's internals are fuzzed by its own project.
# For the same reason third-party crates are built as a release build has them: without debug
# assertions and with branch folding (cargo fuzz turns both off for every crate). Hattama's own
# code keeps its debug assertions and overflow checks, which is where a fuzzer's finds are ours.
set -euo pipefail
rustc="$1"
shift
crate=""
previous=""
for arg in "$@"; do
    [ "$previous" = "--crate-name" ] && crate="$arg"
    previous="$arg"
done
case "$crate" in
    hattama | hattama_fuzz | read | front_matter | parse_extract | dates | suppress | check | docx)
        exec "$rustc" "$@"
        ;;
esac
kept=()
for arg in "$@"; do
    case "$arg" in
        -Cpasses=sancov-module | -Cllvm-args=-sanitizer-coverage-*) ;;
        -Cdebug-assertions | -Cllvm-args=-simplifycfg-branch-fold-threshold=0) ;;
        *) kept+=("$arg") ;;
    esac
done
exec "$rustc" "${kept[@]}"
