// XV / XW terms and the text hash of statute versions (see statute_version_terms.h).
#include "indexer/statute_version_terms.h"

#include <cstdio>

#include "indexer/passage_document.h"
#include "indexer/schema.h"
#include "text/japanese_numbers.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

// FNV-1a over the law, the article's key and its text without white space: a reformatted but
// unchanged article (text export against XML) hashes alike.
std::string text_hash(const std::string& key, const std::string& text) {
  uint64_t h = 1469598103934665603ull;
  const auto mix = [&h](const std::string& s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  };
  mix(key);
  mix("\n");
  mix(utf8::remove_spaces(normalize_nfkc(text)));
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

std::string law_key(const std::string& law_number) { return utf8::remove_spaces(normalize_nfkc(law_number)); }

std::string article_versions_term(const std::string& key, const std::string& passage_key) {
  return prefixed_term(schema::kPrefixArticleVersions, key + "#" + passage_key);
}

void add_version_terms(Xapian::Document& xdoc, const Document& doc, const Passage& passage) {
  if (doc.type != DocType::Statute || doc.meta.law_number.empty()) return;
  const std::string key = law_key(doc.meta.law_number);
  std::string date = compact_date(doc.meta.version_date);
  if (date.empty()) date = "00000000";
  xdoc.add_boolean_term(prefixed_term(schema::kPrefixLawVersion,
                                      key + "|" + date + "|" + doc.meta.amending_law + "|" + doc.id));
  if (passage.article.empty()) return;
  const std::string passage_key = passage.id.substr(passage.id.find('#') + 1);
  xdoc.add_boolean_term(article_versions_term(key, passage_key));
  xdoc.add_value(schema::kValueTextHash, text_hash(key + "#" + passage_key, passage.text));
}

std::optional<VersionTerm> parse_version_term(const std::string& term) {
  const std::string prefix = schema::kPrefixLawVersion;
  if (term.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  VersionTerm v;
  std::string* fields[] = {&v.law_key, &v.date, &v.amending_law, &v.doc_id};
  std::size_t at = prefix.size();
  for (int k = 0; k < 4; ++k) {
    const std::size_t end = k == 3 ? term.size() : term.find('|', at);
    if (end == std::string::npos) return std::nullopt;
    *fields[k] = term.substr(at, end - at);
    at = end + 1;
  }
  if (v.date.size() != 8 || v.doc_id.empty()) return std::nullopt;
  return v;
}

}  // namespace tsubo
