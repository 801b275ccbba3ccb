// Citation lookups over the XK/XJ boolean terms of an index (indexer/citation_terms.h).
#include "search/citation_table.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "indexer/citation_terms.h"
#include "indexer/passage_document.h"
#include "indexer/schema.h"
#include "search/search_query.h"
#include "search/statute_versions.h"
#include "text/citations.h"
#include "text/normalize.h"

namespace tsubo {
namespace {

nlohmann::json record(const Xapian::Document& d) {
  try {
    return nlohmann::json::parse(d.get_data());
  } catch (const nlohmann::json::exception&) {
    return nlohmann::json::object();
  }
}

std::string str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string meta(const nlohmann::json& j, const char* key) {
  auto it = j.find("meta");
  return it != j.end() && it->is_object() ? str(*it, key) : "";
}

// The indexed article a key cites (不正競争防止法/2/6 → statute/6273#art2); an old law (…(旧)) has none.
std::string target_of_key(const Xapian::Database& db, const std::string& key, const StatuteVersions& versions,
                          const std::vector<std::string>& groups) {
  const StatuteCitation c = StatuteCitation::from_key(key);
  if (c.law.empty() || c.article.empty() || c.old_law) return "";
  return resolve_statute(db, c.law, c.article, &versions, 0, groups);
}

// The levels of a statute key: law, then article, paragraph, item ("19の2" stays one level).
std::vector<std::string> key_levels_of(const std::string& key) {
  std::vector<std::string> parts;
  for (std::size_t start = 0; start <= key.size();) {
    const std::size_t slash = std::min(key.find('/', start), key.size());
    parts.push_back(key.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

// "19の2" → {19, 2}; nullopt when a part is not a number.
std::optional<std::vector<unsigned long>> level_numbers(const std::string& level) {
  static const std::string kNo = "の";
  std::vector<unsigned long> out;
  for (std::size_t start = 0; start <= level.size();) {
    const std::size_t end = std::min(level.find(kNo, start), level.size());
    const std::string part = level.substr(start, end - start);
    if (part.empty() || part.size() > 9 || part.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    out.push_back(std::stoul(part));
    start = end + kNo.size();
  }
  return out;
}

// "19の2" and 条 → 19条の2.
std::string level_label(const std::string& level, const char* unit) {
  static const std::string kNo = "の";
  const std::size_t no = level.find(kNo);
  return no == std::string::npos ? level + unit : level.substr(0, no) + unit + level.substr(no);
}

}  // namespace

std::string citation_label(const std::string& key) {
  if (key.find('/') == std::string::npos) {
    const std::size_t bar = key.find('|');
    return bar == std::string::npos ? key : key.substr(0, bar) + " " + key.substr(bar + 1);
  }
  const StatuteCitation c = StatuteCitation::from_key(key);
  std::string out = (c.old_law ? "旧" : "") + c.law;
  if (!c.article.empty()) out += level_label(c.article, "条");
  if (!c.paragraph.empty()) out += level_label(c.paragraph, "項");
  if (!c.item.empty()) out += level_label(c.item, "号");
  return out;
}

bool citation_key_less(const std::string& a, const std::string& b) {
  const std::vector<std::string> x = key_levels_of(a), y = key_levels_of(b);
  const bool statute_a = x.size() > 1, statute_b = y.size() > 1;
  if (!statute_a || !statute_b) return statute_a != statute_b ? statute_a : a < b;  // rulings as text, last
  if (x[0] != y[0]) return x[0] < y[0];
  for (std::size_t i = 1; i < x.size() && i < y.size(); ++i) {
    if (x[i] == y[i]) continue;
    const auto m = level_numbers(x[i]), n = level_numbers(y[i]);
    if (m && n) return *m < *n;
    if (m.has_value() != n.has_value()) return m.has_value();  // numbers before anything else
    return x[i] < y[i];
  }
  return x.size() < y.size();
}

std::string resolve_statute(const Xapian::Database& db, const std::string& law, const std::string& article,
                            const StatuteVersions* versions, int day, const std::vector<std::string>& groups) {
  const std::vector<Xapian::Query> parts = {Xapian::Query(prefixed_term(schema::kPrefixLaw, normalize_nfkc(law))),
                                            Xapian::Query(prefixed_term(schema::kPrefixArticle, article)),
                                            Xapian::Query(prefixed_term(schema::kPrefixType, "statute"))};
  Xapian::Query q(Xapian::Query::OP_AND, parts.begin(), parts.end());
  if (versions) q = only_in_force(q, *versions, day);
  q = readable_by(q, groups);
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  std::string first;
  const Xapian::MSet m = enquire.get_mset(0, 50);
  const std::string suffix = "#art" + article;
  for (auto it = m.begin(); it != m.end(); ++it) {
    const std::string id = str(record(it.get_document()), "passage_id");
    if (id.size() > suffix.size() && id.compare(id.size() - suffix.size(), suffix.size(), suffix) == 0) return id;
    if (first.empty()) first = id;
  }
  return first;
}

std::string resolve_ruling(const Xapian::Database& db, const std::string& case_number, const std::string& court,
                           const std::string& date, const std::vector<std::string>& groups) {
  std::vector<Xapian::Query> parts = {Xapian::Query(prefixed_term(schema::kPrefixType, "ruling"))};
  if (date.size() >= 4) parts.emplace_back(prefixed_term(schema::kPrefixYear, date.substr(0, 4)));
  Xapian::Enquire enquire(db);
  enquire.set_query(readable_by(Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()), groups));
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet m = enquire.get_mset(0, db.get_doccount());
  std::set<std::string> seen_docs;
  for (auto it = m.begin(); it != m.end(); ++it) {
    const auto r = record(it.get_document());
    if (!seen_docs.insert(str(r, "doc_id")).second) continue;  // one look per ruling
    const bool number_ok = case_number.empty() || meta(r, "case_number") == case_number;
    const bool court_ok = court.empty() || citation_court(meta(r, "court")) == court;
    const bool date_ok = date.empty() || meta(r, "date") == date;
    if (number_ok && court_ok && date_ok) return str(r, "doc_id") + "#p1";
  }
  return "";
}

// Passages holding term among those shown today (statute versions not in force left out), of
// citing_type when given: counted exactly.
static Xapian::doccount in_force_count(const Xapian::Database& db, const std::string& term, const StatuteVersions& versions,
                                const std::string& citing_type, const std::vector<std::string>& groups) {
  // Term frequencies count every passage: exact only while nothing in the index is restricted.
  if (citing_type.empty() && !versions.any_versioned() && !has_restricted(db)) return db.get_termfreq(term);
  Xapian::Query q(term);
  if (!citing_type.empty())
    q = Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(prefixed_term(schema::kPrefixType, citing_type)));
  Xapian::Enquire enquire(db);
  enquire.set_query(readable_by(only_in_force(q, versions, 0), groups));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

CitationQuery parse_citation_query(const Xapian::Database& db, const std::string& reference,
                                   const std::vector<std::string>& groups) {
  const StatuteVersions versions(db);  // the cited article as in force today
  CitationQuery q;
  q.reference = reference;
  if (auto s = parse_statute_reference(reference)) {
    q.statute = true;
    q.key = s->key();
    q.term = cites_statute_term(q.key);
    if (!s->old_law) q.target = resolve_statute(db, s->law, s->article, &versions, 0, groups);
    return q;
  }
  if (auto r = parse_ruling_reference(reference)) {
    q.statute = false;
    q.key = !r->case_number.empty() ? r->case_number : r->court + "|" + r->date;
    if (r->date.empty() && r->case_number.empty()) throw std::invalid_argument("not a citation: " + reference);
    q.term = cites_ruling_term(q.key);
    q.target = resolve_ruling(db, r->case_number, r->court, r->date, groups);
    return q;
  }
  throw std::invalid_argument("not a citation: «" + reference +
                              "» (write a law and an article, 不正競争防止法2条6項, or a ruling, 東京高判平成29・3・21)");
}

std::vector<CitingPassage> citing_passages(const Xapian::Database& db, const CitationQuery& query, std::size_t limit,
                                           std::size_t& total, const std::vector<std::string>& groups) {
  // Passages of statute versions not in force today are left out: 15 versions of 不正競争防止法
  // citing its own 2条 are one citing article, not 15.
  const StatuteVersions versions(db);
  Xapian::Enquire enquire(db);
  enquire.set_query(readable_by(only_in_force(Xapian::Query(query.term), versions, 0), groups));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::MSet found =
      enquire.get_mset(0, static_cast<Xapian::doccount>(std::min<std::size_t>(limit, db.get_doccount())), db.get_doccount());
  total = found.get_matches_estimated();
  std::vector<CitingPassage> out;
  for (auto it = found.begin(); it != found.end(); ++it) {
    const Xapian::Document d = it.get_document();
    const auto r = record(d);
    CitingPassage p;
    p.passage_id = str(r, "passage_id");
    p.doc_id = str(r, "doc_id");
    p.type = str(r, "type");
    p.title = str(r, "title");
    p.heading = str(r, "heading");
    p.court = meta(r, "court");
    p.date = meta(r, "date");
    p.case_number = meta(r, "case_number");
    // The finest keys under the query: a passage citing 2条6項 and 2条1項7号 under a query for 2条.
    const std::string prefix = query.term + "/";
    std::vector<std::string> finer;
    for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) {
      const std::string term = *t;
      if (term.compare(0, prefix.size(), prefix) == 0) finer.push_back(term.substr(query.term.size() - query.key.size()));
    }
    for (const auto& f : finer) {
      const bool has_finer = std::any_of(finer.begin(), finer.end(), [&](const std::string& g) {
        return g.size() > f.size() && g.compare(0, f.size() + 1, f + "/") == 0;
      });
      if (!has_finer) p.cites.push_back(f);
    }
    if (p.cites.empty()) p.cites.push_back(query.key);
    std::sort(p.cites.begin(), p.cites.end(), citation_key_less);
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<CitedCount> cited_counts(const Xapian::Database& db, const CitationQuery& query,
                                     const std::vector<std::string>& groups) {
  const StatuteVersions versions(db);
  std::vector<CitedCount> out;
  const bool exact = versions.any_versioned() || has_restricted(db);
  out.push_back({query.key, in_force_count(db, query.term, versions, "", groups), query.target, citation_label(query.key)});
  const std::string prefix = query.term + "/";
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string key = (*t).substr(query.term.size() - query.key.size());
    const Xapian::doccount n = exact ? in_force_count(db, *t, versions, "", groups) : t.get_termfreq();
    if (n == 0) continue;  // cited by passages this reader may not see only
    out.push_back({key, n, query.statute ? target_of_key(db, key, versions, groups) : "", citation_label(key)});
  }
  // The index lists terms as text (2/1/1, 2/1/10, 2/1/11 … 2/1/2): put them in the law's order.
  std::sort(out.begin() + 1, out.end(),
            [](const CitedCount& a, const CitedCount& b) { return citation_key_less(a.key, b.key); });
  return out;
}

CitationSummary summarize_citations(const Xapian::Database& db, std::size_t limit, const std::string& citing_type,
                                    const std::vector<std::string>& groups) {
  const bool restricted = has_restricted(db);
  const StatuteVersions versions(db);
  CitationSummary s;
  // How many passages (of citing_type, when given) hold a term.
  auto count = [&](const std::string& term, Xapian::doccount all) -> Xapian::doccount {
    if (citing_type.empty() && !versions.any_versioned() && !restricted) return all;
    return in_force_count(db, term, versions, citing_type, groups);
  };
  const std::string prefix = schema::kPrefixCitesStatute;
  std::vector<CitedCount> articles;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string key = (*t).substr(prefix.size());
    if (std::count(key.begin(), key.end(), '/') != 1) continue;  // article level only
    const Xapian::doccount n = count(*t, t.get_termfreq());
    if (n == 0) continue;
    CitedCount c{key, n, target_of_key(db, key, versions, groups), citation_label(key)};
    ++s.cited_articles;
    s.citations += c.passages;
    if (!c.target.empty()) {
      ++s.resolved_articles;
      s.resolved_citations += c.passages;
    }
    articles.push_back(std::move(c));
  }
  const std::string ruling_prefix = schema::kPrefixCitesRuling;
  for (auto t = db.allterms_begin(ruling_prefix); t != db.allterms_end(ruling_prefix); ++t) {
    const std::string key = (*t).substr(ruling_prefix.size());
    const Xapian::doccount n = count(*t, t.get_termfreq());
    const std::size_t bar = key.find('|');
    if (bar == std::string::npos) {
      s.ruling_citations += n;
      if (n && !resolve_ruling(db, key, "", "", groups).empty()) s.resolved_ruling_citations += n;
    } else {
      s.dated_ruling_citations += n;
      if (n && !resolve_ruling(db, "", key.substr(0, bar), key.substr(bar + 1), groups).empty())
        s.resolved_dated_ruling_citations += n;
    }
  }
  std::sort(articles.begin(), articles.end(), [](const CitedCount& a, const CitedCount& b) {
    return a.passages != b.passages ? a.passages > b.passages : citation_key_less(a.key, b.key);
  });
  if (articles.size() > limit) articles.resize(limit);
  s.top = std::move(articles);
  return s;
}

nlohmann::json to_json(const CitingPassage& p) {
  std::vector<std::string> labels;
  for (const auto& key : p.cites) labels.push_back(citation_label(key));
  return {{"passage_id", p.passage_id}, {"doc_id", p.doc_id}, {"type", p.type},       {"title", p.title},
          {"heading", p.heading},       {"court", p.court},   {"date", p.date},       {"case_number", p.case_number},
          {"cites", p.cites},           {"cites_labels", labels}};
}

nlohmann::json to_json(const CitedCount& c) {
  return {{"key", c.key},
          {"label", c.label},
          {"passages", c.passages},
          {"target", c.target.empty() ? nlohmann::json() : nlohmann::json(c.target)}};
}

}  // namespace tsubo
