// The query's concepts weighed by the index's own statistics, for --explain.
#include "search/query_reading.h"

#include <cmath>

#include "search/search_query.h"

namespace tsubo {

QueryReading read_query(const SearchQuery& built, const Xapian::Database& db, const RankingParams& ranking) {
  QueryReading out;
  const ParsedQuery& parsed = built.parsed;
  out.question = parsed.question;
  out.dropped = parsed.dropped;
  out.outcome_tags = parsed.outcome_tags;
  out.feedback_terms = built.feedback_terms;
  if (!out.feedback_terms.empty()) out.feedback_weight = ranking.feedback_weight;
  const double total = db.get_doccount();
  for (const auto& c : parsed.concepts) {
    QueryReading::Concept concept{c.text, 0, 0};
    bool first = true;
    for (const std::string& term : c.terms) {
      const Xapian::doccount df = db.get_termfreq(term);
      if (first || df < concept.passages) concept.passages = df;
      first = false;
    }
    const double df = static_cast<double>(concept.passages);
    // A concept no passage holds adds nothing to any score.
    if (df > 0) concept.weight = std::max(0.0, std::log((total - df + 0.5) / (df + 0.5)));
    out.concepts.push_back(concept);
  }
  return out;
}

}  // namespace tsubo
