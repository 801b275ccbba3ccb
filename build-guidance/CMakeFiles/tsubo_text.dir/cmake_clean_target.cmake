file(REMOVE_RECURSE
  "libtsubo_text.a"
)
