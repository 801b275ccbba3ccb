#!/usr/bin/env bash
# Load test of /api/search on loopback with wrk (2 threads, 32 connections, 30 s by default).
# Usage: bench/http_wrk.sh [tsubo binary] [database] [query]. Installs wrk (Debian) when missing.
set -euo pipefail
tsubo=${1:-build/tsubo}
db=${2:-data/index}
query=${3:-秘密管理性}
duration=${DURATION:-30s}
command -v wrk >/dev/null || { SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo; $SUDO apt-get install -y -qq wrk; }
[ -d "$db" ] || { echo "no database at $db (make demo, or tsubo index --db $db …)" >&2; exit 1; }

out=$(mktemp)
"$tsubo" serve --db "$db" --port 0 --web "" >"$out" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 50); do grep -q '^tsubo serving' "$out" && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$out")
encoded=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$query")
target="${url}api/search?q=${encoded}&size=10"
echo "wrk -t2 -c32 -d$duration --latency $target"
curl -sf "$target" | python3 -c 'import json,sys; r=json.load(sys.stdin); print("query", r["query"], ":", r["total"], "matches,", r["took_ms"], "ms")'
wrk -t2 -c32 -d"$duration" --latency "$target"
