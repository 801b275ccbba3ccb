// /api/suggest: completions for a half-typed query, from document titles, law and court names and
// indexed words.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace Xapian {
class Database;
}

namespace tsubo {

struct Suggestion {
  std::string text;   // what the query box should hold when it is chosen
  std::string kind;   // title | law | court | term
  std::size_t count;  // passages carrying it
};

// Shared by all server threads. Titles are collected once per database revision (one read per
// document), so a re-index shows up; indexed words are read from the term list on every call.
class Suggester {
 public:
  // At most `limit` suggestions: titles, laws and courts holding what was typed (those starting
  // with it first), then indexed words that complete the last typed word. Only what a reader of
  // `groups` may read is suggested or counted (search/search_query.h, readable_by): a private title,
  // or a word found only in private passages, is never offered to others. Thread-safe; each caller
  // passes its own open database.
  std::vector<Suggestion> suggest(const Xapian::Database& db, std::string_view typed, std::size_t limit,
                                  const std::vector<std::string>& groups = {});

 private:
  struct Name {
    std::string display, normalised, kind;
    std::size_t count;
    std::vector<std::string> groups;  // a private document's title: who may read it (empty: anyone)
  };
  std::vector<Name> names_for(const Xapian::Database& db);

  std::mutex mutex_;
  std::string revision_key_;  // database_fingerprint (search/shards.h) the names were collected at
  std::vector<Name> names_;
};

}  // namespace tsubo
