#!/usr/bin/env bash
# `hustings list --filter` against `grep -ril` on the same generated tree of raw statements:
# the median of RUNS runs of each (warm page cache), the ratio, and the peak memory of each
# (GNU time's maximum resident set size), printed as a Markdown table with the date and the
# machine. Needs only bash, grep and /usr/bin/time.
#
#   benches/grep.sh [COUNT] [QUERY] [RUNS]      (defaults: 10000 hypervisor 5)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
query=${2:-hypervisor}
runs=${3:-5}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet --example generate
cargo build --release --quiet
./target/release/examples/generate "$count" "$work/raw" --raw >/dev/null
bytes=$(du -sb "$work/raw" | cut -f1)

# "seconds kilobytes" of one run of the command.
measure() {
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>&1 || true
    cat "$work/time"
}

# The median seconds and the largest peak (KB) of $runs runs, after one warm-up.
median_of() {
    "$@" >/dev/null 2>&1 || true
    for _ in $(seq "$runs"); do measure "$@"; done | sort -n |
        awk '{ t[NR] = $1; if ($2 > m) m = $2 } END { print t[int((NR + 1) / 2)], m }'
}

read -r grep_s grep_kb < <(median_of grep -ril "$query" "$work/raw")
read -r list_s list_kb < <(median_of ./target/release/hustings list --filter "$query" \
    --data-dir "$work/data" "$work/raw")

ratio=$(awk -v a="$list_s" -v b="$grep_s" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
per_byte=$(awk -v kb="$list_kb" -v bytes="$bytes" 'BEGIN { printf "%.2f", kb * 1024 / bytes }')
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)

echo "$(date -u +%Y-%m-%d), $(nproc) × ${cpu}, $count statements, $bytes bytes, query \"$query\", median of $runs"
echo
echo "| command | time | peak memory |"
echo "|---|---|---|"
echo "| \`grep -ril $query\` | $grep_s s | $((grep_kb / 1024)) MB |"
echo "| \`hustings list --filter $query\` | $list_s s (${ratio}× grep) | $((list_kb / 1024)) MB (${per_byte}× the statements) |"
