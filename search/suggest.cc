// Name completions by substring over a cached list; word completions with Xapian's allterms(prefix).
#include "search/suggest.h"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "indexer/schema.h"
#include "search/search_query.h"
#include "search/shards.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

std::string fold(std::string_view s) {
  std::string out = utf8::remove_spaces(normalize_nfkc(s));
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

constexpr std::size_t kMaxTermsScanned = 5000;
// With private passages in the index, each completion's count is checked under the access filter:
// at most this many candidates are checked per call.
constexpr std::size_t kMaxWordsChecked = 200;

// Passages holding term that a reader of groups may see, counted exactly.
std::size_t readable_count(const Xapian::Database& db, const std::string& term, const std::vector<std::string>& groups) {
  Xapian::Enquire enquire(db);
  enquire.set_query(readable_by(Xapian::Query(term), groups));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

bool may_read(const std::vector<std::string>& allowed, const std::vector<std::string>& groups) {
  if (allowed.empty()) return true;
  for (const auto& g : groups)
    if (std::find(allowed.begin(), allowed.end(), g) != allowed.end()) return true;
  return false;
}

}  // namespace

std::vector<Suggester::Name> Suggester::names_for(const Xapian::Database& db) {
  const std::string key = database_fingerprint(db);
  const bool restricted = has_restricted(db);
  std::lock_guard<std::mutex> lock(mutex_);
  if (key == revision_key_) return names_;

  std::map<std::pair<std::string, std::string>, std::size_t> counts;  // (kind, display) → passages
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> private_titles;  // → groups
  const std::string doc_prefix = schema::kPrefixDocId;
  for (auto it = db.allterms_begin(doc_prefix); it != db.allterms_end(doc_prefix); ++it) {
    auto post = db.postlist_begin(*it);
    if (post == db.postlist_end(*it)) continue;
    const auto rec = nlohmann::json::parse(db.get_document(*post).get_data(), nullptr, false);
    if (rec.is_discarded()) continue;
    const std::string title = rec.value("title", "");
    if (title.empty()) continue;
    if (rec.contains("groups") && rec["groups"].is_array()) {
      // Kept apart from titles of the same words readable by others, so that no count reveals another.
      std::vector<std::string> groups;
      std::string readers;
      for (const auto& g : rec["groups"])
        if (g.is_string()) {
          groups.push_back(g.get<std::string>());
          readers += groups.back() + ",";
        }
      private_titles[{title, readers}] = groups;
      counts[{"private:" + readers, title}] += it.get_termfreq();
      continue;
    }
    counts[{"title", title}] += it.get_termfreq();
  }
  for (const auto& [prefix, kind] : {std::pair{schema::kPrefixLaw, "law"}, std::pair{schema::kPrefixCourt, "court"}}) {
    const std::string p = prefix;
    for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it) {
      // Laws and courts are offered from public passages only.
      const std::size_t n = restricted ? readable_count(db, *it, {}) : it.get_termfreq();
      if (n) counts[{kind, (*it).substr(p.size())}] += n;
    }
  }
  std::vector<Name> names;
  for (const auto& [k, n] : counts) {
    // A law's title is both a title and a law: keep one.
    if (k.first == "title" && counts.count({"law", k.second})) continue;
    if (k.first.rfind("private:", 0) == 0) {
      names.push_back({k.second, fold(k.second), "title", n, private_titles[{k.second, k.first.substr(8)}]});
      continue;
    }
    names.push_back({k.second, fold(k.second), k.first, n, {}});
  }
  std::sort(names.begin(), names.end(), [](const Name& a, const Name& b) { return a.count > b.count; });
  names_ = std::move(names);
  revision_key_ = key;
  return names_;
}

std::vector<Suggestion> Suggester::suggest(const Xapian::Database& db, std::string_view typed, std::size_t limit,
                                           const std::vector<std::string>& groups) {
  for (const auto& g : groups) readable_by(Xapian::Query(), {g});  // a bad group name is refused here too
  std::vector<Suggestion> out;
  const std::string whole = fold(typed);
  if (whole.empty() || limit == 0) return out;
  std::set<std::string> seen;

  // Names holding the whole input, those starting with it first.
  std::vector<Suggestion> starts, contains;
  for (const Name& n : names_for(db)) {
    const auto at = n.normalised.find(whole);
    if (at == std::string::npos || !may_read(n.groups, groups)) continue;
    (at == 0 ? starts : contains).push_back({n.display, n.kind, n.count});
  }
  for (auto* list : {&starts, &contains})
    for (auto& s : *list) {
      if (out.size() >= limit / 2 + 1) break;
      if (seen.insert(s.text).second) out.push_back(std::move(s));
    }

  // Words completing the last typed word (the query keeps its earlier words).
  const std::string typed_str = utf8::trim(typed);
  std::size_t cut = typed_str.find_last_of(' ');
  const std::string ideographic_space = "\u3000";
  const std::size_t cut2 = typed_str.rfind(ideographic_space);
  std::string head, last = typed_str;
  if (cut != std::string::npos && (cut2 == std::string::npos || cut > cut2)) {
    head = typed_str.substr(0, cut + 1);
    last = typed_str.substr(cut + 1);
  } else if (cut2 != std::string::npos) {
    head = typed_str.substr(0, cut2 + ideographic_space.size());
    last = typed_str.substr(cut2 + ideographic_space.size());
  }
  const std::string word = fold(last);
  if (word.empty() || schema::is_prefixed_term(word)) return out;
  std::vector<std::pair<std::size_t, std::string>> words;
  std::size_t scanned = 0;
  for (auto it = db.allterms_begin(word); it != db.allterms_end(word) && scanned < kMaxTermsScanned; ++it, ++scanned)
    if (*it != word) words.emplace_back(it.get_termfreq(), *it);
  std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  const bool restricted = has_restricted(db);
  std::size_t checked = 0;
  for (auto [freq, term] : words) {
    if (out.size() >= limit) break;
    if (restricted) {
      if (++checked > kMaxWordsChecked) break;
      freq = readable_count(db, term, groups);
      if (freq == 0) continue;  // a word of passages this reader may not see
    }
    const std::string text = head + term;
    if (seen.insert(text).second) out.push_back({text, "term", freq});
  }
  return out;
}

}  // namespace tsubo
