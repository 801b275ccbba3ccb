// Fuzzes the PDF importer (corpus/pdf_import.cc on poppler-cpp; it reads a file, so the input is written
// to the scratch folder first) and the indexing of its passages.
#include "corpus/importers.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = tsubo::fuzz::write_scratch_file("input.pdf", tsubo::fuzz::as_text(data, size));
  try {
    tsubo::Document doc = tsubo::parse_pdf(path, "guidance/fuzz");
    tsubo::fuzz::check_document(doc);
  } catch (const tsubo::ImportError&) {
  }
  return 0;
}
