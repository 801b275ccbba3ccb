
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/corpus/document.cc" "CMakeFiles/tsubo_corpus.dir/corpus/document.cc.o" "gcc" "CMakeFiles/tsubo_corpus.dir/corpus/document.cc.o.d"
  "/work/main/corpus/guidance_text.cc" "CMakeFiles/tsubo_corpus.dir/corpus/guidance_text.cc.o" "gcc" "CMakeFiles/tsubo_corpus.dir/corpus/guidance_text.cc.o.d"
  "/work/main/corpus/ruling_json.cc" "CMakeFiles/tsubo_corpus.dir/corpus/ruling_json.cc.o" "gcc" "CMakeFiles/tsubo_corpus.dir/corpus/ruling_json.cc.o.d"
  "/work/main/corpus/source_files.cc" "CMakeFiles/tsubo_corpus.dir/corpus/source_files.cc.o" "gcc" "CMakeFiles/tsubo_corpus.dir/corpus/source_files.cc.o.d"
  "/work/main/corpus/statute_text.cc" "CMakeFiles/tsubo_corpus.dir/corpus/statute_text.cc.o" "gcc" "CMakeFiles/tsubo_corpus.dir/corpus/statute_text.cc.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/build-guidance/CMakeFiles/tsubo_text.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
