file(REMOVE_RECURSE
  "CMakeFiles/tsubo.dir/cli/cmd_index.cc.o"
  "CMakeFiles/tsubo.dir/cli/cmd_index.cc.o.d"
  "CMakeFiles/tsubo.dir/cli/cmd_info.cc.o"
  "CMakeFiles/tsubo.dir/cli/cmd_info.cc.o.d"
  "CMakeFiles/tsubo.dir/cli/cmd_passages.cc.o"
  "CMakeFiles/tsubo.dir/cli/cmd_passages.cc.o.d"
  "CMakeFiles/tsubo.dir/cli/cmd_search.cc.o"
  "CMakeFiles/tsubo.dir/cli/cmd_search.cc.o.d"
  "CMakeFiles/tsubo.dir/cli/main.cc.o"
  "CMakeFiles/tsubo.dir/cli/main.cc.o.d"
  "tsubo"
  "tsubo.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/tsubo.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
