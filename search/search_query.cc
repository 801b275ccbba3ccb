// Request → Xapian query: the words, each filter checked against what the index holds, the version
// in force, the access filter, the priors (see search_query.h).
#include "search/search_query.h"

#include "search/question_expansion.h"

#include <algorithm>
#include <regex>

#include "corpus/document.h"
#include "indexer/citation_terms.h"
#include "indexer/collection_grants.h"
#include "indexer/passage_document.h"
#include "indexer/schema.h"
#include "search/statute_versions.h"
#include "text/analyzer.h"
#include "text/citations.h"
#include "text/japanese_numbers.h"
#include "text/normalize.h"
#include "text/thesaurus.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

Xapian::Query any_of(const char* prefix, const std::vector<std::string>& values) {
  std::vector<Xapian::Query> terms;
  for (const auto& v : values) terms.emplace_back(prefixed_term(prefix, v));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// Up to three values the index holds under prefix that look like `typed`: containing it or
// contained in it first, then the closest by edit distance.
std::vector<std::string> look_alikes(const Xapian::Database& db, const char* prefix, const std::string& typed) {
  const std::u32string t = utf8::to_u32(typed);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    const std::string value = (*it).substr(std::char_traits<char>::length(prefix));
    const std::size_t d = value.find(typed) != std::string::npos || typed.find(value) != std::string::npos
                              ? 0
                              : edit_distance(t, utf8::to_u32(value));
    if (d <= std::max<std::size_t>(2, t.size() / 2)) scored.emplace_back(d, value);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && i < 3; ++i) out.push_back(scored[i].second);
  return out;
}

[[noreturn]] void unknown_value(const Xapian::Database& db, const char* what, const char* prefix, const std::string& typed,
                                const std::string& normalised) {
  std::string message = "[search] " + std::string(what) + " «" + typed + "» matches nothing in the index";
  const auto near = look_alikes(db, prefix, normalised);
  if (!near.empty()) {
    message += "; did you mean";
    for (std::size_t i = 0; i < near.size(); ++i) message += (i ? ", «" : " «") + near[i] + "»";
    message += "?";
  }
  throw SearchError(message);
}

// A filter over values written by people (laws, courts, requirement tags, right types): each value
// with its thesaurus equivalents (不競法 → 不正競争防止法, 知財高裁 → 知的財産高等裁判所) and, with
// `by_prefix`, every indexed value it begins (東京高等裁判所 → 東京高等裁判所第10刑事部). A value
// that matches nothing the index holds is an error that suggests what it does hold.
Xapian::Query known_values(const Xapian::Database& db, const char* what, const char* prefix,
                           const std::vector<std::string>& typed, bool by_prefix) {
  std::vector<std::string> terms;
  for (const auto& value : typed) {
    std::vector<std::string> forms = {value};
    for (const auto& alt : Thesaurus::builtin().alternatives(value)) forms.push_back(alt);
    bool found = false;
    for (const auto& form : forms) {
      const std::string term = prefixed_term(prefix, normalize_nfkc(form));
      if (db.term_exists(term)) {
        terms.push_back(term.substr(std::char_traits<char>::length(prefix)));
        found = true;
      }
      if (!by_prefix) continue;
      for (auto it = db.allterms_begin(term); it != db.allterms_end(term); ++it) {
        if (*it == term) continue;
        terms.push_back((*it).substr(std::char_traits<char>::length(prefix)));
        found = true;
      }
    }
    if (!found) unknown_value(db, what, prefix, value, prefixed_term("", normalize_nfkc(value)));
  }
  return any_of(prefix, terms);
}

// 不正競争防止法2条6項 / 不競法２条６項 / 不正競争防止法/2/6 → the citation key 不正競争防止法/2/6.
std::string citation_key(const std::string& written) {
  if (written.find('/') != std::string::npos) return utf8::remove_spaces(normalize_nfkc(written));
  const auto cite = parse_statute_reference(written);
  if (!cite || cite->article.empty())
    throw SearchError("[search] «" + written + "» is not a statute reference: write e.g. 不正競争防止法2条6項");
  return cite->key();
}

// 2 / ２ / 19の2 / 第十九条の二 / 2条 → the article number as indexed (19の2); empty when it is none.
std::string article_number(const std::string& written) {
  const std::string s = utf8::remove_spaces(normalize_nfkc(written));
  static const std::regex arabic("[0-9]+(の[0-9]+)*");
  if (std::regex_match(s, arabic)) return s;
  const auto article = parse_article_number(s.rfind("第", 0) == 0 ? s : "第" + s);
  return article ? *article : std::string();
}

