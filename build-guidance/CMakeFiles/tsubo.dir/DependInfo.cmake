
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/cli/cmd_index.cc" "CMakeFiles/tsubo.dir/cli/cmd_index.cc.o" "gcc" "CMakeFiles/tsubo.dir/cli/cmd_index.cc.o.d"
  "/work/main/cli/cmd_info.cc" "CMakeFiles/tsubo.dir/cli/cmd_info.cc.o" "gcc" "CMakeFiles/tsubo.dir/cli/cmd_info.cc.o.d"
  "/work/main/cli/cmd_passages.cc" "CMakeFiles/tsubo.dir/cli/cmd_passages.cc.o" "gcc" "CMakeFiles/tsubo.dir/cli/cmd_passages.cc.o.d"
  "/work/main/cli/cmd_search.cc" "CMakeFiles/tsubo.dir/cli/cmd_search.cc.o" "gcc" "CMakeFiles/tsubo.dir/cli/cmd_search.cc.o.d"
  "/work/main/cli/main.cc" "CMakeFiles/tsubo.dir/cli/main.cc.o" "gcc" "CMakeFiles/tsubo.dir/cli/main.cc.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/build-guidance/CMakeFiles/tsubo_search.dir/DependInfo.cmake"
  "/work/main/build-guidance/CMakeFiles/tsubo_indexer.dir/DependInfo.cmake"
  "/work/main/build-guidance/CMakeFiles/tsubo_corpus.dir/DependInfo.cmake"
  "/work/main/build-guidance/CMakeFiles/tsubo_text.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
