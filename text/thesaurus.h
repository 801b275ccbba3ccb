// The legal thesaurus: requirement terms and their statutory wording, abbreviations, spelling
// variants. Its data is text/legal_thesaurus.tsv, compiled in.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tsubo {

struct ThesaurusError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Thesaurus {
 public:
  // Parses the TSV format described at the top of legal_thesaurus.tsv; throws ThesaurusError
  // naming the line for an unknown kind or a group with fewer than two expressions.
  static Thesaurus parse(std::string_view tsv);
  // The compiled-in thesaurus.
  static const Thesaurus& builtin();

  // Other expressions a query for `expression` should also find (NFKC, spaces ignored), as written
  // in the file; empty when it has none.
  std::vector<std::string> alternatives(std::string_view expression) const;

  std::size_t size() const { return expansions_.size(); }

  // A legal requirement (要件) the thesaurus names with `requirement` lines: its name (the first
  // expression) and every expression that says it.
  struct Requirement {
    std::string name;
    std::vector<std::string> expressions;
    std::vector<std::string> keys;  // key() of each expression, computed once for the indexer's tagging
  };
  const std::vector<Requirement>& requirements() const { return requirements_; }

  // The key expressions are compared by: NFKC, lower case, no white space.
  static std::string key(std::string_view expression);

 private:
  std::map<std::string, std::vector<std::string>> expansions_;
  std::vector<Requirement> requirements_;
};

}  // namespace tsubo
