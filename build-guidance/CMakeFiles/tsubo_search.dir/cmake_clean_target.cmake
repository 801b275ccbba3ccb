file(REMOVE_RECURSE
  "libtsubo_search.a"
)
