// The version table: XV terms → laws → versions in order (see statute_versions.h).
#include "search/statute_versions.h"

#include <algorithm>
#include <ctime>

#include <xapian.h>

#include "indexer/schema.h"
#include "indexer/passage_document.h"
#include "indexer/statute_version_terms.h"
#include "search/docid_list_source.h"

namespace tsubo {
// Days counted through the civil calendar, so month ends and leap years hold.
std::string day_before(const std::string& yyyymmdd) {
  std::tm t{};
  t.tm_year = std::stoi(yyyymmdd.substr(0, 4)) - 1900;
  t.tm_mon = std::stoi(yyyymmdd.substr(4, 2)) - 1;
  t.tm_mday = std::stoi(yyyymmdd.substr(6, 2)) - 1;  // day 0 is the last day of the month before
  t.tm_hour = 12;
  timegm(&t);  // normalises the fields
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y%m%d", &t);
  return buf;
}

StatuteVersions::StatuteVersions(const Xapian::Database& db) : db_(db) {
  // Terms come sorted, so one law's versions are adjacent: a law with a single version (all but a
  // handful of the 7,987 statutes) is passed over without being parsed or stored.
  const std::string prefix = schema::kPrefixLawVersion;
  std::vector<std::string> run;
  const auto law_part = [](const std::string& term) { return std::string_view(term).substr(0, term.find('|')); };
  const auto flush = [&] {
    if (run.size() > 1) add_law(run);
    run.clear();
  };
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    std::string term = *it;
    if (!run.empty() && law_part(run.back()) != law_part(term)) flush();
    run.push_back(std::move(term));
  }
  flush();
  // One sub-database whose own posting lists are read: a remote shard has a description with "Remote".
  local_ = db.size() == 1 && db.get_description().find("Remote") == std::string::npos;
}

StatuteVersions::StatuteVersions(const StatuteVersions& other)
    : db_(other.db_), local_(other.local_), versioned_laws_(other.versioned_laws_), laws_(other.laws_),
      by_doc_(other.by_doc_), duplicates_(other.duplicates_) {}

StatuteVersions& StatuteVersions::operator=(const StatuteVersions& other) {
  if (this == &other) return *this;
  laws_ = other.laws_;
  by_doc_ = other.by_doc_;
  duplicates_ = other.duplicates_;
  versioned_laws_ = other.versioned_laws_;
  db_ = other.db_;
  local_ = other.local_;
  std::lock_guard<std::mutex> lock(cache_mutex_);
  hidden_by_day_.clear();
  return *this;
}

Xapian::Query StatuteVersions::hidden_query(int day) const {
  std::lock_guard<std::mutex> lock(cache_mutex_);
  if (const auto it = hidden_by_day_.find(day); it != hidden_by_day_.end()) return it->second;
  const Xapian::Query query = docs_query(hidden_on(day));
  if (hidden_by_day_.size() > 64) hidden_by_day_.clear();  // a server asked for many days: start again
  hidden_by_day_.emplace(day, query);
  return query;
}

Xapian::Query StatuteVersions::duplicates_query() const { return docs_query(duplicates_); }

Xapian::Query StatuteVersions::docs_query(const std::vector<std::string>& docs) const {
  if (docs.empty()) return Xapian::Query();
  if (!local_) {
    std::vector<Xapian::Query> terms;
    for (const auto& doc : docs) terms.emplace_back(prefixed_term(schema::kPrefixDocId, doc));
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  }
  // Each document's passages as ranges of ids: one range when they are consecutive (they are when
  // the document was added whole), read from the first and last postings, else id by id.
  DocidRanges ranges;
  for (const auto& doc : docs) {
    const std::string term = prefixed_term(schema::kPrefixDocId, doc);
    const Xapian::doccount count = db_.get_termfreq(term);
    auto it = db_.postlist_begin(term);
    if (count == 0 || it == db_.postlist_end(term)) continue;
    const Xapian::docid first = *it;
    it.skip_to(first + count - 1);
    Xapian::docid last = first;
    for (; it != db_.postlist_end(term); ++it) last = *it;
    if (last - first + 1 == count) {
      ranges.emplace_back(first, last);
      continue;
    }
    for (auto one = db_.postlist_begin(term); one != db_.postlist_end(term); ++one) ranges.emplace_back(*one, *one);
  }
  return Xapian::Query((new DocidRangeSource(std::make_shared<const DocidRanges>(merged(std::move(ranges)))))->release());
}

void StatuteVersions::add_law(const std::vector<std::string>& terms) {
  std::vector<LawVersion> versions;
  std::string key;
  for (const auto& term : terms) {
    const auto v = parse_version_term(term);
    if (!v) continue;
    key = v->law_key;
    versions.push_back({v->doc_id, v->date, v->amending_law});
  }
  std::sort(versions.begin(), versions.end(), [](const LawVersion& a, const LawVersion& b) {
    if (a.date != b.date) return a.date < b.date;
    if (a.amending_law != b.amending_law) return a.amending_law < b.amending_law;
    return a.doc_id < b.doc_id;
  });
  // A second copy of one revision is set aside: on one day, a second document of the same amending
  // law, or a document whose amending law is unknown (a revision file under another name) beside
  // one whose law is known, or a second of two unknown (two undated texts). The first by id is kept.
  std::vector<LawVersion> kept;
  for (std::size_t begin = 0; begin < versions.size();) {
    std::size_t end = begin;
    while (end < versions.size() && versions[end].date == versions[begin].date) ++end;
    const bool any_named = std::any_of(versions.begin() + static_cast<std::ptrdiff_t>(begin),
                                       versions.begin() + static_cast<std::ptrdiff_t>(end),
                                       [](const LawVersion& v) { return !v.amending_law.empty(); });
    std::string previous = "\x01";  // the amending law of the document before, within the day
    for (std::size_t k = begin; k < end; ++k) {
      LawVersion& v = versions[k];
      const bool copy = (v.amending_law.empty() && any_named) || v.amending_law == previous;
      previous = v.amending_law;
      if (copy) duplicates_.push_back(v.doc_id);
      else kept.push_back(std::move(v));
    }
    begin = end;
  }
  if (kept.size() < 2) return;  // copies of one text: nothing to choose between
  for (std::size_t k = 0; k < kept.size(); ++k) by_doc_[kept[k].doc_id] = {key, k};
  laws_[key] = std::move(kept);
  ++versioned_laws_;
}

