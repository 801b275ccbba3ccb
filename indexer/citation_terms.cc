// Boolean terms for what a passage cites, so `cites` filters are exact term lookups.
#include "indexer/citation_terms.h"

#include "indexer/passage_document.h"
#include "indexer/schema.h"

namespace tsubo {

std::string cites_statute_term(const std::string& key) { return prefixed_term(schema::kPrefixCitesStatute, key); }
std::string cites_ruling_term(const std::string& key) { return prefixed_term(schema::kPrefixCitesRuling, key); }

void add_citation_terms(Xapian::Document& xdoc, const Passage& passage) {
  for (const auto& key : passage.cited_statutes) xdoc.add_boolean_term(cites_statute_term(key));
  for (const auto& key : passage.cited_rulings) xdoc.add_boolean_term(cites_ruling_term(key));
}

}  // namespace tsubo
