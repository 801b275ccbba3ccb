#!/usr/bin/env bash
# The whole benchmark of issue 6 in one command; prints a table. Not part of `make test` (only --smoke is).
# Usage: bench/run.sh [--tsubo build/tsubo] [--smoke] [--statutes DIR] [--work /tmp/tsubo-bench] [--skip groonga,…]
# Needs: mecab, xapian-tools (xapian-tcpsrv, xapian-compact); optional: wrk, groonga-bin + groonga-tokenizer-mecab.
set -euo pipefail
exec python3 "$(dirname "$0")/bench.py" "$@"
