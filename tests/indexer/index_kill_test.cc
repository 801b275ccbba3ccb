// kill -9 at named moments of tsubo index (TSUBO_TEST_KILL_AT, indexer/kill_points.h): a new build,
// the swap into place, an update. Afterwards the database opens or is not there, holds only whole
// documents, a re-run equals a clean run, and no scratch folder is left.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli/run_tsubo.h"
#include "indexer/schema.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace tsubo {
namespace {

// Sets environment variables for the runs of one scope (run_tsubo's child inherits them).
class ScopedEnv {
 public:
  void set(const std::string& name, const std::string& value) {
    const char* old = std::getenv(name.c_str());
    saved_.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
    ::setenv(name.c_str(), value.c_str(), 1);
  }
  ~ScopedEnv() {
    for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) {
      if (it->second) ::setenv(it->first.c_str(), it->second->c_str(), 1);
      else ::unsetenv(it->first.c_str());
    }
  }

 private:
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

// Passages per document id (the XD terms), read from the database.
std::map<std::string, Xapian::doccount> passages_per_document(const std::string& db_path) {
  const Xapian::Database db(db_path);
  std::map<std::string, Xapian::doccount> out;
  const std::string prefix = schema::kPrefixDocId;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
    out[(*t).substr(prefix.size())] = t.get_termfreq();
  return out;
}

// Every passage as text (stored data, terms with positions, values), sorted: equal for two
// databases holding the same passages, whatever their passage numbers.
std::vector<std::string> passages_as_text(const std::string& db_path) {
  const Xapian::Database db(db_path);
  std::vector<std::string> out;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::Document doc = db.get_document(*it);
    std::string text = doc.get_data() + "\n";
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      text += *t + " " + std::to_string(t.get_wdf()) + ":";
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) text += " " + std::to_string(*p);
      text += "\n";
    }
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) text += std::to_string(v.get_valueno()) + "=" + *v + "\n";
    out.push_back(std::move(text));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Hidden entries beside the database: the scratch folders (.db.shards-<pid>, .db.build-<pid> …).
std::vector<std::string> scratch_left(const fs::path& folder) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(folder))
    if (e.path().filename().string().rfind(".", 0) == 0) out.push_back(e.path().filename().string());
  return out;
}

testing::TsuboRun index(const std::string& db, const std::string& sources) {
  return testing::run_tsubo("index -q -j 2 --db " + testing::shell_quote(db) + " " + sources);
}

bool was_killed(const testing::TsuboRun& r) { return r.status == -1 || r.status == 128 + 9; }

class IndexKill : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sources_ = new std::string(testing::shell_quote(testing::fixture_path("web-corpus")));
    clean_db_ = new std::string(testing::temp_dir("kill-clean") + "/db");
    const testing::TsuboRun r = index(*clean_db_, *sources_);
    ASSERT_EQ(r.status, 0) << r.out << r.err;
  }
  static void TearDownTestSuite() {
    delete sources_;
    delete clean_db_;
  }

  // After a kill: the database is absent, or empty when allowed, or holds only whole documents;
  // then a re-run succeeds, equals the clean run and leaves no scratch folder.
  void expect_recovers(const std::string& db, bool may_be_missing_or_empty) {
    const auto clean = passages_per_document(*clean_db_);
    ASSERT_GT(clean.size(), 3u);
    if (!fs::exists(db)) {
      EXPECT_TRUE(may_be_missing_or_empty) << "the database disappeared";
    } else {
      const auto seen = passages_per_document(db);  // throws (fails the test) when it does not open
      EXPECT_TRUE(!seen.empty() || may_be_missing_or_empty) << "the database lost its passages";
      for (const auto& [doc, count] : seen) {
        ASSERT_TRUE(clean.count(doc)) << doc;
        EXPECT_EQ(count, clean.at(doc)) << doc << " is not whole";
      }
    }
    const testing::TsuboRun rerun = index(db, *sources_);
    EXPECT_EQ(rerun.status, 0) << rerun.out << rerun.err;
    EXPECT_EQ(passages_per_document(db), clean);
    EXPECT_EQ(passages_as_text(db), passages_as_text(*clean_db_));
    EXPECT_EQ(scratch_left(fs::path(db).parent_path()), std::vector<std::string>{});
  }

  static std::string* sources_;
  static std::string* clean_db_;
};

std::string* IndexKill::sources_ = nullptr;
std::string* IndexKill::clean_db_ = nullptr;

