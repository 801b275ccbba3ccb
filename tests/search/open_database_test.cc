// Opening a database for reading: one message for a missing database, from the library and from
// every command that reads one (info, cites, cited-by, passages printed Xapian's DatabaseNotFoundError).
#include "search/open_database.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>

#include "cli/run_tsubo.h"
#include "search/searcher.h"
#include "test_support.h"

namespace tsubo {
namespace {

std::string open_error(const std::string& path) {
  try {
    open_database(path, "info");
  } catch (const SearchError& e) {
    return e.what();
  }
  return "(opened)";
}

TEST(OpenDatabase, NoDatabaseThereSaysHowToBuildOne) {
  const std::string dir = testing::temp_dir("open-db");
  EXPECT_EQ(open_error(dir + "/nothing"),
            "[info] no index at " + dir + "/nothing; build one with: tsubo index --db " + dir + "/nothing <folders>");
  EXPECT_EQ(open_error(dir), "[info] no index at " + dir + "; build one with: tsubo index --db " + dir + " <folders>");

  const std::string file = dir + "/notes.txt";
  std::ofstream(file) << "not a database\n";
  EXPECT_EQ(open_error(file).rfind("[info][xapian] cannot open " + file + ": ", 0), 0u) << open_error(file);
}

TEST(OpenDatabase, OpensADatabase) {
  const std::string path = testing::temp_dir("open-db") + "/db";
  Xapian::WritableDatabase(path, Xapian::DB_CREATE).commit();
  EXPECT_EQ(open_database(path, "info").get_doccount(), 0u);
}

TEST(OpenDatabase, EveryCommandThatReadsADatabaseSaysTheSame) {
  const std::string missing = testing::temp_dir("open-db") + "/missing";
  for (const char* command : {"search 営業秘密", "info", "cites 不正競争防止法2条", "cited-by", "passages"}) {
    const std::string name = std::string(command).substr(0, std::string(command).find(' '));
    const auto r = testing::run_tsubo(std::string(command) + " --db " + testing::shell_quote(missing));
    EXPECT_EQ(r.status, 1) << command;
    EXPECT_EQ(r.err, "[" + name + "] no index at " + missing + "; build one with: tsubo index --db " + missing +
                         " <folders>\n")
        << command;
    EXPECT_EQ(r.out, "") << command;
  }
}

}  // namespace
}  // namespace tsubo
