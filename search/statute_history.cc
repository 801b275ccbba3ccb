// An article's versions: its passages found by law and article number, laid on the law's version
// table, consecutive equal texts folded, each change diffed against the text before it.
#include "search/statute_history.h"

#include <map>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "indexer/passage_document.h"
#include "indexer/schema.h"
#include "search/search_query.h"
#include "search/statute_versions.h"
#include "text/citations.h"
#include "text/normalize.h"

namespace tsubo {
namespace {

struct Found {
  std::string passage_id, heading, text, hash;
};

}  // namespace

ArticleHistory article_history(const Xapian::Database& db, const StatuteVersions& table, const std::string& reference,
                               const Analyzer& analyzer, int today, const std::vector<std::string>& groups) {
  const auto cite = parse_statute_reference(reference);
  if (!cite || cite->article.empty() || cite->law.empty())
    throw HistoryError("[history] «" + reference + "» is not an article of a law: write e.g. 不競法2条 or 特許法35条");
  // Every statute passage of that law and article number, in any version (main provisions only: 附則
  // articles carry no XA term).
  Xapian::Query query(Xapian::Query::OP_AND,
                      Xapian::Query(prefixed_term(schema::kPrefixLaw, normalize_nfkc(cite->law))),
                      Xapian::Query(prefixed_term(schema::kPrefixArticle, cite->article)));
  std::map<std::string, std::map<std::string, Found>> by_law;  // law key → doc id → passage
  std::size_t single = 0;  // passages of laws indexed in one version only
  Xapian::Enquire enquire(db);
  enquire.set_query(readable_by(query, groups));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet found = enquire.get_mset(0, db.get_doccount());
  for (auto it = found.begin(); it != found.end(); ++it) {
    const Xapian::Document d = it.get_document();
    const std::string doc_id = d.get_value(schema::kValueDocId);
    const std::string key = table.law_of(doc_id);
    if (key.empty()) {
      ++single;
      continue;
    }
    const nlohmann::json rec = nlohmann::json::parse(d.get_data());
    by_law[key][doc_id] = {rec.value("passage_id", ""), rec.value("heading", ""), rec.value("text", ""),
                           d.get_value(schema::kValueTextHash)};
  }
  if (by_law.empty() && single > 0)
    throw HistoryError("[history] only one version of " + cite->law + " is in the index: nothing to compare (index its "
                       "versions, e.g. ../shared/corpus/statute-versions)");
  if (by_law.empty())
    throw HistoryError("[history] the index holds no article " + cite->article + " of " + cite->law +
                       " (index the law's versions, e.g. ../shared/corpus/statute-versions)");
  // Two laws of one title (rare): the one with more versions of the article.
  auto law = by_law.begin();
  for (auto it = by_law.begin(); it != by_law.end(); ++it)
    if (it->second.size() > law->second.size()) law = it;
  const std::vector<LawVersion>& versions = *table.versions_of(law->second.begin()->first);
  const LawVersion* now = table.in_force(law->first, today);

  ArticleHistory history;
  history.law = cite->law;
  history.law_number = law->first;
  history.article = cite->article;
  history.versions = versions.size();
  std::string last_hash = "\x01";  // no text yet
  for (const LawVersion& v : versions) {
    const auto passage = law->second.find(v.doc_id);
    const bool absent = passage == law->second.end();
    const std::string hash = absent ? std::string() : passage->second.hash;
    if (hash != last_hash || history.texts.empty()) {
      if (!history.texts.empty()) history.texts.back().to = iso_of(day_before(v.date));  // ends the day before
      ArticleText t;
      t.absent = absent;
      if (!absent) {
        t.passage_id = passage->second.passage_id;
        t.heading = passage->second.heading;
        t.text = passage->second.text;
      }
      t.from = iso_of(v.date);
      t.amending_law = law_id_label(v.amending_law);
      history.texts.push_back(std::move(t));
      last_hash = hash;
    }
    history.texts.back().version_dates.push_back(iso_of(v.date));
    if (&v == now) history.texts.back().current = true;
  }
  for (std::size_t i = 1; i < history.texts.size(); ++i)
    history.texts[i].changes = word_diff(history.texts[i - 1].text, history.texts[i].text, analyzer);
  return history;
}

ArticleDiff diff_between(const ArticleHistory& history, int a, int b, const Analyzer& analyzer) {
  // ISO days compare as text; an undated text's empty `from` comes before every day.
  const auto text_on = [&](int day) -> const ArticleText* {
    const std::string d = iso_of(std::to_string(day));
    const ArticleText* found = history.texts.empty() ? nullptr : &history.texts.front();
    for (const auto& t : history.texts)
      if (t.from <= d) found = &t;
    return found;
  };
  ArticleDiff out;
  out.before = text_on(a);
  out.after = text_on(b);
  if (out.before && out.after) out.changes = word_diff(out.before->text, out.after->text, analyzer);
  return out;
}

}  // namespace tsubo
