#!/usr/bin/env bash
# The app on a generated roster in a real terminal (tmux, 120×40): seconds from start until
# the candidate list is on the screen, and the app's resident memory then (VmRSS) and at its
# peak (VmHWM), cold (--no-cache), on a first run (which builds the cache) and warm. The
# median of RUNS runs of each. Needs bash 5, tmux and awk.
#
#   benches/first_frame.sh [COUNT] [RUNS] [SEED]      (defaults: 10000 5 7)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
runs=${2:-5}
seed=${3:-7}

work=$(mktemp -d)
socket="hustings-bench-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
cargo build --release --quiet --example generate
cargo build --release --quiet
bin=$PWD/target/release/hustings
./target/release/examples/generate "$count" "$work/tree" --seed "$seed" 2>/dev/null
bytes=$(du -sb "$work/tree" | cut -f1)
# Files changed within two seconds of a cache's writing are never vouched for.
sleep 2.1
export XDG_CACHE_HOME="$work/cache"

# "seconds rss_kb peak_kb" of one start of the app with extra arguments "$@".
one() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    local start=$EPOCHREALTIME
    tmux -L "$socket" -f /dev/null new-session -d -x 120 -y 40 \
        "$bin --data-dir '$work/data' $* '$work/tree'; sleep 60"
    until tmux -L "$socket" capture-pane -p 2>/dev/null | grep -q "Candidates ("; do
        sleep 0.005
    done
    local end=$EPOCHREALTIME
    local shell pid
    shell=$(tmux -L "$socket" display-message -p '#{pane_pid}')
    pid=$(pgrep -P "$shell" -x hustings || echo "$shell")
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f ", b - a }'
    awk '/^VmRSS/ { r = $2 } /^VmHWM/ { h = $2 } END { print r, h }' "/proc/$pid/status"
    tmux -L "$socket" kill-server
}

# The median time and the largest memory of $runs starts, each after "$prepare".
median() {
    for _ in $(seq "$runs"); do $prepare; one "$@"; done | sort -n |
        awk '{ t[NR] = $1; if ($2 > r) r = $2; if ($3 > h) h = $3 }
             END { printf "%s s, %d MB resident, %d MB at the peak", t[int((NR + 1) / 2)], r / 1024, h / 1024 }'
}

forget() { rm -rf "$work/cache"; }
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)
echo "$(date -u +%Y-%m-%d), $(nproc) × ${cpu}, $count candidates ($bytes bytes of YAML), seed $seed, median of $runs"
echo
echo "| start | to the list on screen, memory |"
echo "|---|---|"
prepare=true
echo "| cold (--no-cache) | $(median --no-cache) |"
prepare=forget
echo "| first run (builds the cache) | $(median) |"
prepare=true
echo "| warm (cache) | $(median) |"
