#!/usr/bin/env bash
# The demo: index the shared corpus (or say where documents go), then run example searches.
set -euo pipefail
tsubo=${1:-build/tsubo}
db=${2:-data/index}
corpus=${TSUBO_CORPUS:-../shared/corpus}

if [ ! -d "$corpus/statutes-core" ]; then
  cat <<MSG
No corpus at $corpus.
Put documents in a folder (statutes as e-Gov text exports, rulings as courts.go.jp JSON, guidance
as .txt or .md) and run:   TSUBO_CORPUS=/path/to/folder make demo
or index any folders directly:   $tsubo index --db $db FOLDER...
Indexing the small fixtures that ship with tsubo instead.
MSG
  "$tsubo" index --db "$db" tests/fixtures || true
else
  # Exit status 2 only says that some files were skipped (they are listed above).
  "$tsubo" index --db "$db" "$corpus/statutes-core" "$corpus/rulings" "$corpus/guidance" || [ $? -eq 2 ]
fi

for q in 秘密管理性 "不正競争防止法 営業秘密 定義" "秘密として管理されている" "２条６項"; do
  echo
  echo "\$ tsubo search --db $db --limit 3 \"$q\""
  "$tsubo" search --db "$db" --limit 3 "$q"
done
