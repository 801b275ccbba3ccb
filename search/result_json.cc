// SearchResponse → JSON.
#include "search/result_json.h"

#include <nlohmann/json.hpp>

#include "search/searcher.h"

namespace tsubo {

nlohmann::json response_to_json(const SearchResponse& response) {
  nlohmann::json hits = nlohmann::json::array();
  for (const SearchHit& h : response.hits) {
    nlohmann::json hit = {{"rank", h.rank},
                    {"score", h.score},
                    {"doc_id", h.doc_id},
                    {"passage_id", h.passage_id},
                    {"type", h.type},
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
    if (!h.explanation.role.empty() || !h.explanation.matched_terms.empty())
      hit["explain"] = {{"matched_terms", h.explanation.matched_terms},
                        {"matched_words", h.explanation.matched_words},
                        {"role", h.explanation.role},
                        {"role_prior", h.explanation.role_prior},
                        {"text_score", h.explanation.text_score},
                        {"promoted", h.explanation.promoted}};
    hits.push_back(std::move(hit));
  }
  nlohmann::json out = {{"query", response.query},
                        {"total", response.total},
                        {"total_exact", response.total_exact},  // false: total is Xapian's estimate
                        {"took_ms", response.took_ms},
                        {"hits", hits}};
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

}  // namespace tsubo
