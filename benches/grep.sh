#!/usr/bin/env bash
# `hustings list --filter` against `grep -ril` and `rg -il` on the same generated tree of candidate YAML,
# for a word and for a quoted phrase: cold (--no-cache), on a first run (which builds the
# cache) and warm (from the cache). Each cell is the median of RUNS runs with the page cache
# warm, its ratio to grep's, and GNU time's peak resident memory against the tree's bytes.
# Several COUNTs add a growth table. Prints Markdown with the date and the machine.
# Needs bash 5, grep, awk and /usr/bin/time; installs ripgrep if it is missing.
#
#   benches/grep.sh [COUNTS] [RUNS] [SEED]      (defaults: "10000" 5 7)
#   benches/grep.sh "1000 10000 30000" 3
set -euo pipefail
cd "$(dirname "$0")/.."
counts=${1:-10000}
runs=${2:-5}
seed=${3:-7}
word=hypervisor
phrase="rust runtime"

if ! command -v rg >/dev/null; then
    { apt-get install -y ripgrep || { apt-get update && apt-get install -y ripgrep; }; } >/dev/null 2>&1 ||
        cargo install --quiet ripgrep
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet --example generate
cargo build --release --quiet
bin=$PWD/target/release/hustings
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)

# "seconds kilobytes" of the command (after running $prepare, untimed): one run timed by
# bash's clock, then one under GNU time for its peak memory (its clock counts in hundredths,
# and its own start-up, about a millisecond, is no part of either command's time).
prepare=true
measure() {
    $prepare
    local start=$EPOCHREALTIME
    "$@" >/dev/null 2>&1 || true
    local end=$EPOCHREALTIME
    $prepare
    /usr/bin/time -f '%M' -o "$work/time" "$@" >/dev/null 2>&1 || true
    echo "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }') $(cat "$work/time")"
}

# The median seconds and the largest peak (KB) of $runs runs, after one warm-up.
median_of() {
    $prepare
    "$@" >/dev/null 2>&1 || true
    for _ in $(seq "$runs"); do measure "$@"; done | sort -n |
        awk '{ t[NR] = $1; if ($2 > m) m = $2 } END { print t[int((NR + 1) / 2)], m }'
}

forget_cache() { rm -rf "$work/cache"; }

# One table cell: "time (ratio× grep), memory (ratio× the tree)".
cell() {
    awk -v s="$1" -v kb="$2" -v g="$3" -v bytes="$4" 'BEGIN {
        printf "%.4f s (%.2f× grep), %d MB (%.2f×)", s, (g > 0 ? s / g : 0), kb / 1024, kb * 1024 / bytes }'
}

echo "$(date -u +%Y-%m-%d), $(nproc) × ${cpu}, seed $seed, median of $runs runs"
growth=""
for count in $counts; do
    tree="$work/tree-$count"
    ./target/release/examples/generate "$count" "$tree" --seed "$seed" 2>/dev/null
    bytes=$(du -sb "$tree" | cut -f1)
    # A file changed within two seconds of a cache's writing is never vouched for (its stamp
    # could miss a second change in the same clock tick): let the new tree settle first.
    sleep 2.1
    export XDG_CACHE_HOME="$work/cache"
    echo
    echo "$count candidates, $bytes bytes of YAML"
    echo
    echo "| query | grep -ril | rg -il | cold (--no-cache) | first run (builds the cache) | warm (cache) | warm against rg |"
    echo "|---|---|---|---|---|---|---|"
    for query in "$word" "\"$phrase\""; do
        pattern=${query//\"/}
        prepare=true
        read -r g_s g_kb < <(median_of grep -ril "$pattern" "$tree")
        read -r r_s r_kb < <(median_of rg -il --fixed-strings "$pattern" "$tree")
        list=("$bin" list --filter "$query" --data-dir "$work/data" "$tree")
        read -r c_s c_kb < <(median_of "$bin" --no-cache list --filter "$query" --data-dir "$work/data" "$tree")
        prepare=forget_cache
        read -r f_s f_kb < <(median_of "${list[@]}")
        prepare=true
        read -r w_s w_kb < <(median_of "${list[@]}")
        echo "| \`$query\` | $g_s s, $((g_kb / 1024)) MB | $r_s s, $((r_kb / 1024)) MB | $(cell "$c_s" "$c_kb" "$g_s" "$bytes") | $(cell "$f_s" "$f_kb" "$g_s" "$bytes") | $(cell "$w_s" "$w_kb" "$g_s" "$bytes") | $(awk -v w="$w_s" -v r="$r_s" 'BEGIN { printf "%.2f×", (r > 0 ? w / r : 0) }') |"
        if [ "$query" != "$word" ]; then
            growth+="| $count | $((bytes / 1000000)) MB | $g_s s | $c_s s | $w_s s | $((w_kb / 1024)) MB | $(awk -v s="$w_s" -v c="$c_s" -v b="$bytes" 'BEGIN { printf "%.1f ms, %.1f ms", s * 1e9 / b, c * 1e9 / b }') |"$'\n'
        fi
    done
    forget_cache
    rm -rf "$tree"
done
if [ "$(echo "$counts" | wc -w)" -gt 1 ]; then
    echo
    echo "Growth, for the phrase (time per MB of YAML: warm, cold)"
    echo
    echo "| candidates | YAML | grep | cold | warm | warm peak | per MB |"
    echo "|---|---|---|---|---|---|---|"
    printf '%s' "$growth"
fi
