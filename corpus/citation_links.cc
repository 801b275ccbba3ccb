// Runs the citation parser (text/citations.h) over a document's passages in order and stores the
// keys the indexer turns into boolean terms.
#include "corpus/citation_links.h"

#include <algorithm>
#include <string_view>

#include "text/citations.h"
#include "text/japanese_numbers.h"

namespace tsubo {
namespace {

void add_unique(std::vector<std::string>& keys, const std::string& key) {
  if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
}

// A statute passage opens with its own article heading ("第十五条　開港に…"): not a citation.
std::string_view without_article_heading(const Document& doc, std::string_view text) {
  if (doc.type != DocType::Statute || text.rfind("第", 0) != 0) return text;
  const std::size_t end = std::min(text.find("\u3000"), text.find('\n'));
  if (end == std::string_view::npos || end > 60) return text;
  if (!parse_article_number(text.substr(0, end))) return text;
  return text.substr(end);
}

}  // namespace

void attach_citations(Document& doc) {
  CitationContext ctx;
  if (doc.type == DocType::Statute) ctx.self_law = ctx.default_law = doc.meta.law;
  std::vector<std::string_view> texts;
  texts.reserve(doc.passages.size());
  for (const auto& p : doc.passages) texts.push_back(p.text);
  prepare_citation_context(texts, ctx);

  const std::string self_law = ctx.self_law;
  for (auto& p : doc.passages) {
    // 附則 speak of the amending act's own articles ("第一条中関税定率法第十三条…を改める"): bare
    // articles there are not the statute's.
    ctx.self_law = p.id.find("#suppl") == std::string::npos ? self_law : "";
    const Citations found = find_citations(without_article_heading(doc, p.text), ctx);
    for (const auto& c : found.statutes) {
      for (const auto& key : c.key_levels()) add_unique(p.cited_statutes, key);
    }
    for (const auto& r : found.rulings) {
      if (!r.case_number.empty()) add_unique(p.cited_rulings, r.case_number);
      if (!r.court.empty() && !r.date.empty()) add_unique(p.cited_rulings, r.court + "|" + r.date);
    }
  }
}

}  // namespace tsubo
