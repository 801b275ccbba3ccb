// A new database moved into place in one rename: onto nothing, onto an empty database (whose folder's
// other files stay), never onto one with passages.
#include "indexer/publish.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "indexer/index_writer.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace tsubo {
namespace {

// A database of `passages` empty passages at path.
void make_database(const std::string& path, int passages) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
  for (int i = 0; i < passages; ++i) db.add_document(Xapian::Document());
  db.set_metadata("made-for", "publish_test " + std::to_string(passages));
  db.commit();
}

bool scratch_left(const fs::path& folder) {
  for (const auto& e : fs::directory_iterator(folder))
    if (e.path().filename().string().rfind(".", 0) == 0) return true;
  return false;
}

TEST(Publish, OntoNothing) {
  const fs::path dir = testing::temp_dir("publish-nothing");
  make_database((dir / "built").string(), 3);
  EXPECT_FALSE(holds_database((dir / "db").string()));
  publish_database((dir / "built").string(), (dir / "db").string());
  EXPECT_TRUE(holds_database((dir / "db").string()));
  EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 3u);
  EXPECT_FALSE(fs::exists(dir / "built"));
}

TEST(Publish, OverAnEmptyDatabaseKeepingTheFolderFiles) {
  for (const std::string exchange : {"1", "0"}) {
    SCOPED_TRACE("exchange " + exchange);
    ::setenv("TSUBO_TEST_RENAME_EXCHANGE", exchange.c_str(), 1);
    const fs::path dir = testing::temp_dir("publish-empty");
    make_database((dir / "db").string(), 0);
    std::ofstream(dir / "db" / "NOTES.txt") << "who made this index";
    make_database((dir / "built").string(), 5);
    publish_database((dir / "built").string(), (dir / "db").string());
    EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 5u);
    std::ifstream notes(dir / "db" / "NOTES.txt");
    std::string line;
    std::getline(notes, line);
    EXPECT_EQ(line, "who made this index");
    EXPECT_FALSE(fs::exists(dir / "built"));
    EXPECT_FALSE(scratch_left(dir));
  }
  ::unsetenv("TSUBO_TEST_RENAME_EXCHANGE");
}

TEST(Publish, NeverOverADatabaseWithPassages) {
  const fs::path dir = testing::temp_dir("publish-full");
  make_database((dir / "db").string(), 2);
  make_database((dir / "built").string(), 5);
  try {
    publish_database((dir / "built").string(), (dir / "db").string());
    ADD_FAILURE() << "replaced a database with passages";
  } catch (const IndexError& e) {
    EXPECT_NE(std::string(e.what()).find("gained passages"), std::string::npos) << e.what();
  }
  EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 2u);
}

// An older tsubo moved the compacted files in one by one; killed in between, it left tables without
// the version file, a folder Xapian cannot open. tsubo index builds a new database in its place.
TEST(Publish, AFolderAnOlderTsuboLeftHalfSwappedIsRebuilt) {
  const fs::path dir = testing::temp_dir("publish-half");
  fs::create_directories(dir / "db");
  std::ofstream(dir / "db" / "postlist.glass") << "half of a table";
  std::ofstream(dir / "db" / "termlist.glass") << "half of another";
  EXPECT_FALSE(holds_database((dir / "db").string()));
  make_database((dir / "built").string(), 4);
  publish_database((dir / "built").string(), (dir / "db").string());
  EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 4u);
  EXPECT_FALSE(scratch_left(dir));
}

}  // namespace
}  // namespace tsubo
