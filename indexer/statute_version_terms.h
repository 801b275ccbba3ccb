// The terms that tie a statute's versions together (schema.h: XV, XW, the text hash), written by the
// indexer and read by the search, so both agree on one spelling.
#pragma once

#include <optional>
#include <string>

#include <xapian.h>

#include "corpus/document.h"

namespace tsubo {

// What one XV term says: which law, which version of it, which document holds that version.
struct VersionTerm {
  std::string law_key;       // the law number, NFKC, no spaces: 平成五年法律第四十七号
  std::string date;          // enforcement date yyyymmdd; "00000000" for an undated text (a text export)
  std::string amending_law;  // e-Gov law ID of the amending law; empty for the first or undated version
  std::string doc_id;        // statute/405AC0000000047_20190701_430AC0000000033
};

// The key that groups versions of one law: its law number (平成五年法律第四十七号), NFKC, no spaces.
std::string law_key(const std::string& law_number);

// Adds XV, and for an article XW and the text hash, to a statute passage's Xapian document; nothing
// for a statute without a law number (it cannot be matched with other versions) or for other types.
void add_version_terms(Xapian::Document& xdoc, const Document& doc, const Passage& passage);

// XW<law key>#<passage key>: an article's passages across versions.
std::string article_versions_term(const std::string& law_key, const std::string& passage_key);

// Reads an XV term back; nullopt when it is not one.
std::optional<VersionTerm> parse_version_term(const std::string& term);

}  // namespace tsubo
