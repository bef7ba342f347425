#!/usr/bin/env bash
# Time and peak memory of each attack written by attacks.py, for one hustings binary:
#   benches/attacks.sh BIN DIR
set -u
BIN=$1
DIR=$2
DATA=$(mktemp -d)
measure() {
    local label=$1
    shift
    local out
    out=$( (ulimit -v 6000000; /usr/bin/time -f "%e %M" timeout 60 "$BIN" "$@" >/dev/null 2>/tmp/attack.err); echo "exit $?")
    local t
    t=$(tail -1 /tmp/attack.err)
    echo "$label: ${t% *} s, $(( ${t#* } / 1024 )) MB, $out"
}
measure "Elekto header nested deep" list --data-dir "$DATA" "$DIR/deep"
measure "Elekto header of aliases" list --data-dir "$DATA" "$DIR/alias"
measure "deep OpenStack tc.yaml" list --data-dir "$DATA" "$DIR/os"
measure "YAML statement holding a header" list --data-dir "$DATA" "$DIR/yamlhdr"
measure "block scalar in a sequence item hiding deep flow" list --data-dir "$DATA" "$DIR/yamlseq"
measure "block scalar in a sequence item hiding aliases" list --data-dir "$DATA" "$DIR/yamlseqalias"
measure "OpenSSF table: 100,000 cells in a row" list --data-dir "$DATA" "$DIR/ossf-cells"
measure "OpenSSF table: 100,000 unclosed <a>" list --data-dir "$DATA" "$DIR/ossf-alinks"
measure "OpenSSF table: 200,000 nested <a>" list --data-dir "$DATA" "$DIR/ossf-nested"
measure "OpenSSF table: 100,000 unclosed <tr>" list --data-dir "$DATA" "$DIR/ossf-rows"
measure "document: 100,000 lists under one heading" list --no-cache --data-dir "$DATA" "$DIR/doc-lists"
measure "document: 50,000 candidate sections" list --no-cache --data-dir "$DATA" "$DIR/doc-sections"
measure "document: 100,000 nominee rows in a pipe table" list --no-cache --data-dir "$DATA" "$DIR/doc-pipes"
measure "document: HTML table of 100,000 cells" list --no-cache --data-dir "$DATA" "$DIR/doc-html"
measure "document: quotes nested 100,000 deep" list --no-cache --data-dir "$DATA" "$DIR/doc-quotes"
measure "document: TOML front matter 100,000 deep" list --no-cache --data-dir "$DATA" "$DIR/doc-toml"
measure "document: 50,000 reStructuredText titles" list --no-cache --data-dir "$DATA" "$DIR/doc-rst"
measure "questions: 2,000 x 500, answers by title" questions --data-dir "$DATA" "$DIR/grid"
for c in keys fifo zero value; do
    XDG_CONFIG_HOME="$DIR/conf-$c" measure "config: $c" list --data-dir "$DATA" "$DIR/fifo/good.yaml"
done
measure "a PATH before the subcommand" "$DIR/lookalike" ballot export --data-dir "$DATA"
(cd "$DIR" && measure "a mistyped path under a folder that exists" list --data-dir "$DATA" lookalike/2024)
measure "look-alike names in one election" check "$DIR/lookalike"
measure "a tc.yaml that is not YAML" list --data-dir "$DATA" "$DIR/osbad"
measure "the voter's ballot file a FIFO" ballot export --data-dir "$DIR/voter-fifo" "$DIR/lookalike"
measure "the voter's ballot file of 20 MB" ballot export --data-dir "$DIR/voter-big" "$DIR/lookalike"
# The cache's secret lost after a first run: the answer must stay right.
CACHE=$(mktemp -d)
XDG_CACHE_HOME="$CACHE" "$BIN" list --data-dir "$DATA" "$DIR/lookalike" >/dev/null 2>&1
find "$CACHE" -name secret -delete
found=$(XDG_CACHE_HOME="$CACHE" "$BIN" list --filter mine --data-dir "$DATA" "$DIR/lookalike" 2>/dev/null | wc -l)
XDG_CACHE_HOME="$CACHE" measure "list --filter after the cache's secret was lost ($found found of 1)" list --filter mine --data-dir "$DATA" "$DIR/lookalike"
rm -rf "$CACHE"
measure "FIFO" list --data-dir "$DATA" "$DIR/fifo"
measure "/dev/zero" list --data-dir "$DATA" "$DIR/zero"
measure "links to / and /etc/passwd" list --no-cache --data-dir "$DATA" "$DIR/links"
measure "history of two 10 MB statements" history "Jane Doe" "$DIR/hist"
measure "themes of 15 MB" themes --data-dir "$DATA" "$DIR/themes15"
measure "themes of 50 MB" themes --data-dir "$DATA" "$DIR/themes50"
# git: a server on 127.0.0.1 (benches/gitserver.py) whose sideband carries escapes, one that
# never answers, and a repository whose .gitattributes names the voter's own filter.
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=$(mktemp -d)
python3 "$HERE/gitserver.py" hostile "$CACHE/port" & SERVER=$!
for _ in $(seq 50); do [ -s "$CACHE/port" ] && break; sleep 0.1; done
url="http://127.0.0.1:$(cat "$CACHE/port")/community.git"
XDG_CACHE_HOME="$CACHE" HUSTINGS_GIT_TIMEOUT=10 script -q -e -c "'$BIN' list --data-dir '$DATA' '$url'" "$CACHE/typescript" </dev/null >/dev/null 2>&1
raw=$(grep -v -e '^Script started' -e '^Script done' "$CACHE/typescript" | tr -cd '\033\007' | wc -c)
c1=$(grep -v -e '^Script started' -e '^Script done' "$CACHE/typescript" | grep -c $'\xc2\x9b')
seen=$(grep -c "clipboard written" "$CACHE/typescript")
XDG_CACHE_HOME="$CACHE" measure "git server's sideband in a terminal (messages shown: $seen; $raw raw ESC/BEL and $c1 lines with a C1 CSI reached it)" list --data-dir "$DATA" "$url"
kill $SERVER; rm -rf "$CACHE"
CACHE=$(mktemp -d)
python3 "$HERE/gitserver.py" silent "$CACHE/port" & SERVER=$!
for _ in $(seq 50); do [ -s "$CACHE/port" ] && break; sleep 0.1; done
XDG_CACHE_HOME="$CACHE" HUSTINGS_GIT_TIMEOUT=10 measure "a git server that never answers (HUSTINGS_GIT_TIMEOUT=10)" list --data-dir "$DATA" "http://127.0.0.1:$(cat "$CACHE/port")/community.git"
kill $SERVER; rm -rf "$CACHE"
CACHE=$(mktemp -d)
mkdir -p "$CACHE/home" "$CACHE/repo/elections/board-2030"
printf '[filter "evil"]\n\tsmudge = touch %s/ran; cat\n\trequired = true\n' "$CACHE" >"$CACHE/home/.gitconfig"
printf '* filter=evil\n' >"$CACHE/repo/.gitattributes"
printf 'name: Ann Lee\nstatement: hi\n' >"$CACHE/repo/elections/board-2030/ann.yaml"
git -C "$CACHE/repo" init -q && git -C "$CACHE/repo" add -A &&
    git -C "$CACHE/repo" -c user.name=x -c user.email=x@x commit -qm x
