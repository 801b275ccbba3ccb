// Fuzzes the query language (search/query_parser.cc) through the analyzer the index uses. A query is
// either parsed or refused with QuerySyntaxError.
#include "fuzz/fuzz_support.h"
#include "search/query_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const tsubo::ParsedQuery parsed = tsubo::parse_query(tsubo::fuzz::as_text(data, size), tsubo::fuzz::analyzer());
    parsed.query.get_description();
  } catch (const tsubo::QuerySyntaxError&) {
  }
  return 0;
}
