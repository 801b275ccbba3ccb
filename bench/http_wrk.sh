#!/usr/bin/env bash
# Load test of /api/search on loopback with wrk (2 threads, 32 connections, 30 s each by default):
# one query (as the API is called, and with facets=1 as the search page calls it) and the whole
# query set (bench/rotate.lua), with the result cache off and on.
# Usage: bench/http_wrk.sh [tsubo binary] [database] [query]
#   DURATION=10s  RUNS=3 (medians are printed)  SHARDS="tcp://host:port /path/db" (serve --shard)
# Installs wrk (Debian) when missing.
set -euo pipefail
tsubo=${1:-build/tsubo}
db=${2:-data/index}
query=${3:-秘密管理性}
duration=${DURATION:-30s}
runs=${RUNS:-1}
here=$(cd "$(dirname "$0")" && pwd)
command -v wrk >/dev/null || { SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo; $SUDO apt-get install -y -qq wrk; }
[ -n "${SHARDS:-}" ] || [ -e "$db" ] || { echo "no database at $db (make demo, or tsubo index --db $db …)" >&2; exit 1; }

work=$(mktemp -d)
server=""
stop_server() { [ -z "$server" ] || { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; server=""; }; }
trap 'stop_server; rm -rf "$work"' EXIT

# The query set: bench/queries.tsv and, when present, the development queries of the corpus.
corpus_queries=${TSUBO_CORPUS:-$here/../../shared/corpus}/eval/dev/queries.tsv
cat "$here/queries.tsv" $( [ -f "$corpus_queries" ] && echo "$corpus_queries" ) | grep -v '^#' | cut -f2 |
  python3 -c 'import sys, urllib.parse
for q in sys.stdin.read().splitlines():
    if q.strip(): print("/api/search?q=" + urllib.parse.quote(q) + "&size=10")' >"$work/paths"
single="/api/search?q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$query")&size=10"

start_server() {  # start_server CACHE_MB
  local target=(--db "$db")
  if [ -n "${SHARDS:-}" ]; then target=(); for s in $SHARDS; do target+=(--shard "$s"); done; fi
  "$tsubo" serve "${target[@]}" --port 0 --web "" --cache-mb "$1" >"$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 600); do grep -q '^tsubo serving' "$work/serve.log" && break; sleep 0.1; done
  url=$(grep -o 'http://[^ ]*' "$work/serve.log" | head -1)
  url=${url%/}
  [ -n "$url" ] || { cat "$work/serve.log" >&2; exit 1; }
}

# run_wrk LABEL [wrk args…]: RUNS runs; appends "label req/s p50 p90 p99 non2xx socket-errors" per run.
run_wrk() {
  local label=$1; shift
  for _ in $(seq "$runs"); do
    wrk -t2 -c32 -d"$duration" --latency "$@" >"$work/wrk.out"
    python3 - "$label" "$work/wrk.out" >>"$work/results" <<'PY'
import re, sys
label, out = sys.argv[1], open(sys.argv[2]).read()
def ms(v):
    m = re.match(r"([\d.]+)(us|ms|s)", v)
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)] if m else float("nan")
rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
pct = dict(re.findall(r"^\s+(50|90|99)%\s+(\S+)", out, re.M))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
print(label, rps.group(1) if rps else 0, *(ms(pct.get(p, "?")) for p in ("50", "90", "99")),
      non2xx.group(1) if non2xx else 0, sum(map(int, sock.groups())) if sock else 0)
PY
  done
}

echo "wrk -t2 -c32 -d$duration --latency, $runs run(s) each; single query «$query», query set of $(wc -l <"$work/paths") queries"
start_server 0
curl -sf "$url$single" | python3 -c 'import json,sys; r=json.load(sys.stdin); print("«%s»: %d matches, %.1f ms in the searcher, %d bytes" % (r["query"], r["total"], r["took_ms"], len(json.dumps(r, ensure_ascii=False).encode())))'
run_wrk "uncached-single" "$url$single"
run_wrk "uncached-single-facets" "$url$single&facets=1"
WRK_PATHS="$work/paths" run_wrk "uncached-query-set" -s "$here/rotate.lua" "$url"
stop_server
start_server "${CACHE_MB:-64}"
while read -r p; do curl -sf -o /dev/null "$url$p" || true; done <"$work/paths"  # fill the cache once
run_wrk "cached-single" "$url$single"
WRK_PATHS="$work/paths" run_wrk "cached-query-set" -s "$here/rotate.lua" "$url"
stop_server

python3 - "$work/results" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    label, *vals = line.split()
    rows.setdefault(label, []).append([float(v) for v in vals])
print(f"{'mode':<24} {'req/s':>9} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'non-2xx':>8} {'sock err':>8}   (medians of {len(next(iter(rows.values())))} runs)")
for label, runs in rows.items():
    med = [statistics.median(col) for col in zip(*runs)]
    print(f"{label:<24} {med[0]:>9.0f} {med[1]:>8.2f} {med[2]:>8.2f} {med[3]:>8.2f} {med[4]:>8.0f} {med[5]:>8.0f}")
PY
