file(REMOVE_RECURSE
  "CMakeFiles/tsubo_text.dir/text/analyzer.cc.o"
  "CMakeFiles/tsubo_text.dir/text/analyzer.cc.o.d"
  "CMakeFiles/tsubo_text.dir/text/japanese_numbers.cc.o"
  "CMakeFiles/tsubo_text.dir/text/japanese_numbers.cc.o.d"
  "CMakeFiles/tsubo_text.dir/text/normalize.cc.o"
  "CMakeFiles/tsubo_text.dir/text/normalize.cc.o.d"
  "CMakeFiles/tsubo_text.dir/text/utf8.cc.o"
  "CMakeFiles/tsubo_text.dir/text/utf8.cc.o.d"
  "libtsubo_text.a"
  "libtsubo_text.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/tsubo_text.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
