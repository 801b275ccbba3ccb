#!/usr/bin/env bash
# Median in-process latency (took_ms of `tsubo search --json`) of ten example queries, 5 runs each.
# usage: bench/example_queries.sh [tsubo] [db]
set -euo pipefail
tsubo=${1:-build/tsubo}
db=${2:-data/index}
queries=(秘密管理性 "不正競争防止法 営業秘密 定義" "秘密として管理されている" "２条６項" 非公知性 "顧客名簿 営業秘密"
         "競業避止義務 有効性" "退職者 持ち出し 対策" "不正の利益を得る目的" "知財高裁 営業秘密")
all=()
for q in "${queries[@]}"; do
  runs=()
  for _ in 1 2 3 4 5; do runs+=("$("$tsubo" search --json --db "$db" --limit 10 "$q" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["took_ms"])')"); done
  median=$(printf '%s\n' "${runs[@]}" | sort -g | sed -n 3p)
  all+=("$median")
  printf '%8.2f ms  %s\n' "$median" "$q"
done
printf 'median of the ten medians: %s ms\n' "$(printf '%s\n' "${all[@]}" | sort -g | sed -n '5p;6p' | paste -sd' ' | awk '{print ($1+$2)/2}')"
