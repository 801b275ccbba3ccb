#!/usr/bin/env bash
# Browser tests: builds a small database from tests/fixtures/web-corpus, then browser.test.mjs starts
# `tsubo serve`, a second origin for web/examples and Debian's chromium through playwright-core.
# Usage: tests/web/run.sh [path/to/tsubo]. Screenshots go to $TSUBO_ARTIFACTS (ctest: build/test-artifacts/web/;
# run by hand: test-artifacts/web/).
# Exit 77 (skipped) when chromium or npm is missing, or when npm ci cannot fetch playwright-core from the
# npm registry, except under CI=true where that is a failure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tsubo=$(realpath "${1:-$root/build/tsubo}")
chromium=${TSUBO_CHROMIUM:-/usr/bin/chromium}

# unavailable WHAT REMEDY: one message, then a failure under CI=true, else a skip.
unavailable() {
  if [ "${CI:-}" = "true" ]; then
    echo "[web-test] FAIL: $1 ($2)" >&2
    exit 1
  fi
  echo "[web-test] SKIPPED: $1 ($2; under CI=true this fails)" >&2
  exit 77
}
missing() { unavailable "$1" "install it with: make deps"; }
[ -x "$chromium" ] || missing "no chromium at $chromium"
command -v node >/dev/null && command -v npm >/dev/null || missing "node and npm are needed for playwright-core"
[ -x "$tsubo" ] || { echo "[web-test] FAIL: no tsubo binary at $tsubo" >&2; exit 1; }

# playwright-core from the npm registry, pinned by package-lock.json; reinstalled when the lock file changes.
stamp="$here/node_modules/.lock-stamp"
if [ ! -f "$stamp" ] || ! cmp -s "$here/package-lock.json" "$stamp"; then
  npm_log=$(mktemp "${TMPDIR:-/tmp}/tsubo-npm-ci-XXXXXX")
  if ! (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) >"$npm_log" 2>&1; then
    said=$(grep -m1 -o 'request to .* failed, reason: .*' "$npm_log" || grep -m1 '^npm' "$npm_log" || tail -n1 "$npm_log")
    rm -f "$npm_log"
    unavailable "npm ci could not install playwright-core into tests/web/node_modules: ${said:-no output}" \
      "it downloads from the npm registry, $(npm config get registry 2>/dev/null): check the network or the proxy (npm config set proxy URL), then run: make web-test"
  fi
  rm -f "$npm_log"
  cp "$here/package-lock.json" "$stamp"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/tsubo-web-XXXXXX")
trap 'rm -rf "$work"' EXIT
"$tsubo" index --quiet --db "$work/db" "$root/tests/fixtures/web-corpus" >/dev/null

export TSUBO_BIN="$tsubo" TSUBO_DB="$work/db" TSUBO_WEB="$root/web" TSUBO_CHROMIUM="$chromium"
export TSUBO_ARTIFACTS="${TSUBO_ARTIFACTS:-$root/test-artifacts/web}" TSUBO_PROFILE="$work/profile"
exec node "$here/browser.test.mjs"