std::vector<Xapian::Query> request_filters(const SearchRequest& request, const Xapian::Database& db) {
  std::vector<Xapian::Query> filters;
  if (!request.types.empty()) {
    for (const auto& t : request.types) {
      DocType dt;
      if (!parse_doc_type(t, dt)) throw SearchError("[search] unknown type «" + t + "»: use statute, ruling or guidance");
    }
    filters.push_back(any_of(schema::kPrefixType, request.types));
  }
  if (!request.courts.empty()) filters.push_back(known_values(db, "court", schema::kPrefixCourt, request.courts, true));
  if (!request.laws.empty()) filters.push_back(known_values(db, "law", schema::kPrefixLaw, request.laws, false));
  if (!request.requirements.empty())
    filters.push_back(known_values(db, "requirement", schema::kPrefixRequirement, request.requirements, false));
  if (!request.right_types.empty())
    filters.push_back(known_values(db, "right type", schema::kPrefixRightType, request.right_types, false));
  if (!request.articles.empty()) {
    std::vector<std::string> numbers;
    for (const auto& a : request.articles) {
      const std::string n = article_number(a);
      if (n.empty()) throw SearchError("[search] «" + a + "» is not an article number: write 2, 19の2 or 第十九条の二");
      numbers.push_back(n);
    }
    filters.push_back(any_of(schema::kPrefixArticle, numbers));
  }
  if (!request.cites.empty()) {
    std::vector<Xapian::Query> citing;
    for (const auto& c : request.cites) citing.emplace_back(cites_statute_term(citation_key(c)));
    filters.emplace_back(Xapian::Query::OP_OR, citing.begin(), citing.end());
  }
  if (!request.doc_ids.empty()) filters.push_back(any_of(schema::kPrefixDocId, request.doc_ids));
  if (!request.collections.empty()) {
    // "public" is the public corpus: the passages of no collection.
    std::vector<Xapian::Query> named;
    for (const auto& c : request.collections) {
      if (c == "public") {
        named.emplace_back(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                           Xapian::Query(Xapian::Query::OP_WILDCARD, schema::kPrefixCollection));
      } else {
        if (!is_collection_name(c))
          throw SearchError("[search] «" + utf8::sanitize(c) + "» is not a collection name");
        named.emplace_back(prefixed_term(schema::kPrefixCollection, c));
      }
    }
    filters.emplace_back(Xapian::Query::OP_OR, named.begin(), named.end());
  }
  if (request.date_from || request.date_to) {
    const std::string lo = request.date_from ? std::to_string(request.date_from) : "00000000";
    const std::string hi = request.date_to ? std::to_string(request.date_to) : "99999999";
    // Rulings and guidance dated in the range; a statute's date (its promulgation: 会社法 2005, 民法
    // 1896) says nothing of when its text was written or applied, so statutes are left out.
    filters.emplace_back(Xapian::Query::OP_AND_NOT,
                         Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kValueDate, lo, hi),
                         Xapian::Query(prefixed_term(schema::kPrefixType, "statute")));
  }
  return filters;
}

// Role name (indexer/passage_role.h) → the prior the ranking adds for it.
std::vector<std::pair<std::string, double>> role_priors(const RankingParams& p) {
  return {{"reasoning", p.role_reasoning},   {"claims", p.role_claims},       {"background", p.role_background},
          {"definition", p.role_definition}, {"provision", p.role_provision}, {"guidance", p.role_guidance}};
}

// Role priors, added to the weight of passages that match anyway (AND_MAYBE never adds matches): a
// fixed weight filtered by the role's boolean term. (A ValueMapPostingSource over the role value
// did the same but read the value table for every candidate: a fifth of all query time.)
Xapian::Query role_prior_query(const RankingParams& p) {
  std::vector<Xapian::Query> lifted;
  for (const auto& [name, prior] : role_priors(p)) {
    if (prior == 0) continue;
    auto* weight = new Xapian::FixedWeightPostingSource(prior);
    lifted.emplace_back(Xapian::Query::OP_FILTER, Xapian::Query(weight->release()),
                        Xapian::Query(prefixed_term(schema::kPrefixRole, name)));
  }
  return Xapian::Query(Xapian::Query::OP_OR, lifted.begin(), lifted.end());
}

}  // namespace

