// /api/doc: a whole document (statute, ruling or guideline) rebuilt, in order, from its stored passages.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace Xapian {
class Database;
}

namespace tsubo {

class Analyzer;
class StatuteVersions;

// {"doc_id", "type", "collection" ("public" or a private collection), "title", "meta": {court, date, case_number, case_name, right_type, law,
//   law_number, source_url},
//  "passages": [{"passage_id", "heading", "heading_path", "text", "html", "ordinal", "article", "section"}],
//  "citations": [{"text", "key", "passage_id", "doc_id", …}]}
// Passages come in document order (schema::kValueOrdinal). "html" is the escaped text with the words
// among highlight_terms in <mark>. "citations" lists the provisions the document cites, each with
// the indexed passage of the version in force on the document's date (a ruling reads the law of its
// day; other documents today's), and when that provision was amended since ("amended_on",
// "amended_by"; "now": the item's number today when an amendment renumbered it).
// nullopt when no passage belongs to doc_id, or none the reader's groups may read (readable_by in
// search/search_query.h): a private document is "not found" to others, not "forbidden". Citation
// links only name passages the groups may read. Xapian errors propagate (the caller reopens and retries).
std::optional<nlohmann::json> read_document(const Xapian::Database& db, const std::string& doc_id,
                                            const std::vector<std::string>& highlight_terms,
                                            const Analyzer& analyzer, const StatuteVersions& versions,
                                            const std::vector<std::string>& groups = {});

// A provision's citation key as lawyers write it: 不正競争防止法/2/6 → 不正競争防止法2条6項,
// 法/24の4 → 法24条の4, 法/40の6/1/1 → 法40条の6第1項第1号 (after a branch number 第 keeps the numbers
// apart), 法/2/1/14の2 → 法2条1項14号の2.
std::string provision_text(const std::vector<std::string>& parts);

// text HTML-escaped, every token whose term is in terms wrapped in <mark>, adjacent marks merged.
std::string mark_terms(std::string_view text, const std::vector<std::string>& terms, const Analyzer& analyzer);

}  // namespace tsubo
