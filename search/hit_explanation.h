// --explain for one hit: the terms and words it matched, and its score split into text, role prior and
// outcome lift (search/searcher.h Explanation).
#pragma once

#include <xapian.h>

#include "search/query_parser.h"
#include "search/searcher.h"

namespace tsubo {

class Analyzer;

// `it` is the hit's place in the MSet `enquire` produced; `hit` carries its record (text, role,
// requirements, score).
Explanation explain_hit(const SearchHit& hit, const Xapian::MSetIterator& it, const Xapian::Enquire& enquire,
                        const ParsedQuery& parsed, const RankingParams& ranking, const Analyzer& analyzer);

}  // namespace tsubo
