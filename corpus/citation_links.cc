// Runs the citation parser (text/citations.h) over a document's passages in order and stores the
// keys the indexer turns into boolean terms.
#include "corpus/citation_links.h"

#include <algorithm>
#include <string_view>

#include "text/citations.h"
#include "text/japanese_numbers.h"
#include "text/utf8.h"

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

// The paragraph or item a statute passage's line opens, as statute_text.cc writes them: "２　…"
// is paragraph 2 (also "○２"), "一　…" item 1, "十一の二　…" item 11の2; "イ　…" and other lines open
// nothing.
void read_line_marker(std::string_view line, StatuteCitation& here) {
  if (line.rfind("○", 0) == 0) line.remove_prefix(std::string_view("○").size());  // 刑訴法: "○２　前項の申出は"
  const std::size_t space = line.find("\u3000");
  if (space == std::string_view::npos || space == 0 || space > 24) return;
  const std::string_view marker = line.substr(0, space);
  std::size_t i = 0;
  const char32_t c0 = utf8::next(marker, i);
  if ((c0 >= U'０' && c0 <= U'９') || (c0 >= '0' && c0 <= '9')) {
    if (auto n = parse_japanese_number(marker)) {
      here.paragraph = std::to_string(*n);
      here.item.clear();
    }
    return;
  }
  const std::size_t no = marker.find("の");
  auto number = parse_japanese_number(marker.substr(0, no));
  if (!number || (c0 >= U'０' && c0 <= U'９')) return;
  std::string item = std::to_string(*number);
  if (no != std::string_view::npos) {
    auto branch = parse_japanese_number(marker.substr(no + 3));
    if (!branch) return;
    item += "の" + std::to_string(*branch);
  }
  here.item = item;
}

Citations cite_passage(const Document& doc, const Passage& p, CitationContext& ctx) {
  const std::string_view text = without_article_heading(doc, p.text);
  if (doc.type != DocType::Statute || ctx.here.article.empty()) return find_citations(text, ctx);
  // A statute passage line by line, each line one paragraph or item: 前項 and 第三号 depend on it.
  Citations all;
  ctx.here.paragraph = "1";
  ctx.here.item.clear();
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(pos, nl - pos);
    read_line_marker(line, ctx.here);
    Citations found = find_citations(line, ctx);
    all.statutes.insert(all.statutes.end(), found.statutes.begin(), found.statutes.end());
    all.rulings.insert(all.rulings.end(), found.rulings.begin(), found.rulings.end());
    pos = nl + 1;
  }
  return all;
}

}  // namespace

void attach_citations(Document& doc) {
  CitationContext ctx;
  if (doc.type == DocType::Statute) ctx.self_law = ctx.default_law = doc.meta.law;
  // 逐条解説: the law the commentary explains is what its bare articles (第３条) cite.
  for (const auto& p : doc.passages) {
    if (doc.type != DocType::Guidance || p.provision.empty()) continue;
    ctx.self_law = StatuteCitation::from_key(p.provision).law;
    break;
  }
  std::vector<std::string_view> texts;
  texts.reserve(doc.passages.size());
  for (const auto& p : doc.passages) texts.push_back(p.text);
  prepare_citation_context(texts, ctx);
  if (doc.type == DocType::Statute) {
    for (const auto& p : doc.passages)
      if (!p.article.empty() && p.id.find("#suppl") == std::string::npos) add_unique(ctx.article_order, p.article);
  }

  const std::string self_law = ctx.self_law;
  for (auto& p : doc.passages) {
    // 附則 speak of the amending act's own articles ("第一条中関税定率法第十三条…を改める"): bare
    // articles there are not the statute's.
    const bool suppl = p.id.find("#suppl") != std::string::npos;
    ctx.self_law = suppl ? "" : self_law;
    ctx.here = StatuteCitation();
    if (doc.type == DocType::Statute && !suppl && !p.article.empty()) {
      ctx.here.law = self_law;
      ctx.here.article = p.article;
    } else if (!p.provision.empty()) {
      ctx.here = StatuteCitation::from_key(p.provision);
      for (const auto& key : ctx.here.key_levels()) add_unique(p.cited_statutes, key);
    }
    const Citations found = cite_passage(doc, p, ctx);
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
