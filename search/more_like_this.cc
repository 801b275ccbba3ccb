// Relevance feedback: RSet of one passage → expand set of unprefixed words → OR query, own document excluded.
#include "search/more_like_this.h"

#include "search/hit_record.h"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "indexer/passage_document.h"
#include "indexer/schema.h"
#include "search/search_query.h"
#include "search/searcher.h"
#include "search/snippet.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

constexpr Xapian::termcount kExpandTerms = 20;

bool all_hiragana(const std::string& term) {
  for (std::size_t i = 0; i < term.size();) {
    const char32_t cp = utf8::next(term, i);
    if (cp < U'\u3041' || cp > U'\u309F') return false;
  }
  return true;
}

// Content words only: no prefixed filter terms (XD…, S…), no single characters, no numbers, and no
// words all in hiragana (について, として: function words that MeCab keeps whole).
struct ContentWords : Xapian::ExpandDecider {
  bool operator()(const std::string& term) const override {
    if (schema::is_prefixed_term(term)) return false;
    if (utf8::length(term) < 2 || all_hiragana(term)) return false;
    return term.find_first_not_of("0123456789") != std::string::npos;
  }
};

}  // namespace

std::optional<std::vector<SearchHit>> more_like_this(const Xapian::Database& db, const std::string& passage_id,
                                                     std::size_t limit, const Analyzer& analyzer,
                                                     const std::vector<std::string>& groups) {
  const std::string id_term = prefixed_term(schema::kPrefixPassageId, passage_id);
  const std::vector<Xapian::docid> found = readable_documents(db, Xapian::Query(id_term), groups, 1);
  if (found.empty()) return std::nullopt;
  const Xapian::docid source = found.front();
  const auto source_rec = nlohmann::json::parse(db.get_document(source).get_data());

  Xapian::RSet rset;
  rset.add_document(source);
  Xapian::Enquire enquire(db);
  const ContentWords decider;
  const Xapian::ESet eset = enquire.get_eset(kExpandTerms, rset, &decider);
  std::vector<std::string> words(eset.begin(), eset.end());
  std::vector<SearchHit> hits;
  if (words.empty()) return hits;

  Xapian::Query query(Xapian::Query::OP_OR, words.begin(), words.end());
  query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                        Xapian::Query(prefixed_term(schema::kPrefixDocId, source_rec.value("doc_id", ""))));
  enquire.set_query(readable_by(query, groups));
  const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    SearchHit h = hit_from_record(it.get_document().get_data());
    h.rank = hits.size() + 1;
    h.score = it.get_weight();
    h.snippet = make_snippet(h.text, words, analyzer);
    hits.push_back(std::move(h));
  }
  return hits;
}

}  // namespace tsubo
