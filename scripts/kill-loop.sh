#!/usr/bin/env bash
# kill -9 of tsubo index at timed moments on the real corpus, beside the named-point tests (IndexKill.*):
# a new build and an update, each killed after 0.5 … 12 s. After each kill: no database or one whose
# every document has the passages of a clean run; a re-run gives the clean run's passages; no scratch
# folder left. Usage: scripts/kill-loop.sh [build/tsubo] [corpus folder]
set -uo pipefail
tsubo=$(realpath "${1:-build/tsubo}")
corpus=${2:-${TSUBO_CORPUS:-../shared/corpus}}
sources=("$corpus/statutes-core" "$corpus/rulings" "$corpus/guidance")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

counts() {  # passages per document, one "doc count" line each, sorted
  "$tsubo" passages --db "$1" 2>/dev/null |
    python3 -c 'import sys, json, collections
c = collections.Counter(json.loads(l)["doc_id"] for l in sys.stdin)
for k in sorted(c): print(k, c[k])'
}
index() { "$tsubo" index -q -j 2 --db db "${sources[@]}" >/dev/null 2>&1; }

"$tsubo" index -q -j 2 --db clean "${sources[@]}" >/dev/null 2>&1
counts clean >clean.txt
echo "clean run: $(wc -l <clean.txt) documents, $(awk '{s += $2} END {print s}' clean.txt) passages"
failures=0
check() {
  local state
  if [ -e db ]; then
    counts db >now.txt
    state="$(wc -l <now.txt) documents, $(join clean.txt now.txt | awk '$2 != $3' | wc -l) not whole"
    [ "$(join clean.txt now.txt | awk '$2 != $3' | wc -l)" = 0 ] || failures=$((failures + 1))
  else
    state="no database"
  fi
  index
  counts db >rerun.txt
  local rerun=same scratch
  cmp -s clean.txt rerun.txt || { rerun=DIFFERENT; failures=$((failures + 1)); }
  scratch=$(find . -maxdepth 1 -name '.db.*' | wc -l)
  [ "$scratch" = 0 ] || failures=$((failures + 1))
  echo "$1: $state; re-run $rerun as the clean run; scratch folders left: $scratch"
}
kill_after() {
  "$tsubo" index -q -j 2 --db db "${sources[@]}" >/dev/null 2>&1 &
  local pid=$!  # tsubo itself, not a subshell
  sleep "$1"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
}
for t in 0.5 1.5 3 5 8; do
  rm -rf db .db.*
  kill_after "$t"
  check "new build killed after $t s"
done
for t in 0.5 1.5 3 5 8 12; do
  rm -rf db .db.*
  cp -r clean db
  kill_after "$t"
  check "update killed after $t s"
done
echo "$failures failures"
[ "$failures" = 0 ]
