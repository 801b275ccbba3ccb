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

// The access filter, the one rule for every reader (search, counts and facets, document view,
// suggestions, more-like-this, cites, exports, history): q limited to the passages a reader of
// `groups` may see, the public ones (no XU term) and the restricted ones carrying one of the groups
// (XG). No groups: public passages only. An index without XU terms reads as all public.
Xapian::Query readable_by(const Xapian::Query& q, const std::vector<std::string>& groups);

// The documents matching readable_by(q, groups), in docid order, at most `limit` (0: all).
std::vector<Xapian::docid> readable_documents(const Xapian::Database& db, const Xapian::Query& q,
                                              const std::vector<std::string>& groups, Xapian::doccount limit = 0);

// Whether the database holds any restricted passage (a reader may then need the slower exact
// counts of readable_by instead of term frequencies).
bool has_restricted(const Xapian::Database& db);

// The statute versions not to show on `day` (yyyymmdd): q AND_NOT them (q itself when none are).
Xapian::Query only_in_force(const Xapian::Query& q, const StatuteVersions& versions, int day);

// The prior the ranking adds for a passage role (indexer/passage_role.h).
double role_prior_of(const RankingParams& params, const std::string& role);

}  // namespace tsubo
