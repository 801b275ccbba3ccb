// Read side of a tsubo database: query + filters → ranked passages with snippets.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "search/ranking.h"
#include "search/statute_versions.h"

namespace Xapian {
class Database;
}

namespace tsubo {

class Analyzer;

struct SearchError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct SearchRequest {
  std::string query;
  std::vector<std::string> types;   // statute | ruling | guidance (any of them)
  std::vector<std::string> courts;  // court names as printed (any of them)
  std::vector<std::string> laws;    // law titles (any of them)
  std::vector<std::string> requirements;  // requirement tags: 秘密管理性, or 秘密管理性:denied / :affirmed
  std::vector<std::string> right_types;   // rulings' right type: 不正競争, 特許権, … (any of them)
  std::vector<std::string> articles;      // statute articles: 2, 19の2, 第十九条の二 (any of them; with laws, of those laws)
  std::vector<std::string> cites;         // passages citing any of these: 不正競争防止法2条6項, 不競法21条, 不正競争防止法/2/6
  std::vector<std::string> doc_ids;       // passages of these documents only (ruling/87028; a grouped card's other passages)
  // yyyymmdd, inclusive; 0 = open (search/date_filter.h reads typed dates). The dates of rulings and
  // guidance: a statute's date is its promulgation, not its text's, so a range leaves statutes out.
  std::vector<std::string> collections;   // only these collections (社内規程; "public": the public corpus)
  std::vector<std::string> groups;        // who is asking: public passages and those of these groups (none: public only)
  // yyyymmdd, inclusive; 0 = open (search/date_filter.h reads typed dates). The dates of rulings and
  // guidance: a statute's date is its promulgation, not its text's, so a range leaves statutes out.
  int date_from = 0, date_to = 0;
  // Statute versions (search/statute_versions.h): the texts in force on as_of (yyyymmdd; 0 = today),
  // or every distinct text of every version with all_versions. Rulings and guidance are not filtered.
  int as_of = 0;
  bool all_versions = false;
  std::size_t offset = 0;
  std::size_t limit = 10;
  bool sort_by_date = false;        // newest first instead of relevance
  // One hit a ruling (its best passage; SearchHit::more_in_document counts the rest), statute articles
  // and guidance sections each their own: a lawyer reads cases as cases. Paging and total count hits.
  bool group_by_document = false;
  bool facets = false;              // count type, court, year, law, right type over the matches
  std::size_t facet_sample = 5000;  // with facets, check at most this many matches (0 = all): a query
                                    // matching most of a large index would otherwise read every one
  RankingParams ranking;            // defaults are the tuned values
  bool explain = false;             // fill SearchHit::explanation
  double time_limit_ms = 0;         // stop checking further matches after this long (0 = none); the
                                    // best hits found by then are returned and `total` is a lower bound
};

// Why a passage scored what it did (--explain).
struct Explanation {
  std::vector<std::string> matched_terms;  // index terms of the query found in the passage
  std::vector<std::string> matched_words;  // the typed words and synonyms as the passage writes them
  std::string role;                        // reasoning, claims, definition, … (indexer/passage_role.h)
  double role_prior = 0;                   // part of the score added for the role
  double text_score = 0;                   // BM25 over body and headings (score − role_prior)
  bool promoted = false;                   // shown above higher scores as the best of its type (type_mix.h)
  std::string outcome;                     // the court's outcome the query asked for, found here (秘密管理性:denied)
  double outcome_lift = 0;                 // part of the score added for it
};

// One facet value and how many matching passages carry it.
struct FacetCount {
  std::string value;
  std::size_t count = 0;
};

// Facet name (type, court, year, law, right_type, requirement, cited) → values, most frequent first (years: newest first).
using Facets = std::vector<std::pair<std::string, std::vector<FacetCount>>>;

struct SearchHit {
  std::size_t rank = 0;  // 1-based, counting the offset
  double score = 0;
  std::string doc_id, passage_id, type, title, heading, snippet, text;
  std::string court, date, case_number, law, article, section, role;
  std::string decision_kind;  // rulings: 判決 | 決定 | 命令 as the text says; empty when it does not
  std::string collection;     // "public" for the public corpus, else the private collection's name
  bool restricted = false;    // readable by some groups only
  std::vector<std::string> requirements;  // requirement tags, e.g. 秘密管理性:denied
  VersionInfo version;      // statutes of which several versions are indexed: which one this is
  // With group_by_document: the document's other matching passages (Xapian's collapse count; exact
  // when every match was checked, e.g. with facets, else a lower bound).
  std::size_t more_in_document = 0;
  Explanation explanation;  // filled when the request asked for it
};

// How the query was read (--explain): a question's concepts and their weight, what was dropped, what
// its best passages added, the outcome it asks for.
struct QueryReading {
  bool question = false;
  struct Concept {
    std::string text;            // as the query writes it (顧客名簿)
    std::size_t passages = 0;    // passages holding its rarest term
    double weight = 0;           // that term's BM25 idf: what a match adds, before k1
  };
  std::vector<Concept> concepts;
  std::vector<std::string> dropped;         // particles, auxiliaries, one-character verbs
  std::vector<std::string> feedback_terms;  // added from the best passages, scaled by feedback_weight
  double feedback_weight = 0;
  std::vector<std::string> outcome_tags;    // requirement outcomes lifted (秘密管理性:denied)
};

struct SearchResponse {
  std::string query;
  std::size_t total = 0;  // matching passages: exact when total_exact, else Xapian's estimate
  bool total_exact = false;  // Xapian counted every match (its lower and upper bounds agree)
  double took_ms = 0;
  std::vector<SearchHit> hits;
  bool grouped = false;   // group_by_document: a ruling is one hit; articles and guidance sections their own
  Facets facets;          // filled when the request asked for facets
  bool facets_estimated = false;  // more matches than facet_sample: counts scaled up from those checked
  std::vector<std::string> missing_shards;  // "<shard>: <reason>" for shards that did not answer: partial hits
  std::optional<QueryReading> reading;      // filled when the request asked for explain
};

inline constexpr std::size_t kMaxResultsPerPage = 1000;

class Searcher {
 public:
  // Opens the database read-only. Throws SearchError when it is missing, was not built by tsubo, or
  // was built with a different analyzer or dictionary than `analyzer` (the queries would miss).
  Searcher(const std::string& db_path, const Analyzer& analyzer);
  // Searches several databases as one, with global ranking (search/shards.h: folders, stub files,
  // tcp://host:port of xapian-tcpsrv). Shards that cannot be opened, or fail during a search, are
  // left out and named in each response's missing_shards; throws SearchError when none opens.
  Searcher(const std::vector<std::string>& shards, const Analyzer& analyzer);
  ~Searcher();

  // Throws QuerySyntaxError for a malformed query, SearchError for bad filters.
  SearchResponse search(const SearchRequest& request);

  std::size_t passage_count() const;
  // The database (or shards as one) this Searcher reads, to share rather than open a second time.
  const Xapian::Database& database() const;
  // Which version of each statute is in force when (read when the database was opened).
  const StatuteVersions& versions() const;
  // Shards that did not open, "<shard>: <reason>" (empty for one database).
  const std::vector<std::string>& missing_shards() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace tsubo
