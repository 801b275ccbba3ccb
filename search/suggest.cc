// Name completions by substring over a cached list; word completions with Xapian's allterms(prefix).
#include "search/suggest.h"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "indexer/schema.h"
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

bool is_prefixed_term(const std::string& t) { return !t.empty() && t[0] >= 'A' && t[0] <= 'Z'; }

constexpr std::size_t kMaxTermsScanned = 5000;

}  // namespace

std::vector<Suggester::Name> Suggester::names_for(const Xapian::Database& db) {
  const std::string key = db.get_uuid() + "@" + std::to_string(db.get_revision());
  std::lock_guard<std::mutex> lock(mutex_);
  if (key == revision_key_) return names_;

  std::map<std::pair<std::string, std::string>, std::size_t> counts;  // (kind, display) → passages
  const std::string doc_prefix = schema::kPrefixDocId;
  for (auto it = db.allterms_begin(doc_prefix); it != db.allterms_end(doc_prefix); ++it) {
    auto post = db.postlist_begin(*it);
    if (post == db.postlist_end(*it)) continue;
    const auto rec = nlohmann::json::parse(db.get_document(*post).get_data(), nullptr, false);
    if (rec.is_discarded()) continue;
    const std::string title = rec.value("title", "");
    if (!title.empty()) counts[{"title", title}] += it.get_termfreq();
  }
  for (const auto& [prefix, kind] : {std::pair{schema::kPrefixLaw, "law"}, std::pair{schema::kPrefixCourt, "court"}}) {
    const std::string p = prefix;
    for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it)
      counts[{kind, (*it).substr(p.size())}] += it.get_termfreq();
  }
  std::vector<Name> names;
  for (const auto& [k, n] : counts) {
    // A law's title is both a title and a law: keep one.
    if (k.first == "title" && counts.count({"law", k.second})) continue;
    names.push_back({k.second, fold(k.second), k.first, n});
  }
  std::sort(names.begin(), names.end(), [](const Name& a, const Name& b) { return a.count > b.count; });
  names_ = std::move(names);
  revision_key_ = key;
  return names_;
}

std::vector<Suggestion> Suggester::suggest(const Xapian::Database& db, std::string_view typed, std::size_t limit) {
  std::vector<Suggestion> out;
  const std::string whole = fold(typed);
  if (whole.empty() || limit == 0) return out;
  std::set<std::string> seen;

  // Names holding the whole input, those starting with it first.
  std::vector<Suggestion> starts, contains;
  for (const Name& n : names_for(db)) {
    const auto at = n.normalised.find(whole);
    if (at == std::string::npos) continue;
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
  if (word.empty() || is_prefixed_term(word)) return out;
  std::vector<std::pair<std::size_t, std::string>> words;
  std::size_t scanned = 0;
  for (auto it = db.allterms_begin(word); it != db.allterms_end(word) && scanned < kMaxTermsScanned; ++it, ++scanned)
    if (*it != word) words.emplace_back(it.get_termfreq(), *it);
  std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [freq, term] : words) {
    if (out.size() >= limit) break;
    const std::string text = head + term;
    if (seen.insert(text).second) out.push_back({text, "term", freq});
  }
  return out;
}

}  // namespace tsubo
