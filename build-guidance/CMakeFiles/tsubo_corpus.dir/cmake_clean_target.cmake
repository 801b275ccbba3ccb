file(REMOVE_RECURSE
  "libtsubo_corpus.a"
)
