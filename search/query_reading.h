// What --explain says about the query as a whole: how a question was read (search/searcher.h QueryReading).
#pragma once

#include <xapian.h>

#include "search/searcher.h"

namespace tsubo {

struct SearchQuery;

// Each concept's weight is the BM25 idf of its rarest term in `db`: a concept found in half the
// passages weighs almost nothing, one found in a few weighs most.
QueryReading read_query(const SearchQuery& built, const Xapian::Database& db, const RankingParams& ranking);

}  // namespace tsubo
