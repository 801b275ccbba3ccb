// Fuzzes the courts.go.jp ruling JSON importer (corpus/ruling_json.cc) and the indexing of its passages.
#include "corpus/importers.h"
#include "fuzz/fuzz_support.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = tsubo::fuzz::as_text(data, size);
  if (!tsubo::utf8::valid(text)) return -1;  // read_source_text hands importers UTF-8 only
  try {
    tsubo::Document doc = tsubo::parse_ruling_json(text, "fuzz.json");
    tsubo::fuzz::check_document(doc);
  } catch (const tsubo::ImportError&) {
  }
  return 0;
}
