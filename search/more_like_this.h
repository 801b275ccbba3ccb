// 「類似の箇所」: passages like a given one, found by Xapian relevance feedback.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace Xapian {
class Database;
}

namespace tsubo {

class Analyzer;
struct SearchHit;

// The passage is the relevant set (Xapian::RSet); its most telling words (Enquire::get_eset) are
// searched as an OR query, leaving out the passage's own document. Hits carry snippets marking those
// words. Only passages the reader's groups may read (search/search_query.h, readable_by) are the
// source or a hit. nullopt when no such passage has this id. Xapian errors propagate (the caller
// reopens and retries).
std::optional<std::vector<SearchHit>> more_like_this(const Xapian::Database& db, const std::string& passage_id,
                                                     std::size_t limit, const Analyzer& analyzer,
                                                     const std::vector<std::string>& groups = {});

}  // namespace tsubo