HOME="$CACHE/home" XDG_CACHE_HOME="$CACHE/c" measure "a clone whose .gitattributes names the voter's filter" list --data-dir "$DATA" "file://$CACHE/repo"
echo "  the filter ran: $([ -e "$CACHE/ran" ] && echo yes || echo no)"
rm -rf "$CACHE"
# In the app, in tmux at 120x40: seconds from the keys sent to the screen showing EXPECT.
on_screen() {
    local deadline=$((SECONDS + $2))
    while ((SECONDS < deadline)); do
        tmux capture-pane -p -t attack | grep -qF -- "$1" && return 0
        sleep 0.05
    done
    return 1
}
app() {
    local label=$1 dir=$2 ready=$3 expect=$4
    shift 4
    tmux kill-session -t attack 2>/dev/null
    tmux new-session -d -s attack -x 120 -y 40 \
        "env VISUAL= EDITOR='${APP_EDITOR:-vi}' '$BIN' --data-dir '${APP_DATA:-$DATA}' '$dir'; echo EXIT=\$?; sleep 600"
    if ! on_screen "$ready" 30; then
        echo "$label: the app never showed '$ready'"
        tmux kill-session -t attack
        return
    fi
    if [ -n "${APP_BEFORE:-}" ]; then eval "$APP_BEFORE"; fi
    local start
    start=$(date +%s.%N)
    for k in "$@"; do tmux send-keys -t attack "$k"; done
    if on_screen "$expect" 60; then
        echo "$label: $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }') s to '$expect'"
    else
        echo "$label: '$expect' not on screen within 60 s"
    fi
    tmux send-keys -t attack Escape q
    on_screen "EXIT=" 10 || true
    tmux kill-session -t attack
}
app "links overlay (L) of 60,000 links" "$DIR/app-links" "Many Links" "Links in" L
app "links overlay (L) of a URL and 200,000 ]" "$DIR/app-brackets" "Many Brackets" "Links in" L
APP_EDITOR="$DIR/app-note/editor.sh" app "a 100 MB note from \$EDITOR (e, C-o)" "$DIR/app-note" "Ann Note" "more than" e C-o
# A full disk, as the app sees one: a folder where the ballot file goes, so every save fails.
FULL=$(mktemp -d)
APP_DATA="$FULL" app "a first note saved" "$DIR/app-full" "Ann Full" "saved" e "first note" Escape
APP_BEFORE='rm -f "$FULL/app-full.yaml" && mkdir "$FULL/app-full.yaml"' APP_DATA="$FULL" \
    app "a note typed when every save fails (a folder made where the ballot file goes)" "$DIR/app-full" "Ann Full" "Could not save" e "unsaved words" Escape
kept=$(grep -l "unsaved words" "${TMPDIR:-/tmp}"/hustings-unsaved-* 2>/dev/null | wc -l)
echo "  copies of the unsaved note kept: $kept"
rm -f "${TMPDIR:-/tmp}"/hustings-unsaved-*
rm -rf "$FULL"
measure "a candidate deeper than PATH_MAX ($("$BIN" check --data-dir "$DATA" "$DIR/pathmax" 2>&1 | grep -c 'too long') errors naming it)" list --data-dir "$DATA" "$DIR/pathmax"
rm -rf "$DATA"
