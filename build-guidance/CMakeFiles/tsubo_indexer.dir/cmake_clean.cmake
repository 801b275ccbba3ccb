file(REMOVE_RECURSE
  "CMakeFiles/tsubo_indexer.dir/indexer/index_run.cc.o"
  "CMakeFiles/tsubo_indexer.dir/indexer/index_run.cc.o.d"
  "CMakeFiles/tsubo_indexer.dir/indexer/index_writer.cc.o"
  "CMakeFiles/tsubo_indexer.dir/indexer/index_writer.cc.o.d"
  "CMakeFiles/tsubo_indexer.dir/indexer/passage_document.cc.o"
  "CMakeFiles/tsubo_indexer.dir/indexer/passage_document.cc.o.d"
  "libtsubo_indexer.a"
  "libtsubo_indexer.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/tsubo_indexer.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
