// tsubo index as a user runs it: sizes for people, progress fit for a log, parent folders made.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "cli/run_tsubo.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace tsubo::testing {
namespace {

// Lines of text, and whether any is empty or ends in \r (progress meant for a terminal).
void expect_log_lines(const std::string& log) {
  EXPECT_EQ(log.find('\r'), std::string::npos) << log;
  std::istringstream in(log);
  for (std::string line; std::getline(in, line);) EXPECT_EQ(line.rfind("[index] ", 0), 0u) << "line «" << line << "» in\n" << log;
}

// "(3.9e-05 MB)" for a small file.
TEST(CmdIndex, SizesArePrintedForPeople) {
  const fs::path dir = temp_dir("index-size");
  std::ofstream(dir / "memo.md") << "# 覚書\n\n営業秘密の管理について。\n";  // 47 bytes
  ASSERT_EQ(fs::file_size(dir / "memo.md"), 47u);
  const TsuboRun r = run_tsubo("index --db " + shell_quote((dir / "db").string()) + " " + shell_quote((dir / "memo.md").string()));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("from 1 files (47 B) in "), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("[index] 1/1 files, 1 passages, 47 B, "), std::string::npos) << r.err;
  EXPECT_FALSE(std::regex_search(r.out + r.err, std::regex("[0-9]e[-+][0-9]"))) << r.out << r.err;
  const TsuboRun info = run_tsubo("info --db " + shell_quote((dir / "db").string()));
  EXPECT_TRUE(std::regex_search(info.out, std::regex("size:      [0-9.]+ (B|KB|MB)\n"))) << info.out;
}

// stderr into a file: a skipped file's line came after an empty line, meant to end a \r line.
TEST(CmdIndex, ProgressIntoALogIsWholeLines) {
  const fs::path dir = temp_dir("index-log");
  fs::copy(fixture_path("web-corpus"), dir / "corpus", fs::copy_options::recursive);
  fs::copy_file(fixture_path("ruling/truncated_in_text.json"), dir / "corpus" / "rulings" / "99999.json");
  const TsuboRun r = run_tsubo("index --db " + shell_quote((dir / "db").string()) + " " + shell_quote((dir / "corpus").string()));
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("[index] skipped "), std::string::npos) << r.err;
  expect_log_lines(r.err);
}

// A run of a few seconds printed a progress line a second, each ending in \r.
TEST(CmdIndex, ProgressOfALongerRunIntoALogIsWholeLines) {
  TSUBO_REQUIRE_CORPUS(corpus);
  const std::string db = temp_dir("index-log-corpus") + "/db";
  const TsuboRun r = run_tsubo("index --db " + shell_quote(db) + " " + shell_quote(corpus + "/statutes-core") + " " +
                               shell_quote(corpus + "/rulings") + " " + shell_quote(corpus + "/guidance"));
  EXPECT_TRUE(r.status == 0 || r.status == 2) << r.err;
  expect_log_lines(r.err);
}

}  // namespace
}  // namespace tsubo::testing
