
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/tests/test_support.cc" "tests/CMakeFiles/tsubo_tests.dir/test_support.cc.o" "gcc" "tests/CMakeFiles/tsubo_tests.dir/test_support.cc.o.d"
  "/work/main/tests/text/analyzer_test.cc" "tests/CMakeFiles/tsubo_tests.dir/text/analyzer_test.cc.o" "gcc" "tests/CMakeFiles/tsubo_tests.dir/text/analyzer_test.cc.o.d"
  "/work/main/tests/text/japanese_numbers_test.cc" "tests/CMakeFiles/tsubo_tests.dir/text/japanese_numbers_test.cc.o" "gcc" "tests/CMakeFiles/tsubo_tests.dir/text/japanese_numbers_test.cc.o.d"
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
