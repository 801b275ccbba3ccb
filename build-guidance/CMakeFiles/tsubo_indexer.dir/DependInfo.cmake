
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/indexer/index_run.cc" "CMakeFiles/tsubo_indexer.dir/indexer/index_run.cc.o" "gcc" "CMakeFiles/tsubo_indexer.dir/indexer/index_run.cc.o.d"
  "/work/main/indexer/index_writer.cc" "CMakeFiles/tsubo_indexer.dir/indexer/index_writer.cc.o" "gcc" "CMakeFiles/tsubo_indexer.dir/indexer/index_writer.cc.o.d"
  "/work/main/indexer/passage_document.cc" "CMakeFiles/tsubo_indexer.dir/indexer/passage_document.cc.o" "gcc" "CMakeFiles/tsubo_indexer.dir/indexer/passage_document.cc.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/build-guidance/CMakeFiles/tsubo_corpus.dir/DependInfo.cmake"
  "/work/main/build-guidance/CMakeFiles/tsubo_text.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
