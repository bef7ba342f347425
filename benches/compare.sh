#!/usr/bin/env bash
# One run comparing `hustings list --filter QUERY DIR` with `grep -ril QUERY DIR` over the same
# generated raw statements, and with `fzf --filter` over the names and over whole statements
# flattened to one line each (fzf exits 1 when nothing matches, so failures are ignored).
# Needs hyperfine and fzf; installs them with apt-get if missing.
#
#   benches/compare.sh [COUNT] [QUERY]      (defaults: 10000 hypervisor)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
query=${2:-hypervisor}

for tool in hyperfine fzf; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get install -y "$tool"
    fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet --example generate
cargo build --release --quiet
./target/release/examples/generate "$count" "$work/raw" --raw
grep -rh '^Name:' "$work/raw" | sed 's/^Name: //' > "$work/names.txt"
for f in "$work"/raw/*/*; do tr '\n' ' ' < "$f"; echo; done > "$work/records.txt"
du -sh "$work/raw"

hyperfine --ignore-failure --warmup 2 --runs 10 --export-markdown "$work/result.md" \
    -n "grep -ril" "grep -ril $query $work/raw" \
    -n "hustings list --filter" "./target/release/hustings list --filter $query --data-dir $work/data $work/raw" \
    -n "fzf --filter (names)" "fzf --filter $query < $work/names.txt" \
    -n "fzf --filter (statements)" "fzf --filter $query < $work/records.txt"
cat "$work/result.md"
