// Fuzzes the Word importer (corpus/docx_import.cc: a zip of XML read with libarchive and pugixml, under
// the archive limits; it reads a file, so the input is written to the scratch folder first) and the
// indexing of its passages.
#include "corpus/importers.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = tsubo::fuzz::write_scratch_file("input.docx", tsubo::fuzz::as_text(data, size));
  try {
    tsubo::Document doc = tsubo::parse_docx(path, "guidance/fuzz");
    tsubo::fuzz::check_document(doc);
  } catch (const tsubo::ImportError&) {
  }
  return 0;
}
