// Fuzzes the HTML importer (corpus/html_import.cc) on UTF-8 input, as read_html_text hands it over,
// and the indexing of its passages.
#include "corpus/importers.h"
#include "fuzz/fuzz_support.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view html = tsubo::fuzz::as_text(data, size);
  if (!tsubo::utf8::valid(html)) return -1;  // read_html_text hands the importer UTF-8 only
  try {
    tsubo::Document doc = tsubo::parse_html(html, "guidance/fuzz", "fuzz.html");
    tsubo::fuzz::check_document(doc);
  } catch (const tsubo::ImportError&) {
  }
  return 0;
}