Xapian::Query SearchQuery::with_priors(const Xapian::Query& q) const {
  return priors.empty() ? q : Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, priors);
}

Xapian::Query readable_by(const Xapian::Query& q, const std::vector<std::string>& groups) {
  // q AND_NOT (XU AND_NOT (XGa OR XGb …)): what is restricted and not to one of the groups is left out.
  std::vector<Xapian::Query> granted;
  for (const auto& g : groups) {
    if (!is_group_name(g)) throw SearchError("[search][acl] «" + utf8::sanitize(g) + "» is not a group name");
    granted.emplace_back(prefixed_term(schema::kPrefixGroup, g));
  }
  Xapian::Query hidden(schema::kTermRestricted);
  if (!granted.empty())
    hidden = Xapian::Query(Xapian::Query::OP_AND_NOT, hidden, Xapian::Query(Xapian::Query::OP_OR, granted.begin(), granted.end()));
  return Xapian::Query(Xapian::Query::OP_AND_NOT, q, hidden);
}

std::vector<Xapian::docid> readable_documents(const Xapian::Database& db, const Xapian::Query& q,
                                              const std::vector<std::string>& groups, Xapian::doccount limit) {
  Xapian::Enquire enquire(db);
  enquire.set_query(readable_by(q, groups));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::MSet m = enquire.get_mset(0, limit ? limit : std::max<Xapian::doccount>(1, db.get_doccount()));
  return {m.begin(), m.end()};
}

bool has_restricted(const Xapian::Database& db) { return db.term_exists(schema::kTermRestricted); }

Xapian::Query only_in_force(const Xapian::Query& q, const StatuteVersions& versions, int day) {
  const Xapian::Query hidden = versions.hidden_query(day ? day : today_yyyymmdd());
  return hidden.empty() ? q : Xapian::Query(Xapian::Query::OP_AND_NOT, q, hidden);
}

SearchQuery build_search_query(const SearchRequest& request, const Analyzer& analyzer, const Xapian::Database& db,
                               const StatuteVersions& versions) {
  SearchQuery out;
  out.parsed = parse_query(request.query, analyzer, request.ranking, &db);
  out.text = out.parsed.query;
  if (out.parsed.question) {
    QuestionExpansion expanded = expand_question(db, out.text, analyzer, request.ranking);
    out.text = expanded.query;
    out.feedback_terms = std::move(expanded.added);
  }
  for (const auto& f : request_filters(request, db)) out.text = Xapian::Query(Xapian::Query::OP_FILTER, out.text, f);
  // Who is asking: passages the request's groups may not read are never matched, so no hit, count,
  // facet or snippet can show them.
  out.text = readable_by(out.text, request.groups);
  // Each law once, in the version in force on the day asked (today by default); with all_versions
  // every version, but never a second copy of one revision.
  if (request.all_versions) {
    if (const Xapian::Query copies = versions.duplicates_query(); !copies.empty())
      out.text = Xapian::Query(Xapian::Query::OP_AND_NOT, out.text, copies);
  } else {
    out.text = only_in_force(out.text, versions, request.as_of);
  }
  // Priors go around the filtered words, not under the filters: with a filter over the priors'
  // AND_MAYBE, Xapian 1.4.22 gave some passages weight they do not have (18.6 for a statute
  // article that scores 7.1 unfiltered on 予算総則 --type statute).
  out.priors = role_prior_query(request.ranking);
  // The court's outcome the query asks for (秘密管理性 否定): a lift like the priors, never a filter.
  if (!out.parsed.outcome_tags.empty()) {
    std::vector<Xapian::Query> lifts;
    if (!out.priors.empty()) lifts.push_back(out.priors);
    for (const auto& tag : out.parsed.outcome_tags) {
      auto* weight = new Xapian::FixedWeightPostingSource(request.ranking.outcome_weight);
      lifts.emplace_back(Xapian::Query::OP_FILTER, Xapian::Query(weight->release()),
                         Xapian::Query(prefixed_term(schema::kPrefixRequirement, tag)));
    }
    out.priors = Xapian::Query(Xapian::Query::OP_OR, lifts.begin(), lifts.end());
  }
  return out;
}

double role_prior_of(const RankingParams& p, const std::string& role) {
  for (const auto& [name, prior] : role_priors(p))
    if (name == role) return prior;
  return 0;
}

}  // namespace tsubo
