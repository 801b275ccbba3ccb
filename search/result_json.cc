// SearchResponse → JSON.
#include "search/result_json.h"

#include <nlohmann/json.hpp>

#include "search/searcher.h"
#include "search/statute_history.h"

namespace tsubo {

nlohmann::json version_to_json(const VersionInfo& v) {
  return {{"version_date", v.version_date}, {"amending_law", v.amending_law}, {"has_history", v.has_history}, {"in_force_from", v.in_force_from}, {"changed", v.changed},
          {"in_force_to", v.in_force_to},   {"amended_on", v.amended_on},     {"amended_by", v.amended_by},
          {"removed_later", v.removed_later}, {"current", v.current},       {"versions", v.versions}};
}

nlohmann::json response_to_json(const SearchResponse& response) {
  nlohmann::json hits = nlohmann::json::array();
  for (const SearchHit& h : response.hits) {
    nlohmann::json hit = {{"rank", h.rank},
                    {"score", h.score},
                    {"doc_id", h.doc_id},
                    {"passage_id", h.passage_id},
                    {"type", h.type},
                    {"collection", h.collection.empty() ? "public" : h.collection},
                    {"title", h.title},
                    {"heading", h.heading},
                    {"snippet", h.snippet},
                    {"text", h.text},
                    {"meta",
                     {{"court", h.court},
                      {"date", h.date},
                      {"case_number", h.case_number},
                      {"law", h.law},
                      {"article", h.article},
                      {"section", h.section},
                      {"role", h.role},
                      {"requirements", h.requirements}}}};
    if (!h.decision_kind.empty()) hit["meta"]["decision_kind"] = h.decision_kind;
    if (response.grouped) hit["more_in_document"] = h.more_in_document;
    if (!h.version.version_date.empty() || h.version.versions > 1) hit["version"] = version_to_json(h.version);
    if (!h.explanation.role.empty() || !h.explanation.matched_terms.empty())
      hit["explain"] = {{"matched_terms", h.explanation.matched_terms},
                        {"matched_words", h.explanation.matched_words},
                        {"role", h.explanation.role},
                        {"role_prior", h.explanation.role_prior},
                        {"text_score", h.explanation.text_score},
                        {"promoted", h.explanation.promoted},
                        {"outcome", h.explanation.outcome},
                        {"outcome_lift", h.explanation.outcome_lift}};
    hits.push_back(std::move(hit));
  }
  nlohmann::json out = {{"query", response.query},
                        {"total", response.total},
                        {"total_exact", response.total_exact},  // false: total is Xapian's estimate
                        {"grouped", response.grouped},  // hits are documents and articles, not passages
                        {"took_ms", response.took_ms},
                        {"hits", hits}};
  if (response.reading) {
    const QueryReading& q = *response.reading;
    nlohmann::json concepts = nlohmann::json::array();
    for (const auto& c : q.concepts) concepts.push_back({{"text", c.text}, {"passages", c.passages}, {"weight", c.weight}});
    out["reading"] = {{"question", q.question},           {"concepts", concepts},
                      {"dropped", q.dropped},             {"feedback_terms", q.feedback_terms},
                      {"feedback_weight", q.feedback_weight}, {"outcome_tags", q.outcome_tags}};
  }
  if (!response.facets.empty()) {
    nlohmann::json facets = nlohmann::json::object();
    for (const auto& [name, counts] : response.facets) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& c : counts) list.push_back({{"value", c.value}, {"count", c.count}});
      facets[name] = list;
    }
    out["facets"] = facets;
    out["facets_estimated"] = response.facets_estimated;  // counts scaled up from a sample of the matches
  }
  return out;
}

nlohmann::json diff_to_json(const std::vector<DiffSegment>& diff) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& d : diff)
    out.push_back({{"op", d.op == DiffSegment::Op::Same ? "same" : d.op == DiffSegment::Op::Deleted ? "deleted" : "inserted"},
                   {"text", d.text}});
  return out;
}

nlohmann::json history_to_json(const ArticleHistory& h) {
  nlohmann::json texts = nlohmann::json::array();
  for (const auto& t : h.texts)
    texts.push_back({{"passage_id", t.passage_id}, {"heading", t.heading},           {"text", t.text},
                     {"from", t.from},             {"to", t.to},                     {"amending_law", t.amending_law},
                     {"version_dates", t.version_dates}, {"absent", t.absent},      {"current", t.current},
                     {"changes", diff_to_json(t.changes)}});
  return {{"law", h.law}, {"law_number", h.law_number}, {"article", h.article}, {"versions", h.versions}, {"texts", texts}};
}

}  // namespace tsubo
