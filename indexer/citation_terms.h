// A passage's citations as boolean Xapian terms (schema::kPrefixCitesStatute, kPrefixCitesRuling).
#pragma once

#include <string>

#include <xapian.h>

#include "corpus/document.h"

namespace tsubo {

// Adds XK<law/article[/paragraph[/item]]> and XJ<case number | court|date> for the passage's citations,
// and the cited articles as a facet value (schema::kValueCitedArticles), leaving out own_article_key
// (law/article of a statute passage: its references to itself are not citations of interest).
void add_citation_terms(Xapian::Document& xdoc, const Passage& passage, const std::string& own_article_key);

// The term a citation key is indexed under.
std::string cites_statute_term(const std::string& key);
std::string cites_ruling_term(const std::string& key);

}  // namespace tsubo
