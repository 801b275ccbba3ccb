// Boolean terms for what a passage cites, so `cites` filters are exact term lookups.
#include "indexer/citation_terms.h"

#include "indexer/passage_document.h"
#include "indexer/schema.h"

namespace tsubo {

std::string cites_statute_term(const std::string& key) { return prefixed_term(schema::kPrefixCitesStatute, key); }
std::string cites_ruling_term(const std::string& key) { return prefixed_term(schema::kPrefixCitesRuling, key); }

void add_citation_terms(Xapian::Document& xdoc, const Passage& passage, const std::string& own_article_key) {
  std::string articles;  // the facet value: article-level keys (one '/'), its own article left out
  for (const auto& key : passage.cited_statutes) {
    xdoc.add_boolean_term(cites_statute_term(key));
    if (key.find('/') == key.rfind('/') && key != own_article_key) articles += (articles.empty() ? "" : "|") + key;
  }
  for (const auto& key : passage.cited_rulings) xdoc.add_boolean_term(cites_ruling_term(key));
  if (!articles.empty()) xdoc.add_value(schema::kValueCitedArticles, articles);
}

}  // namespace tsubo
