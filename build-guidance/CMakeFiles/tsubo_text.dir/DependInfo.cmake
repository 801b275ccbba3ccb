
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/text/analyzer.cc" "CMakeFiles/tsubo_text.dir/text/analyzer.cc.o" "gcc" "CMakeFiles/tsubo_text.dir/text/analyzer.cc.o.d"
  "/work/main/text/japanese_numbers.cc" "CMakeFiles/tsubo_text.dir/text/japanese_numbers.cc.o" "gcc" "CMakeFiles/tsubo_text.dir/text/japanese_numbers.cc.o.d"
  "/work/main/text/normalize.cc" "CMakeFiles/tsubo_text.dir/text/normalize.cc.o" "gcc" "CMakeFiles/tsubo_text.dir/text/normalize.cc.o.d"
  "/work/main/text/utf8.cc" "CMakeFiles/tsubo_text.dir/text/utf8.cc.o" "gcc" "CMakeFiles/tsubo_text.dir/text/utf8.cc.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
