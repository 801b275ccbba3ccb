#!/usr/bin/env bash
# make demo: index the corpus when there is no database yet (scripts/demo.sh), then serve it over HTTP.
set -euo pipefail
tsubo=${1:-build/tsubo}
db=${2:-data/index}
port=${PORT:-8080}
[ -d "$db" ] || bash "$(dirname "$0")/demo.sh" "$tsubo" "$db"
echo
echo "Open the printed URL in a browser (Ctrl-C stops). Another port: PORT=9090 make demo"
exec "$tsubo" serve --db "$db" --port "$port" --web web
