// Stored passage JSON → SearchHit.
#include "search/hit_record.h"

#include <nlohmann/json.hpp>

#include "search/statute_versions.h"

namespace tsubo {

SearchHit hit_from_record(const std::string& stored_json) {
  const nlohmann::json rec = nlohmann::json::parse(stored_json);
  SearchHit hit;
  hit.doc_id = rec.value("doc_id", "");
  hit.passage_id = rec.value("passage_id", "");
  hit.type = rec.value("type", "");
  hit.title = rec.value("title", "");
  hit.heading = rec.value("heading", "");
  hit.text = rec.value("text", "");
  hit.collection = rec.value("collection", "public");
  hit.restricted = rec.contains("groups");
  const auto& m = rec["meta"];
  hit.court = m.value("court", "");
  hit.date = m.value("date", "");
  hit.case_number = m.value("case_number", "");
  hit.law = m.value("law", "");
  hit.article = m.value("article", "");
  hit.section = m.value("section", "");
  hit.role = m.value("role", "");
  hit.decision_kind = m.value("decision_kind", "");
  // A statute version's own date and amending law; the search adds the rest when the index holds
  // other versions of the law (search/statute_versions.h).
  hit.version.version_date = m.value("version_date", "");
  hit.version.amending_law = law_id_label(m.value("amending_law", ""));
  if (m.contains("requirements")) hit.requirements = m["requirements"].get<std::vector<std::string>>();
  return hit;
}

}  // namespace tsubo
