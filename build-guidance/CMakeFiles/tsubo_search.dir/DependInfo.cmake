
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/search/query_parser.cc" "CMakeFiles/tsubo_search.dir/search/query_parser.cc.o" "gcc" "CMakeFiles/tsubo_search.dir/search/query_parser.cc.o.d"
  "/work/main/search/result_json.cc" "CMakeFiles/tsubo_search.dir/search/result_json.cc.o" "gcc" "CMakeFiles/tsubo_search.dir/search/result_json.cc.o.d"
  "/work/main/search/searcher.cc" "CMakeFiles/tsubo_search.dir/search/searcher.cc.o" "gcc" "CMakeFiles/tsubo_search.dir/search/searcher.cc.o.d"
  "/work/main/search/snippet.cc" "CMakeFiles/tsubo_search.dir/search/snippet.cc.o" "gcc" "CMakeFiles/tsubo_search.dir/search/snippet.cc.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/build-guidance/CMakeFiles/tsubo_indexer.dir/DependInfo.cmake"
  "/work/main/build-guidance/CMakeFiles/tsubo_corpus.dir/DependInfo.cmake"
  "/work/main/build-guidance/CMakeFiles/tsubo_text.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
