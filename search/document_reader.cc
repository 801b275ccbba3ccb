// Collects a document's passages through its XD<doc id> term and orders them by their ordinal value.
#include "search/document_reader.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "indexer/passage_document.h"
#include "indexer/schema.h"
#include "search/citation_table.h"
#include "search/provision_moves.h"
#include "search/search_query.h"
#include "search/statute_versions.h"
#include "search/snippet.h"
#include "text/analyzer.h"
#include "text/japanese_numbers.h"

namespace tsubo {

// The whole text with every query match marked (same matching as snippets: phrases stay whole).
std::string mark_terms(std::string_view text, const std::vector<std::string>& terms, const Analyzer& analyzer) {
  if (terms.empty()) return html_escape(text);
  return mark_spans(text, 0, text.size(), find_matches(text, terms, analyzer));
}

namespace {

// 24の4 → 24<unit>の4: the unit goes before the branch number.
std::string with_unit(const std::string& number, const char* unit) {
  const std::size_t no = number.find("の");
  return no == std::string::npos ? number + unit : number.substr(0, no) + unit + number.substr(no);
}

}  // namespace

std::string provision_text(const std::vector<std::string>& parts) {
  if (parts.empty()) return "";
  std::string text = parts[0];
  if (parts.size() < 2 || parts[1].empty()) return text;
  text += with_unit(parts[1], "条");
  const char* const first = parts[1].find("の") == std::string::npos ? "" : "第";
  if (parts.size() > 2 && !parts[2].empty()) text += first + with_unit(parts[2], "項");
  if (parts.size() > 3 && !parts[3].empty()) text += first + with_unit(parts[3], "号");
  return text;
}

static std::string passage_text(const Xapian::Database& db, const std::string& passage_id) {
  const std::string term = prefixed_term(schema::kPrefixPassageId, passage_id);
  const auto it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return "";
  return nlohmann::json::parse(db.get_document(*it).get_data()).value("text", "");
}

// When the cited article (as the citing document read it) has changed since: the day and the law,
// and for an item that an amendment renumbered (2条1項14号 → 21号), the number it has today.
static void add_amendment(nlohmann::json& link, const Xapian::Database& db, const StatuteVersions& versions,
                   const std::string& target, const std::vector<std::string>& parts, int today) {
  const std::string doc_id = target.substr(0, target.find('#'));
  const VersionInfo v = version_info(db, versions, doc_id, target, today);
  if (v.amended_on.empty()) return;
  link["amended_on"] = v.amended_on;
  link["amended_by"] = v.amended_by;
  if (parts.size() < 4) return;
  const std::string now = resolve_statute(db, parts[0], parts[1], &versions, today);
  if (now.empty() || now == target) return;
  try {
    const int paragraph = std::stoi(parts[2]), item = std::stoi(parts[3]);
    const auto moved = moved_item(passage_text(db, target), passage_text(db, now), paragraph, item);
    if (moved && *moved != item) link["now"] = provision_text({parts[0], parts[1], parts[2], std::to_string(*moved)});
  } catch (const std::exception&) {  // 19の2-like keys are not numbers: no renumbering said
  }
}

// The day whose law a document reads: a ruling's date; 0 (today) for the others.
static int citing_day(const nlohmann::json& record) {
  if (record.value("type", "") != "ruling") return 0;
  const std::string day = compact_date(record.value("meta", nlohmann::json::object()).value("date", std::string()));
  return day.empty() ? 0 : std::stoi(day);
}

// The finest cited provisions (不正競争防止法/2/6, not also 不正競争防止法/2), each with the indexed
// article it names when there is one: {text: 不正競争防止法2条6項, key, doc_id, passage_id}.
static nlohmann::json statute_links(const Xapian::Database& db, const std::set<std::string>& keys,
                             const StatuteVersions& versions, int day, const std::vector<std::string>& groups) {
  const int today = today_yyyymmdd();
  constexpr std::size_t kMaxLinks = 60;
  nlohmann::json out = nlohmann::json::array();
  for (auto it = keys.begin(); it != keys.end() && out.size() < kMaxLinks; ++it) {
    const std::string& key = *it;
    auto next = std::next(it);
    if (next != keys.end() && next->compare(0, key.size() + 1, key + "/") == 0) continue;  // a finer key follows
    std::vector<std::string> parts;
    for (std::size_t start = 0; start <= key.size();) {
      const std::size_t slash = std::min(key.find('/', start), key.size());
      parts.push_back(key.substr(start, slash - start));
      start = slash + 1;
    }
    if (parts.size() < 2 || parts[1].empty()) continue;
    const std::string text = provision_text(parts);
    const std::string target = resolve_statute(db, parts[0], parts[1], &versions, day, groups);
    nlohmann::json link = {{"text", text}, {"key", key}};
    if (!target.empty()) {
      link["passage_id"] = target;
      link["doc_id"] = target.substr(0, target.find('#'));
      add_amendment(link, db, versions, target, parts, today);
    }
    out.push_back(std::move(link));
  }
  return out;
}

std::optional<nlohmann::json> read_document(const Xapian::Database& db, const std::string& doc_id,
                                            const std::vector<std::string>& highlight_terms,
                                            const Analyzer& analyzer, const StatuteVersions& versions,
                                            const std::vector<std::string>& groups) {
  const std::string term = prefixed_term(schema::kPrefixDocId, doc_id);
  std::vector<std::pair<double, nlohmann::json>> records;
  std::set<std::string> cited;  // law/article[/paragraph[/item]] keys of every passage
  const std::string prefix = schema::kPrefixCitesStatute;
  for (const Xapian::docid id : readable_documents(db, Xapian::Query(term), groups)) {
    const Xapian::Document xdoc = db.get_document(id);
    auto t = xdoc.termlist_begin();
    for (t.skip_to(prefix); t != xdoc.termlist_end() && (*t).compare(0, prefix.size(), prefix) == 0; ++t)
      cited.insert((*t).substr(prefix.size()));
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
                        {"collection", first.value("collection", "public")},
                        {"title", first.value("title", "")},
                        {"meta", meta},
                        {"passages", passages},
                        {"citations", statute_links(db, cited, versions, citing_day(first), groups)}};
}

}  // namespace tsubo
