file(REMOVE_RECURSE
  "CMakeFiles/tsubo_search.dir/search/query_parser.cc.o"
  "CMakeFiles/tsubo_search.dir/search/query_parser.cc.o.d"
  "CMakeFiles/tsubo_search.dir/search/result_json.cc.o"
  "CMakeFiles/tsubo_search.dir/search/result_json.cc.o.d"
  "CMakeFiles/tsubo_search.dir/search/searcher.cc.o"
  "CMakeFiles/tsubo_search.dir/search/searcher.cc.o.d"
  "CMakeFiles/tsubo_search.dir/search/snippet.cc.o"
  "CMakeFiles/tsubo_search.dir/search/snippet.cc.o.d"
  "libtsubo_search.a"
  "libtsubo_search.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/tsubo_search.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
