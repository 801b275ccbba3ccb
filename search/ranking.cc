// Named access to the ranking knobs, for tuning runs (`tsubo eval --rank k1=1.0,b=0.5`).
#include "search/ranking.h"

#include <stdexcept>
#include <utility>

namespace tsubo {

bool RankingParams::set(const std::string& name, double value) {
  const std::pair<const char*, double*> knobs[] = {
      {"k1", &k1},
      {"b", &b},
      {"role_reasoning", &role_reasoning},
      {"role_claims", &role_claims},
      {"role_background", &role_background},
      {"role_definition", &role_definition},
      {"role_provision", &role_provision},
      {"role_guidance", &role_guidance},
      {"compound_loose", &compound_loose},
      {"synonym_weight", &synonym_weight},
      {"per_document", &per_document},
      {"citation_weight", &citation_weight},
      {"cited_first_weight", &cited_first_weight},
      {"outcome_weight", &outcome_weight},
      {"mix_rank", &mix_rank},
      {"mix_min_share", &mix_min_share},
      {"feedback_terms", &feedback_terms},
      {"feedback_docs", &feedback_docs},
      {"feedback_weight", &feedback_weight},
      {"feedback_per_document", &feedback_per_document},
      {"feedback_elite", &feedback_elite},
      {"feedback_max_passages", &feedback_max_passages},
  };
  for (const auto& [knob, target] : knobs) {
    if (name == knob) {
      *target = value;
      return true;
    }
  }
  return false;
}

void RankingParams::apply(const std::string& assignments) {
  std::size_t start = 0;
  while (start < assignments.size()) {
    std::size_t end = assignments.find(',', start);
    if (end == std::string::npos) end = assignments.size();
    const std::string part = assignments.substr(start, end - start);
    const std::size_t eq = part.find('=');
    if (eq == std::string::npos) throw std::invalid_argument("ranking knob «" + part + "» needs name=value");
    double value = 0;
    try {
      value = std::stod(part.substr(eq + 1));
    } catch (const std::exception&) {
      throw std::invalid_argument("ranking knob «" + part + "» has no number");
    }
    if (!set(part.substr(0, eq), value)) throw std::invalid_argument("unknown ranking knob «" + part.substr(0, eq) + "»");
    start = end + 1;
  }
}

}  // namespace tsubo
