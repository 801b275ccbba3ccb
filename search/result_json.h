// The versioned JSON shape of search results, shared by the CLI and the HTTP API.
#pragma once

#include <nlohmann/json_fwd.hpp>

namespace tsubo {

struct SearchResponse;
struct VersionInfo;
struct ArticleHistory;
struct DiffSegment;

// {"query", "total", "total_exact" (false: total is Xapian's estimate), "took_ms", "hits": [{"rank", "score", "doc_id", "passage_id", "type", "title",
//   "heading", "snippet", "text", "meta": {"court", "date", "case_number", "law", "article"}}],
//  "facets": {"type": [{"value", "count"}], "court": …, "year": …, "law": …, "right_type": …}}
// ("facets" only when they were asked for). A statute hit of which the index holds versions has
// "version": {"version_date", "amending_law", "in_force_from", "in_force_to", "amended_on",
// "amended_by", "removed_later", "current", "versions"} (search/statute_versions.h).
nlohmann::json response_to_json(const SearchResponse& response);
nlohmann::json version_to_json(const VersionInfo& version);

// tsubo history / /api/history: {"law", "law_number", "article", "versions", "texts": [{"passage_id",
// "heading", "text", "from", "to", "amending_law", "version_dates", "absent", "current", "changes":
// [{"op": "same"|"deleted"|"inserted", "text"}]}]} (search/statute_history.h).
nlohmann::json history_to_json(const ArticleHistory& history);
nlohmann::json diff_to_json(const std::vector<DiffSegment>& diff);

}  // namespace tsubo