// A new database, killed while shards are written, compacted, swapped into place and after: nothing
// at --db, or all of it.
TEST_F(IndexKill, ANewBuildAppearsWholeOrNotAtAll) {
  for (const std::string point : {"shard-document:1", "shard-document:6", "shards-written", "compacted",
                                  "before-publish", "published"}) {
    SCOPED_TRACE(point);
    const std::string db = testing::temp_dir("kill-new") + "/db";
    {
      ScopedEnv env;
      env.set("TSUBO_TEST_KILL_AT", point);
      const testing::TsuboRun killed = index(db, *sources_);
      ASSERT_TRUE(was_killed(killed)) << "not killed at " << point << ": " << killed.status << killed.err;
    }
    EXPECT_NE(scratch_left(fs::path(db).parent_path()), std::vector<std::string>{}) << "the kill left no scratch to clean";
    if (point == "published") {
      EXPECT_EQ(passages_per_document(db), passages_per_document(*clean_db_));
    } else {
      EXPECT_FALSE(fs::exists(db)) << "a database appeared before it was whole";
    }
    expect_recovers(db, true);
  }
}

// Over an empty database (one index run of nothing made it): the swap exchanges the two folders in one
// step, or, where the file system cannot, moves the empty one aside first.
TEST_F(IndexKill, TheSwapOverAnEmptyDatabaseIsOneStep) {
  const std::string empty_folder = testing::temp_dir("kill-nothing");
  for (const std::string exchange : {"1", "0"}) {
    for (const std::string point : {"before-publish", "retired", "published"}) {
      if (exchange == "1" && point == "retired") continue;  // only the fallback passes there
      SCOPED_TRACE(point + " exchange=" + exchange);
      const std::string db = testing::temp_dir("kill-swap") + "/db";
      const testing::TsuboRun made = index(db, testing::shell_quote(empty_folder));
      ASSERT_EQ(made.status, 0) << made.err;
      ASSERT_EQ(Xapian::Database(db).get_doccount(), 0u);
      {
        ScopedEnv env;
        env.set("TSUBO_TEST_KILL_AT", point);
        env.set("TSUBO_TEST_RENAME_EXCHANGE", exchange);
        ASSERT_TRUE(was_killed(index(db, *sources_))) << "not killed at " << point;
      }
      if (point == "published") {
        EXPECT_EQ(passages_per_document(db), passages_per_document(*clean_db_));
      } else if (fs::exists(db)) {
        EXPECT_EQ(Xapian::Database(db).get_doccount(), 0u);
      }
      expect_recovers(db, true);
    }
  }
}

// Re-indexing into a database that has every document, killed half-way through a document (Xapian set
// to flush every 3 passages, so that without a transaction a half document would be written) and
// after a commit: every document stays whole.
TEST_F(IndexKill, AnUpdateReplacesEachDocumentWhole) {
  for (const std::string point : {"mid-document:1", "mid-document:3", "mid-document:8", "committed"}) {
    SCOPED_TRACE(point);
    const std::string db = testing::temp_dir("kill-update") + "/db";
    ASSERT_EQ(index(db, *sources_).status, 0);
    {
      ScopedEnv env;
      env.set("TSUBO_TEST_KILL_AT", point);
      env.set("XAPIAN_FLUSH_THRESHOLD", "3");
      ASSERT_TRUE(was_killed(index(db, *sources_))) << "not killed at " << point;
    }
    EXPECT_EQ(passages_per_document(db), passages_per_document(*clean_db_));
    expect_recovers(db, false);
  }
}

// SIGTERM (and SIGINT, SIGHUP) are exits tsubo controls: its scratch folders go with it, the database
// stays as it was, and the exit status says which signal.
TEST_F(IndexKill, ATerminatedRunRemovesItsScratchFolders) {
  const std::string db = testing::temp_dir("kill-term") + "/db";
  {
    ScopedEnv env;
    env.set("TSUBO_TEST_KILL_AT", "shards-written");
    env.set("TSUBO_TEST_KILL_SIGNAL", "15");
    const testing::TsuboRun r = index(db, *sources_);
    EXPECT_EQ(r.status, 128 + 15) << r.err;
    EXPECT_NE(r.err.find("stopped by Terminated: scratch folders removed"), std::string::npos) << r.err;
  }
  EXPECT_EQ(scratch_left(fs::path(db).parent_path()), std::vector<std::string>{});
  EXPECT_FALSE(fs::exists(db));
  expect_recovers(db, true);
}

}  // namespace
}  // namespace tsubo
