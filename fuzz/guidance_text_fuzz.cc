// Fuzzes the guidance importer (corpus/guidance_text.cc), as plain text or Markdown by the first byte,
// and the indexing of its passages.
#include "corpus/importers.h"
#include "fuzz/fuzz_support.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool markdown = data[0] & 1;
  const std::string_view text = tsubo::fuzz::as_text(data + 1, size - 1);
  if (!tsubo::utf8::valid(text)) return -1;  // read_source_text hands importers UTF-8 only
  try {
    tsubo::Document doc = tsubo::parse_guidance(text, markdown, "guidance/fuzz", markdown ? "fuzz.md" : "fuzz.txt");
    tsubo::fuzz::check_document(doc);
  } catch (const tsubo::ImportError&) {
  }
  return 0;
}