const LawVersion* StatuteVersions::in_force(const std::string& law_key, int day) const {
  const auto law = laws_.find(law_key);
  if (law == laws_.end() || law->second.empty()) return nullptr;
  const std::string d = std::to_string(day);
  const LawVersion* found = &law->second.front();  // before the first version: the earliest tsubo has
  for (const auto& v : law->second)
    if (v.date <= d) found = &v;
  return found;
}

std::vector<std::string> StatuteVersions::hidden_on(int day) const {
  std::vector<std::string> hidden = duplicates_;
  for (const auto& [key, versions] : laws_) {  // laws with several versions only
    const LawVersion* shown = in_force(key, day);
    for (const auto& v : versions)
      if (&v != shown) hidden.push_back(v.doc_id);
  }
  return hidden;
}

const std::vector<LawVersion>* StatuteVersions::versions_of(const std::string& doc_id, std::size_t* index) const {
  const auto it = by_doc_.find(doc_id);
  if (it == by_doc_.end()) return nullptr;
  if (index) *index = it->second.second;
  return &laws_.at(it->second.first);
}

std::string StatuteVersions::law_of(const std::string& doc_id) const {
  const auto it = by_doc_.find(doc_id);
  return it == by_doc_.end() ? std::string() : it->second.first;
}

VersionInfo version_info(const Xapian::Database& db, const StatuteVersions& table, const std::string& doc_id,
                         const std::string& passage_id, int today) {
  VersionInfo info;
  std::size_t k = 0;
  const std::vector<LawVersion>* versions = table.versions_of(doc_id, &k);
  if (!versions) return info;
  const LawVersion& self = (*versions)[k];
  info.version_date = iso_of(self.date);
  info.amending_law = law_id_label(self.amending_law);
  info.versions = versions->size();
  const std::string law = table.law_of(doc_id);
  const std::size_t hash_at = passage_id.find('#');
  // The same article in every version: its text hash per document (none when the version lacks it).
  std::unordered_map<std::string, std::string> hash_of;
  if (hash_at != std::string::npos && versions->size() > 1) {
    const std::string term = article_versions_term(law, passage_id.substr(hash_at + 1));
    // The posting list comes in docid order, so the two value streams only move forward (cheaper
    // than a document read for each of the ~25 versions).
    Xapian::ValueIterator ids = db.valuestream_begin(schema::kValueDocId);
    Xapian::ValueIterator hashes = db.valuestream_begin(schema::kValueTextHash);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
      ids.skip_to(*it);
      hashes.skip_to(*it);
      if (ids == db.valuestream_end(schema::kValueDocId) || hashes == db.valuestream_end(schema::kValueTextHash)) break;
      if (ids.get_docid() != *it || hashes.get_docid() != *it) continue;
      hash_of[*ids] = *hashes;
    }
  }
  const LawVersion* now = table.in_force(law, today);
  if (!hash_of.count(doc_id)) {  // not an article (附則, 前文): no history of its own
    info.current = now == &self;
    return info;
  }
  const auto same_text = [&](std::size_t j) {
    const auto other = hash_of.find((*versions)[j].doc_id);
    return other != hash_of.end() && other->second == hash_of.at(doc_id);
  };
  std::size_t first = k, last = k;
  while (first > 0 && same_text(first - 1)) --first;
  while (last + 1 < versions->size() && same_text(last + 1)) ++last;
  info.has_history = true;
  info.in_force_from = iso_of((*versions)[first].date);  // empty for an undated text: since before e-Gov's history
  info.changed = first > 0;
  if (last + 1 < versions->size()) {
    const LawVersion& next = (*versions)[last + 1];
    info.amended_on = iso_of(next.date);
    info.amended_by = law_id_label(next.amending_law);
    info.removed_later = !hash_of.count(next.doc_id);
    info.in_force_to = iso_of(day_before(next.date));
  }
  for (std::size_t j = first; j <= last; ++j)
    if (&(*versions)[j] == now) info.current = true;
  return info;
}

int today_yyyymmdd() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return (local.tm_year + 1900) * 10000 + (local.tm_mon + 1) * 100 + local.tm_mday;
}

std::string iso_of(const std::string& d) {
  if (d.size() != 8 || d == "00000000") return "";
  return d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2);
}

std::string law_id_label(const std::string& id) {
  // <era digit><2-digit year><kind><10-digit number>: 430AC0000000033.
  static const char* const kEras[] = {"", "明治", "大正", "昭和", "平成", "令和"};
  if (id.size() != 15 || id[0] < '1' || id[0] > '5') return id;
  const std::string kind = id.substr(3, 2);
  const char* kind_name = kind == "AC" ? "法律" : kind == "CO" ? "政令" : nullptr;
  if (!kind_name) return id;
  try {
    const int year = std::stoi(id.substr(1, 2));
    const long number = std::stol(id.substr(5));
    return std::string(kEras[id[0] - '0']) + (year == 1 ? "元" : std::to_string(year)) + "年" + kind_name + "第" +
           std::to_string(number) + "号";
  } catch (const std::exception&) {
    return id;
  }
}

}  // namespace tsubo
