file(REMOVE_RECURSE
  "CMakeFiles/tsubo_tests.dir/test_support.cc.o"
  "CMakeFiles/tsubo_tests.dir/test_support.cc.o.d"
  "CMakeFiles/tsubo_tests.dir/text/analyzer_test.cc.o"
  "CMakeFiles/tsubo_tests.dir/text/analyzer_test.cc.o.d"
  "CMakeFiles/tsubo_tests.dir/text/japanese_numbers_test.cc.o"
  "CMakeFiles/tsubo_tests.dir/text/japanese_numbers_test.cc.o.d"
  "tsubo_tests"
  "tsubo_tests.pdb"
  "tsubo_tests[1]_tests.cmake"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/tsubo_tests.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
