// A hit's fields read back from the JSON stored with each passage (indexer/passage_document.h).
#pragma once

#include <string>

#include "search/searcher.h"

namespace tsubo {

// Everything but rank, score and snippet, which depend on the query.
SearchHit hit_from_record(const std::string& stored_json);

}  // namespace tsubo
