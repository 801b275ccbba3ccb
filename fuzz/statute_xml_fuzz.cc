// Fuzzes the e-Gov 法令標準XML importer (corpus/statute_xml.cc: pugixml, nesting limit) and the indexing
// of its passages.
#include "corpus/importers.h"
#include "fuzz/fuzz_support.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view xml = tsubo::fuzz::as_text(data, size);
  if (!tsubo::utf8::valid(xml)) return -1;  // read_source_text hands importers UTF-8 only (Shift_JIS converted)
  try {
    tsubo::Document doc = tsubo::parse_statute_xml(xml, "statute/fuzz", "fuzz.xml");
    tsubo::fuzz::check_document(doc);
  } catch (const tsubo::ImportError&) {
  }
  return 0;
}
