#!/usr/bin/env bash
# make demo: index the corpus when there is no database yet (scripts/demo.sh), then serve it over HTTP.
set -euo pipefail
tsubo=${1:-build/tsubo}
db=${2:-data/index}
port=${PORT:-8080}

# A port already in use is said before indexing, not after (tsubo serve listens on 127.0.0.1).
if [ "$port" != 0 ] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  cat >&2 <<MSG
[demo] port $port is taken: another program (an earlier make demo?) already listens at http://127.0.0.1:$port/
[demo] stop it, or serve on another port:   PORT=8081 make demo      (PORT=0: any free port)
MSG
  exit 1
fi
[ -d "$db" ] || bash "$(dirname "$0")/demo.sh" "$tsubo" "$db"
echo
echo "Open the printed URL in a browser (Ctrl-C stops). Another port: PORT=9090 make demo"
exec "$tsubo" serve --db "$db" --port "$port" --web web
