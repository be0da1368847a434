#!/usr/bin/env bash
# Runs one fuzz target on the stable toolchain. Usage: fuzz/run.sh TARGET [libFuzzer options]
#   fuzz/run.sh check -max_total_time=60      # a minute, as CI does
#   fuzz/run.sh dates -runs=10000000          # ten million executions
#   fuzz/run.sh read fuzz/artifacts/read/crash-…   # replay one input
#
# cargo fuzz passes nightly-only flags to rustc (-Z for the coverage instrumentation and the
# sanitizer); RUSTC_BOOTSTRAP=1 lets the stable compiler accept them. By default the targets are
# built without a sanitizer (SANITIZER=none), twice as fast: a panic, an assertion, an
# arithmetic overflow (debug assertions are on) or a slow input is still found; the crate has no
# `unsafe` for AddressSanitizer to watch. SANITIZER=address builds with ASan and LeakSanitizer,
# which stable's rust-std ships the runtimes for, to look for leaks:
#   SANITIZER=address fuzz/run.sh read -max_total_time=300
# Only hattama's own code is instrumented for coverage (fuzz/rustc-wrapper.sh drops the flags
# for third-party crates), which halves the time of an execution. Cargo does not tell builds
# with and without a wrapper apart, so the --cfg (used nowhere) keeps them from sharing one.
# TRACE_COMPARES=0 builds without the comparison tracing that lets libFuzzer mutate toward the
# constants hattama's code compares with: in the whole-engine `check` target those hooks run on
# every character of every input and took over half of each execution's instructions. Coverage
# of edges still guides the fuzzer, and the corpus it starts from was grown with the tracing on.
#   TRACE_COMPARES=0 fuzz/run.sh check -runs=10000000 -fork=2   # both cores, one run
# Every input must finish within 1 s (-timeout=1); inputs are capped at 64 KiB, many times a
# real protocol. The corpus is seeded on first use (fuzz/seed.sh). Nice, to share the machine.
set -euo pipefail
fuzz="$(cd "$(dirname "$0")" && pwd)"
target="${1:?usage: fuzz/run.sh TARGET [libFuzzer options]}"
shift
[ -d "$fuzz/corpus/$target" ] || "$fuzz/seed.sh" "$target"
# Options go to libFuzzer; any other argument is an input to replay (a crash file) or a corpus
# folder, which replaces fuzz/corpus/TARGET.
options=() inputs=()
for arg in "$@"; do
    case "$arg" in
        -*) options+=("$arg") ;;
        *) inputs+=("$(realpath "$arg")") ;;
    esac
done
cd "$fuzz"
export RUSTC_WRAPPER="$fuzz/rustc-wrapper.sh" RUSTFLAGS="${RUSTFLAGS:-} --cfg own_coverage_only"
build=(--sanitizer "${SANITIZER:-none}")
[ "${TRACE_COMPARES:-1}" = 0 ] && build+=(--no-trace-compares)
RUSTC_BOOTSTRAP=1 exec nice -n 10 cargo fuzz run "$target" "${build[@]}" \
    ${inputs[@]+"${inputs[@]}"} -- -timeout=1 -max_len=65536 -print_final_stats=1 ${options[@]+"${options[@]}"}
