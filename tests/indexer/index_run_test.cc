// The sharded build of a new database must give exactly what one writer gives: same passages in the
// same order, same terms, positions, values and stored data.
#include "indexer/index_run.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/wait.h>
#include <unistd.h>

#include "archive_writer.h"
#include "indexer/index_writer.h"
#include "indexer/schema.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace tsubo {
namespace {

// Everything a search can see of one passage, as text, for an exact comparison.
std::string dump_document(const Xapian::Database& db, Xapian::docid id) {
  std::ostringstream out;
  const Xapian::Document doc = db.get_document(id);
  out << "data " << doc.get_data() << "\n";
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    out << "term " << *t << " wdf " << t.get_wdf() << " pos";
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) out << " " << *p;
    out << "\n";
  }
  for (auto v = doc.values_begin(); v != doc.values_end(); ++v) out << "value " << v.get_valueno() << " " << *v << "\n";
  return out.str();
}

std::vector<std::string> dump_database(const std::string& path) {
  const Xapian::Database db(path);
  std::vector<std::string> out;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
    out.push_back("docid " + std::to_string(*it) + "\n" + dump_document(db, *it));
  out.push_back("analyzer " + db.get_metadata(schema::kMetaAnalyzer));
  out.push_back("schema " + db.get_metadata(schema::kMetaSchema));
  return out;
}

std::vector<std::string> fixture_folders() {
  return {testing::fixture_path("statute"), testing::fixture_path("ruling"), testing::fixture_path("guidance")};
}

TEST(IndexRun, ShardedBuildEqualsOneWriter) {
  IndexOptions serial;
  serial.db_path = testing::temp_dir("index-serial") + "/db";
  serial.jobs = 1;
  serial.shards = false;
  serial.progress = false;
  const IndexStats a = index_paths(fixture_folders(), serial);

  IndexOptions sharded = serial;
  sharded.db_path = testing::temp_dir("index-sharded") + "/db";
  sharded.jobs = 2;
  sharded.shards = true;
  sharded.shard_commit_passages = 3;  // many commits inside each shard, as on a large corpus
  const IndexStats b = index_paths(fixture_folders(), sharded);

  ASSERT_GT(a.passages, 10u);
  EXPECT_EQ(a.passages, b.passages);
  EXPECT_EQ(a.documents, b.documents);
  EXPECT_EQ(a.passages_in_db, b.passages_in_db);
  ASSERT_EQ(a.skipped.size(), b.skipped.size());
  for (std::size_t i = 0; i < a.skipped.size(); ++i) EXPECT_EQ(a.skipped[i].path, b.skipped[i].path);

  const auto one = dump_database(serial.db_path);
  const auto many = dump_database(sharded.db_path);
  ASSERT_EQ(one.size(), many.size());
  for (std::size_t i = 0; i < one.size(); ++i) EXPECT_EQ(one[i], many[i]);
}

TEST(IndexRun, ReindexingAShardedDatabaseReplacesPassages) {
  IndexOptions options;
  options.db_path = testing::temp_dir("index-reindex") + "/db";
  options.jobs = 2;
  options.progress = false;
  const IndexStats first = index_paths(fixture_folders(), options);
  const IndexStats second = index_paths(fixture_folders(), options);  // existing database: one writer
  EXPECT_EQ(first.passages_in_db, second.passages_in_db);
  EXPECT_EQ(Xapian::Database(options.db_path).get_doccount(), first.passages);
}

