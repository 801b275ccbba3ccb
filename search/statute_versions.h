// Which text of a law is in force on a day: the versions of every law in a database, read once from
// its XV terms (indexer/statute_version_terms.h), ordered by enforcement date and, on one day, by
// amending law (the later law number is the later text). A text export without a date counts as the
// version before the first dated one.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace tsubo {

struct LawVersion {
  std::string doc_id;        // statute/405AC0000000047_20190701_430AC0000000033, statute/6273
  std::string date;          // enforcement date yyyymmdd, "00000000" when undated
  std::string amending_law;  // e-Gov law ID, empty for the first or an undated version
};

// Shown with a statute hit: which version it is and how long its text stood. For a law indexed in one
// version only, just version_date and amending_law (from the passage's record).
struct VersionInfo {
  std::string version_date;   // the version's enforcement date, yyyy-mm-dd (empty: undated text)
  std::string amending_law;   // 平成30年法律第33号 (the e-Gov ID read), empty for e-Gov's first text
  bool has_history = false;   // an article, followed across versions (附則 and 前文 are not): the fields below
  std::string in_force_from;  // this text, unchanged, from this day (empty: since before tsubo's first version)
  bool changed = false;       // in_force_from is the day an amendment brought this wording in
  std::string in_force_to;    // … to this day (empty: still in force in the newest version tsubo has)
  std::string amended_on;     // the day a later version reads differently (empty: never since)
  std::string amended_by;     // the law that changed it then
  bool removed_later = false; // the later version has no such article
  bool current = false;       // this text is the one in force today
  std::size_t versions = 0;   // versions of the law in the index
};

class StatuteVersions {
 public:
  StatuteVersions() = default;
  // Reads every XV term of db (one per statute document: a few thousand on the full archive).
  explicit StatuteVersions(const Xapian::Database& db);
  StatuteVersions(const StatuteVersions& other);  // the cache of hidden queries is not copied
  StatuteVersions& operator=(const StatuteVersions& other);

  // True when some law has more than one version (else no filter is needed).
  bool any_versioned() const { return versioned_laws_ > 0; }
  // Documents not to show for `day` (yyyymmdd): every version of a versioned law but the one in force
  // that day (before a law's first version: its earliest), and second copies of a revision.
  std::vector<std::string> hidden_on(int day) const;
  // The same as a query to put under AND_NOT (empty when nothing is hidden), built once a day asked
  // for: over one local database a list of document ids (search/docid_list_source.h), else an OR of
  // the versions' document terms (a remote shard knows no posting source of ours).
  Xapian::Query hidden_query(int day) const;
  // The second copies alone, for a search of every version (empty when there are none).
  Xapian::Query duplicates_query() const;
  // Second copies of one revision (same law, date and amending law), never shown.
  const std::vector<std::string>& duplicates() const { return duplicates_; }
  // The versions of the law that doc_id is a version of, oldest first, and its place among them;
  // nullptr for a document that is no statute version, or of a law with one version only (only laws
  // with several versions are kept).
  const std::vector<LawVersion>* versions_of(const std::string& doc_id, std::size_t* index = nullptr) const;
  // The law key (normalised law number) of doc_id, or empty.
  std::string law_of(const std::string& doc_id) const;
  // The version in force on day, of a law given by key; nullptr when the law is unknown.
  const LawVersion* in_force(const std::string& law_key, int day) const;

 private:
  void add_law(const std::vector<std::string>& terms);  // one law's XV terms
  Xapian::Query docs_query(const std::vector<std::string>& docs) const;  // docs' passages, as hidden_query says

  Xapian::Database db_;  // for the document ids of hidden versions
  bool local_ = false;   // one local database: hidden versions by document id
  std::size_t versioned_laws_ = 0;
  mutable std::mutex cache_mutex_;
  mutable std::map<int, Xapian::Query> hidden_by_day_;
  std::map<std::string, std::vector<LawVersion>> laws_;
  std::unordered_map<std::string, std::pair<std::string, std::size_t>> by_doc_;  // doc id → law, index
  std::vector<std::string> duplicates_;
};

// Version facts of one statute passage (doc_id, passage_id): its version, the days its text stood
// unchanged around it, and the day a later version changed it. Reads the passage's XW posting list
// (one passage a version). Empty for a passage that is no statute version.
VersionInfo version_info(const Xapian::Database& db, const StatuteVersions& table, const std::string& doc_id,
                         const std::string& passage_id, int today);

// yyyymmdd of today, local time.
int today_yyyymmdd();
// "20160101" → "20151231".
std::string day_before(const std::string& yyyymmdd);
// 20190701 → 2019-07-01; "00000000" → "".
std::string iso_of(const std::string& yyyymmdd);
// e-Gov law ID → how lawyers write it: 430AC0000000033 → 平成30年法律第33号; unknown shapes unchanged.
std::string law_id_label(const std::string& law_id);

}  // namespace tsubo
