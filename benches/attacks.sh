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
measure "look-alike names in one election" check --data-dir "$DATA" "$DIR/lookalike"
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
rm -rf "$DATA"