// statutes-2013.tar.xz is indexed straight from the archive: the same database as from its folder,
// and no unpacked files left behind.
TEST(IndexRun, ArchiveIndexesLikeItsFolder) {
  namespace fs = std::filesystem;
  std::vector<testing::ArchiveMember> members;
  for (const auto& e : fs::directory_iterator(testing::fixture_path("statute"))) {
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    members.push_back({"statute/" + e.path().filename().string(), text.str()});
  }
  const std::string dir = testing::temp_dir("index-archive");
  testing::write_archive(dir + "/statutes.tar.xz", members, "tar.xz");

  IndexOptions from_folder;
  from_folder.db_path = dir + "/folder-db";
  from_folder.progress = false;
  const IndexStats a = index_paths({testing::fixture_path("statute")}, from_folder);
  IndexOptions from_archive = from_folder;
  from_archive.db_path = dir + "/archive-db";
  const IndexStats b = index_paths({dir + "/statutes.tar.xz"}, from_archive);

  ASSERT_GT(a.passages, 5u);
  EXPECT_EQ(a.passages, b.passages);
  EXPECT_EQ(a.skipped.size(), b.skipped.size());
  EXPECT_EQ(dump_database(from_folder.db_path), dump_database(from_archive.db_path));
  for (const auto& e : fs::directory_iterator(dir))
    EXPECT_EQ(e.path().filename().string().find(".archive-db.unpack"), std::string::npos) << e.path() << " left behind";
}

}  // namespace
}  // namespace tsubo

namespace tsubo {
namespace {

// tsubo index --db a/b/c failed with DatabaseCreateError (mkdir failed) when a/b was missing.
TEST(IndexRun, CreatesTheFoldersAboveTheDatabase) {
  const std::string root = testing::temp_dir("index-parents");
  IndexOptions options;
  options.db_path = root + "/a/b/c";
  options.progress = false;
  const IndexStats stats = index_paths({testing::fixture_path("statute/basic.txt")}, options);
  EXPECT_GT(stats.passages_in_db, 0u);
  EXPECT_EQ(Xapian::Database(options.db_path).get_doccount(), stats.passages_in_db);

  // A file where a folder must go: said, with the reason.
  std::ofstream(root + "/file") << "not a folder\n";
  options.db_path = root + "/file/b/c";
  try {
    index_paths({testing::fixture_path("statute/basic.txt")}, options);
    ADD_FAILURE() << "no error";
  } catch (const IndexError& e) {
    EXPECT_EQ(std::string(e.what()), "[indexer] cannot create the folder " + root + "/file/b for the database " + root +
                                         "/file/b/c: Not a directory");
  }
}

// Folders of killed runs (.db.shards-<pid>, .db.unpack-<k>-<pid>) stayed for good, taking the space
// of a full disk: the next run removes those whose process is gone, and no other.
TEST(IndexRun, RemovesScratchFoldersOfStoppedRuns) {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ASSERT_GT(child, 0);
  ::waitpid(child, nullptr, 0);  // a process id that is certainly gone
  const fs::path dir = testing::temp_dir("index-stale");
  const std::string dead = std::to_string(child), live = std::to_string(::getppid());
  for (const std::string& name : {".db.shards-" + dead, ".db.unpack-0-" + dead, ".db.build-" + dead, ".db.retired-" + dead,
                                   ".db.shards-" + live, ".other.shards-" + dead}) {
    fs::create_directories(dir / name / "shard-0");
    std::ofstream(dir / name / "shard-0" / "postlist.glass") << "half a shard";
  }
  IndexOptions options;
  options.db_path = (dir / "db").string();
  options.progress = false;
  index_paths({testing::fixture_path("guidance")}, options);
  EXPECT_FALSE(fs::exists(dir / (".db.shards-" + dead)));
  EXPECT_FALSE(fs::exists(dir / (".db.unpack-0-" + dead)));
  EXPECT_FALSE(fs::exists(dir / (".db.build-" + dead)));
  EXPECT_FALSE(fs::exists(dir / (".db.retired-" + dead)));
  EXPECT_TRUE(fs::exists(dir / (".db.shards-" + live))) << "a running indexer's folder was removed";
  EXPECT_TRUE(fs::exists(dir / (".other.shards-" + dead))) << "another database's folder was removed";
}

}  // namespace
}  // namespace tsubo
