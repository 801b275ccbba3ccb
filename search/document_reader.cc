// Collects a document's passages through its XD<doc id> term and orders them by their ordinal value.
#include "search/document_reader.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "indexer/passage_document.h"
#include "indexer/schema.h"
#include "search/snippet.h"
#include "text/analyzer.h"

namespace tsubo {

// The whole text with every query match marked (same matching as snippets: phrases stay whole).
std::string mark_terms(std::string_view text, const std::vector<std::string>& terms, const Analyzer& analyzer) {
  if (terms.empty()) return html_escape(text);
  return mark_spans(text, 0, text.size(), find_matches(text, terms, analyzer));
}

std::optional<nlohmann::json> read_document(const Xapian::Database& db, const std::string& doc_id,
                                            const std::vector<std::string>& highlight_terms,
                                            const Analyzer& analyzer) {
  const std::string term = prefixed_term(schema::kPrefixDocId, doc_id);
  std::vector<std::pair<double, nlohmann::json>> records;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    const Xapian::Document xdoc = db.get_document(*it);
    records.emplace_back(Xapian::sortable_unserialise(xdoc.get_value(schema::kValueOrdinal)),
                         nlohmann::json::parse(xdoc.get_data()));
  }
  if (records.empty()) return std::nullopt;
  std::sort(records.begin(), records.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

  const nlohmann::json& first = records.front().second;
  nlohmann::json meta = first.value("meta", nlohmann::json::object());
  meta.erase("article");
  meta.erase("section");
  nlohmann::json passages = nlohmann::json::array();
  for (const auto& [ordinal, rec] : records) {
    const std::string text = rec.value("text", "");
    const nlohmann::json& m = rec.contains("meta") ? rec["meta"] : nlohmann::json::object();
    passages.push_back({{"passage_id", rec.value("passage_id", "")},
                        {"heading", rec.value("heading", "")},
                        {"heading_path", rec.value("heading_path", nlohmann::json::array())},
                        {"text", text},
                        {"html", mark_terms(text, highlight_terms, analyzer)},
                        {"ordinal", static_cast<std::size_t>(ordinal)},
                        {"article", m.value("article", "")},
                        {"section", m.value("section", "")}});
  }
  return nlohmann::json{{"doc_id", doc_id},
                        {"type", first.value("type", "")},
                        {"title", first.value("title", "")},
                        {"meta", meta},
                        {"passages", passages},
                        {"citations", nlohmann::json::array()}};
}

}  // namespace tsubo
