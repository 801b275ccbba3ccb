file(REMOVE_RECURSE
  "CMakeFiles/tsubo_corpus.dir/corpus/document.cc.o"
  "CMakeFiles/tsubo_corpus.dir/corpus/document.cc.o.d"
  "CMakeFiles/tsubo_corpus.dir/corpus/guidance_text.cc.o"
  "CMakeFiles/tsubo_corpus.dir/corpus/guidance_text.cc.o.d"
  "CMakeFiles/tsubo_corpus.dir/corpus/ruling_json.cc.o"
  "CMakeFiles/tsubo_corpus.dir/corpus/ruling_json.cc.o.d"
  "CMakeFiles/tsubo_corpus.dir/corpus/source_files.cc.o"
  "CMakeFiles/tsubo_corpus.dir/corpus/source_files.cc.o.d"
  "CMakeFiles/tsubo_corpus.dir/corpus/statute_text.cc.o"
  "CMakeFiles/tsubo_corpus.dir/corpus/statute_text.cc.o.d"
  "libtsubo_corpus.a"
  "libtsubo_corpus.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/tsubo_corpus.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
