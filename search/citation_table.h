// Who cites what: passages citing a provision or a ruling, counts per cited article, and links
// from a citation to the indexed passage it names (statute/6273#art2, ruling/87028#p1).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace Xapian {
class Database;
}

namespace tsubo {

struct StatuteCitation;
struct RulingCitation;
class StatuteVersions;

// A reference typed by a user (不正競争防止法2条6項, 東京高判平成29・3・21, 平成22年(ネ)第10039号)
// as the citation term to look up. Throws std::invalid_argument naming the reference when it is
// neither a statute with its law nor a ruling.
struct CitationQuery {
  std::string reference;  // as typed
  bool statute = true;
  std::string key;        // 不正競争防止法/2/6, or 平成22(ネ)10039, or 東京高等裁判所|2017-03-21
  std::string term;       // the Xapian term
  std::string target;     // the indexed passage it names, empty when not in the index
};
// Every function here takes the reader's groups (search/search_query.h, readable_by): passages they
// may not read are neither listed, counted nor named as targets. No groups: public passages only.
CitationQuery parse_citation_query(const Xapian::Database& db, const std::string& reference,
                                   const std::vector<std::string>& groups = {});

// The passage that holds a cited article: statute passages of that law (meta.law) and article,
// the main provision's #art<N> first; with versions, the version in force on `day` (yyyymmdd, 0 =
// today: search/statute_versions.h). Empty when the law or article is not indexed.
std::string resolve_statute(const Xapian::Database& db, const std::string& law, const std::string& article,
                            const StatuteVersions* versions = nullptr, int day = 0,
                            const std::vector<std::string>& groups = {});

// The first passage of an indexed ruling with that case number, or that court and date.
std::string resolve_ruling(const Xapian::Database& db, const std::string& case_number, const std::string& court,
                           const std::string& date, const std::vector<std::string>& groups = {});

struct CitingPassage {
  std::string passage_id, doc_id, type, title, heading, court, date, case_number;
  std::vector<std::string> cites;  // the finest keys under the query this passage cites (…/2/6/4), in
                                   // citation_key_less order
};

// Passages citing the query's term, in index order; `total` gets their number.
std::vector<CitingPassage> citing_passages(const Xapian::Database& db, const CitationQuery& query, std::size_t limit,
                                           std::size_t& total, const std::vector<std::string>& groups = {});

struct CitedCount {
  std::string key;        // 不正競争防止法/2/6
  std::size_t passages = 0;
  std::string target;     // resolved passage id, empty when not indexed
  std::string label;      // citation_label(key): 不正競争防止法2条6項
};

struct CitationSummary {
  std::size_t cited_articles = 0;     // distinct law/article keys cited
  std::size_t citations = 0;          // (citing passage, cited article) pairs
  std::size_t resolved_articles = 0;  // distinct cited articles found in the index
  std::size_t resolved_citations = 0; // pairs whose article is in the index
  std::size_t ruling_citations = 0;   // (citing passage, cited case number) pairs
  std::size_t resolved_ruling_citations = 0;
  std::size_t dated_ruling_citations = 0;  // (citing passage, court|date) pairs (東京高判平成29・3・21)
  std::size_t resolved_dated_ruling_citations = 0;
  std::vector<CitedCount> top;        // most cited articles first
};

// A citation key as people write it: 不正競争防止法/2/1/7 → 不正競争防止法2条1項7号, …/19の2 →
// 不正競争防止法19条の2, 不正競争防止法(旧)/2 → 旧不正競争防止法2条; a ruling's court|date →
// 東京高等裁判所 2017-03-21; a case number as it is.
std::string citation_label(const std::string& key);

// Statute keys in the order of the law: by law, then article, paragraph and item as numbers (2/1/2
// before 2/1/10, 19 before 19の2 before 20), a provision before those under it. Other keys as text.
bool citation_key_less(const std::string& a, const std::string& b);

// Every cited article with its count, the most cited first (`limit` of them in top). With
// citing_type (statute | ruling | guidance), only citations made by passages of that type count.
CitationSummary summarize_citations(const Xapian::Database& db, std::size_t limit, const std::string& citing_type = "",
                                    const std::vector<std::string>& groups = {});

// Counts for one reference: the provision itself, then each finer provision under it in
// citation_key_less order.
std::vector<CitedCount> cited_counts(const Xapian::Database& db, const CitationQuery& query,
                                     const std::vector<std::string>& groups = {});

nlohmann::json to_json(const CitingPassage& p);
nlohmann::json to_json(const CitedCount& c);

}  // namespace tsubo
