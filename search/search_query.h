// The one step from a search request to the Xapian query it runs: the words, every filter (type,
// court, law, article, requirement, citation, dates, the statute version in force) and the role
// priors. Nothing adds a filter after it, so a filter that must never be skipped has one home.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "search/query_parser.h"
#include "search/searcher.h"

namespace tsubo {

class Analyzer;
class StatuteVersions;

struct SearchQuery {
  ParsedQuery parsed;  // the words as parsed (and what to mark in snippets)
  Xapian::Query text;  // the words under every filter, without the priors
  Xapian::Query priors;  // the role priors (may be empty)
  std::vector<std::string> feedback_terms;  // a question's words added from its best passages (question_expansion.h)
  // q with the role priors added around it (they lift passages that match anyway, never add any).
  Xapian::Query with_priors(const Xapian::Query& q) const;
};

// Throws QuerySyntaxError for a malformed query, SearchError for a filter value that is malformed or
// names nothing the index knows (the message suggests what it does know).
SearchQuery build_search_query(const SearchRequest& request, const Analyzer& analyzer, const Xapian::Database& db,
                               const StatuteVersions& versions);

// The statute versions not to show on `day` (yyyymmdd): q AND_NOT them (q itself when none are).
Xapian::Query only_in_force(const Xapian::Query& q, const StatuteVersions& versions, int day);

// The prior the ranking adds for a passage role (indexer/passage_role.h).
double role_prior_of(const RankingParams& params, const std::string& role);

}  // namespace tsubo
