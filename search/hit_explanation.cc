// Why a hit scored what it did, from Xapian's matching terms and the priors the query added.
#include "search/hit_explanation.h"

#include <algorithm>

#include "indexer/schema.h"
#include "search/passage_snippet.h"
#include "search/search_query.h"

namespace tsubo {

Explanation explain_hit(const SearchHit& hit, const Xapian::MSetIterator& it, const Xapian::Enquire& enquire,
                        const ParsedQuery& parsed, const RankingParams& ranking, const Analyzer& analyzer) {
  Explanation x;
  // Words only: prefixed boolean terms (XPreasoning, XK…) are filters and priors, not matches.
  for (auto t = enquire.get_matching_terms_begin(it); t != enquire.get_matching_terms_end(it); ++t)
    if (!schema::is_prefixed_term(*t)) x.matched_terms.push_back(*t);
  x.matched_words = matched_words(hit.text, it.get_document().get_value(schema::kValueTokenSpans), parsed.highlight_terms, analyzer);
  x.role = hit.role;
  x.role_prior = role_prior_of(ranking, hit.role);
  for (const auto& tag : parsed.outcome_tags)
    if (std::find(hit.requirements.begin(), hit.requirements.end(), tag) != hit.requirements.end()) {
      x.outcome = tag;
      x.outcome_lift = ranking.outcome_weight;
      break;
    }
  x.text_score = hit.score - x.role_prior - x.outcome_lift;
  return x;
}

}  // namespace tsubo
