file(REMOVE_RECURSE
  "libtsubo_indexer.a"
)
