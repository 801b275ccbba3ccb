// The versioned JSON shape of search results, shared by the CLI and the HTTP API.
#pragma once

#include <nlohmann/json_fwd.hpp>

namespace tsubo {

struct SearchResponse;

// {"query", "total", "total_exact" (false: total is Xapian's estimate), "took_ms", "hits": [{"rank", "score", "doc_id", "passage_id", "type", "title",
//   "heading", "snippet", "text", "meta": {"court", "date", "case_number", "law", "article"}}],
//  "facets": {"type": [{"value", "count"}], "court": …, "year": …, "law": …, "right_type": …}}
// ("facets" only when they were asked for).
nlohmann::json response_to_json(const SearchResponse& response);

}  // namespace tsubo
