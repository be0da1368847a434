#!/usr/bin/env bash
# Seeds fuzz/corpus/TARGET/ for every target from the project's fixtures (every .md and .txt
# below fixtures/) and the Markdown corpora written by others (../shared/corpora beside the
# project, skipped when absent). Run from anywhere; re-running only adds what is missing.
# Usage: fuzz/seed.sh [TARGET...]   (default: every target)
set -euo pipefail
fuzz="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$fuzz")"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(read front_matter parse_extract dates suppress check docx)
fi
# Files above 64 KiB are left out: real protocols are a few KiB, and a huge seed slows every
# execution that mutates it without covering anything the small ones do not.
max=65536
sources=("$root/fixtures")
[ -d "$root/../shared/corpora" ] && sources+=("$root/../shared/corpora")
for target in "${targets[@]}"; do
    dir="$fuzz/corpus/$target"
    mkdir -p "$dir"
    # Named by content hash: the same document from two places is one seed, and re-seeding
    # never duplicates files the fuzzer has already kept.
    if [ "$target" = docx ]; then
        # Word files whole, and their document, styles and numbering parts joined by NUL bytes,
        # the form the target splits its input into.
        words=("${sources[@]}")
        [ -d "$root/../shared/eval" ] && words+=("$root/../shared/eval")
        find "${words[@]}" -type f -name '*.docx' -print0 |
            while IFS= read -r -d '' file; do
                cp -n "$file" "$dir/seed-$(sha1sum <"$file" | cut -c1-16)"
                parts="$(mktemp)"
                { unzip -p "$file" word/document.xml; printf '\0'; unzip -p "$file" word/styles.xml
                  printf '\0'; unzip -p "$file" word/numbering.xml; } >"$parts" 2>/dev/null || true
                if [ "$(stat -c %s "$parts")" -le "$max" ]; then
                    cp -n "$parts" "$dir/seed-$(sha1sum <"$parts" | cut -c1-16)"
                fi
                rm -f "$parts"
            done
    fi
    find "${sources[@]}" -type f \( -name '*.md' -o -name '*.txt' \) -size -"$((max + 1))"c -print0 |
        while IFS= read -r -d '' file; do
            cp -n "$file" "$dir/seed-$(sha1sum <"$file" | cut -c1-16)"
        done
    echo "$target: $(find "$dir" -type f | wc -l) inputs in fuzz/corpus/$target"
done
