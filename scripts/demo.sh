#!/usr/bin/env bash
# The demo: index the shared corpus (or say where documents go), then run example searches.
set -euo pipefail
tsubo=${1:-build/tsubo}
db=${2:-data/index}
corpus=${TSUBO_CORPUS:-../shared/corpus}

# data/ is not in the repository: make the database's folder on the first run. A new database is built
# beside it and moved into place when complete, so an interrupted run leaves no half index for the next
# `make demo` to serve.
mkdir -p "$(dirname "$db")"
target=$db
if [ ! -e "$db" ]; then
  target="$db.partial"
  rm -rf "$target"
fi

if [ ! -d "$corpus/statutes-core" ]; then
  cat <<MSG
No corpus at $corpus.
Put documents in a folder (statutes as e-Gov text exports, rulings as courts.go.jp JSON, guidance
as .txt or .md) and run:   TSUBO_CORPUS=/path/to/folder make demo
or index any folders directly:   $tsubo index --db $db FOLDER...
Indexing the small fixtures that ship with tsubo instead.
MSG
  "$tsubo" index --db "$target" tests/fixtures || true
else
  # What `tsubo index` indexes with no paths: statutes-core, rulings, guidance and, where the corpus has
  # them, every revision of the IP laws (statute-versions/), so that today's text answers. Exit status
  # 2 only says that some files were skipped (they are listed above).
  TSUBO_CORPUS="$corpus" "$tsubo" index --db "$target" || [ $? -eq 2 ]
fi
[ "$target" = "$db" ] || mv "$target" "$db"

for q in 秘密管理性 "不正競争防止法 営業秘密 定義" "秘密として管理されている" "２条６項" 限定提供データ; do
  echo
  echo "\$ tsubo search --db $db --limit 3 \"$q\""
  "$tsubo" search --db "$db" --limit 3 "$q"
done
