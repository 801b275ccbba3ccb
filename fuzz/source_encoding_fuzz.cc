// Fuzzes reading a source file (corpus/source_files.cc: size and line limits, BOMs, the ICU encoding
// detector and conversion). Whatever it returns must be UTF-8 without a BOM or a CR before LF.
#include "corpus/importers.h"
#include "corpus/source_files.h"
#include "fuzz/fuzz_support.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = tsubo::fuzz::write_scratch_file("input.txt", tsubo::fuzz::as_text(data, size));
  try {
    const std::string text = tsubo::read_source_text(path);
    if (!tsubo::utf8::valid(text)) tsubo::fuzz::fail("read_source_text returned text that is not UTF-8");
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) tsubo::fuzz::fail("read_source_text kept a BOM");
    if (text.find("\r\n") != std::string::npos) tsubo::fuzz::fail("read_source_text kept a CRLF");
  } catch (const tsubo::ImportError&) {
  }
  return 0;
}
