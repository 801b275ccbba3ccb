// Fuzzes the citation parser (text/citations.cc): a document's passages read with one context, and the
// references users type. A statute citation's key must read back as the same citation.
#include <string>
#include <vector>

#include "fuzz/fuzz_support.h"
#include "text/citations.h"
#include "text/utf8.h"

namespace {

void check_key(const tsubo::StatuteCitation& c) {
  const std::string key = c.key();
  if (tsubo::StatuteCitation::from_key(key).key() != key) tsubo::fuzz::fail("citation key does not read back: " + key);
  c.key_levels();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = tsubo::fuzz::as_text(data, size);
  if (!tsubo::utf8::valid(text)) return -1;  // citations are read from UTF-8 passages and queries
  // Blank lines split the input into passages, as a document's passages are fed in order.
  std::vector<std::string_view> passages;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find("\n\n", start), text.size());
    passages.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  tsubo::CitationContext ctx;
  ctx.self_law = "不正競争防止法";
  ctx.here.article = "2";
  tsubo::prepare_citation_context(passages, ctx);
  for (const auto& p : passages) {
    const tsubo::Citations found = tsubo::find_citations(p, ctx);
    for (const auto& c : found.statutes) check_key(c);
    for (const auto& r : found.rulings) r.key();
  }
  if (const auto c = tsubo::parse_statute_reference(text)) check_key(*c);
  if (const auto r = tsubo::parse_ruling_reference(text)) r->key();
  tsubo::canonical_law_name(text);
  tsubo::citation_court(text);
  return 0;
}
