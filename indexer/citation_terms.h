// A passage's citations as boolean Xapian terms (schema::kPrefixCitesStatute, kPrefixCitesRuling).
#pragma once

#include <string>

#include <xapian.h>

#include "corpus/document.h"

namespace tsubo {

// Adds XK<law/article[/paragraph[/item]]> and XJ<case number | court|date> for the passage's citations.
void add_citation_terms(Xapian::Document& xdoc, const Passage& passage);

// The term a citation key is indexed under.
std::string cites_statute_term(const std::string& key);
std::string cites_ruling_term(const std::string& key);

}  // namespace tsubo
