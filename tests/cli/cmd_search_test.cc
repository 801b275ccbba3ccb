// tsubo search as a user types it: the real binary on a database of tests/fixtures/web-corpus.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <string>

#include "cli/run_tsubo.h"
#include "test_support.h"

namespace tsubo::testing {
namespace {

using nlohmann::json;

TsuboRun search(const std::string& args) { return run_tsubo("search --json --db " + shell_quote(web_corpus_db()) + " " + args); }

json search_json(const std::string& args) {
  const TsuboRun r = search(args);
  EXPECT_EQ(r.status, 0) << args << "\n" << r.err;
  return r.status == 0 ? json::parse(r.out) : json::object();
}

// `--type ruling 営業秘密 "不正の利益を得る目的"` once read 営業秘密 as a second type.
TEST(CmdSearch, AFilterOptionTakesOneValueAndTheRestIsTheQuery) {
  const json spaced = search_json("--type ruling 営業秘密 '不正の利益を得る目的'");
  EXPECT_EQ(spaced.value("query", ""), "営業秘密 不正の利益を得る目的");
  ASSERT_FALSE(spaced["hits"].empty());
  for (const auto& h : spaced["hits"]) EXPECT_EQ(h["type"], "ruling");

  const json joined = search_json("--type=ruling 営業秘密");
  EXPECT_EQ(joined.value("query", ""), "営業秘密");
  ASSERT_FALSE(joined["hits"].empty());
  for (const auto& h : joined["hits"]) EXPECT_EQ(h["type"], "ruling");
}

TEST(CmdSearch, AFilterRepeatsOrTakesCommaSeparatedValues) {
  for (const char* args : {"--type ruling,statute 営業秘密", "--type ruling --type statute 営業秘密"}) {
    const json r = search_json(args);
    EXPECT_EQ(r.value("query", ""), "営業秘密") << args;
    bool ruling = false, statute = false;
    for (const auto& h : r["hits"]) {
      EXPECT_NE(h["type"], "guidance") << args;
      ruling = ruling || h["type"] == "ruling";
      statute = statute || h["type"] == "statute";
    }
    EXPECT_TRUE(ruling && statute) << args << ": " << r.dump();
  }
}

TEST(CmdSearch, EveryFilterOptionLeavesTheFollowingWordsToTheQuery) {
  for (const char* option : {"--court 知的財産高等裁判所", "--law 不正競争防止法", "--requirement 秘密管理性",
                             "--right-type 不正競争", "--article 2", "--cites 不正競争防止法2条6項",
                             "--court=知的財産高等裁判所", "--law=不正競争防止法"}) {
    const json r = search_json(std::string(option) + " 営業秘密 管理");
    EXPECT_EQ(r.value("query", ""), "営業秘密 管理") << option;
  }
}

TEST(CmdSearch, LimitAndOffsetOutOfRangeSayTheRange) {
  const TsuboRun negative = search("--limit -1 営業秘密");
  EXPECT_EQ(negative.status, 1);
  EXPECT_EQ(negative.err, "[search] --limit must be between 1 and 1000\n");
  EXPECT_EQ(search("-n 1001 営業秘密").err, "[search] --limit must be between 1 and 1000\n");
  EXPECT_EQ(search("--limit 0 営業秘密").err, "[search] --limit must be between 1 and 1000\n");
  const TsuboRun offset = search("--offset -5 営業秘密");
  EXPECT_EQ(offset.status, 1);
  EXPECT_EQ(offset.err, "[search] --offset must be between 0 and 1000000\n");
  EXPECT_EQ(search("--limit 1000 --offset 3 営業秘密").status, 0);
}

// A 100 KB query was refused and echoed whole to the terminal.
TEST(CmdSearch, ARefusedLongQueryIsEchoedShort) {
  std::string query;
  for (int i = 0; i < 8500; ++i) query += "営業秘密";
  const TsuboRun r = search(shell_quote(query));
  EXPECT_EQ(r.status, 1);
  EXPECT_LT(r.err.size(), 600u) << r.err.substr(0, 600);
  EXPECT_NE(r.err.find("…» (102000 bytes)"), std::string::npos) << r.err.substr(0, 600);
  EXPECT_NE(r.err.find("the query is too long"), std::string::npos) << r.err.substr(0, 600);
}

// An ESC in a query reached the terminal raw (and could clear or recolour it).
TEST(CmdSearch, ControlCharactersInInputAreEscaped) {
  const TsuboRun query = search(shell_quote("\x1b[2J\"営業秘密"));
  EXPECT_EQ(query.status, 1);
  EXPECT_EQ(query.err, "[search] query «\\x1b[2J\"営業秘密»: a quotation mark \" is not closed; put the phrase between two "
                       "quotes\n");
  const TsuboRun type = search("--type " + shell_quote("\x1b[31mruling") + " 営業秘密");
  EXPECT_EQ(type.status, 1);
  EXPECT_EQ(type.err, "[search] unknown type «\\x1b[31mruling»: use statute, ruling or guidance\n");
  const TsuboRun date = search("--from " + shell_quote("\x07") + " 営業秘密");
  EXPECT_EQ(date.err.find('\x07'), std::string::npos) << date.err;
  EXPECT_NE(date.err.find("«\\x07» is not a date"), std::string::npos) << date.err;
  const TsuboRun found =
      run_tsubo("search --db " + shell_quote(web_corpus_db()) + " " + shell_quote("営業秘密\x1b[2J"));
  EXPECT_EQ(found.out.find('\x1b'), std::string::npos) << found.out.substr(0, 200);
  const TsuboRun cites = run_tsubo("cites --db " + shell_quote(web_corpus_db()) + " " + shell_quote("\x1b[1m不正"));
  EXPECT_EQ(cites.status, 1);
  EXPECT_EQ(cites.err.find('\x1b'), std::string::npos) << cites.err;
  EXPECT_NE(cites.err.find("«\\x1b[1m不正»"), std::string::npos) << cites.err;
}

// 営業秘密 over the corpus's rulings: Xapian stops counting early unless facets make it look at
// every match, and the count printed said 200 either way (210 with --offset 150, 216 with --facets).
TEST(CmdSearch, AnEstimatedCountIsPrintedAsAnEstimate) {
  TSUBO_REQUIRE_CORPUS(corpus);
  const std::string db = temp_dir("cli-rulings") + "/index";
  const TsuboRun indexed = run_tsubo("index -q --db " + shell_quote(db) + " " + shell_quote(corpus + "/rulings"));
  ASSERT_TRUE(indexed.status == 0 || indexed.status == 2) << indexed.err;

  const TsuboRun estimated = run_tsubo("search --db " + shell_quote(db) + " 営業秘密");
  ASSERT_EQ(estimated.status, 0) << estimated.err;
  EXPECT_EQ(estimated.out.rfind("about ", 0), 0u) << estimated.out.substr(0, 200);
  const json estimated_json = json::parse(run_tsubo("search --json --db " + shell_quote(db) + " 営業秘密").out);
  EXPECT_EQ(estimated_json.value("total_exact", true), false);

  const TsuboRun counted = run_tsubo("search --facets --db " + shell_quote(db) + " 営業秘密");
  ASSERT_EQ(counted.status, 0) << counted.err;
  EXPECT_NE(counted.out.rfind("about ", 0), 0u) << counted.out.substr(0, 200);
  EXPECT_NE(counted.out.find(" passages match «営業秘密»"), std::string::npos) << counted.out.substr(0, 200);
  const json counted_json = json::parse(run_tsubo("search --json --facets --db " + shell_quote(db) + " 営業秘密").out);
  EXPECT_EQ(counted_json.value("total_exact", false), true);
  EXPECT_GT(counted_json.value("total", 0), estimated_json.value("total", 0));
}

// --explain says how the query was read: a sentence as a question of weighed concepts, the particles
// it dropped, and the words its best passages added; keywords are not read as a question.
TEST(CmdSearch, ExplainShowsHowAQuestionWasRead) {
  const TsuboRun human =
      run_tsubo("search --explain --db " + shell_quote(web_corpus_db()) + " " + shell_quote("退職した従業員が顧客名簿を持ち出した場合の責任"));
  ASSERT_EQ(human.status, 0) << human.err;
  EXPECT_NE(human.out.find("read as a question; concepts"), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("顧客名簿 ("), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("dropped: し た が を"), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("added from the best passages"), std::string::npos) << human.out;

  const json question = search_json("--explain " + shell_quote("退職した従業員が顧客名簿を持ち出した場合の責任"));
  ASSERT_TRUE(question.contains("reading"));
  EXPECT_TRUE(question["reading"]["question"].get<bool>());
  EXPECT_FALSE(question["reading"]["feedback_terms"].empty());
  for (const auto& c : question["reading"]["concepts"])
    if (c["passages"].get<int>() == 0) {
      EXPECT_EQ(c["weight"].get<double>(), 0) << c;
    }

  const json keywords = search_json("--explain 顧客名簿 営業秘密");
  ASSERT_TRUE(keywords.contains("reading"));
  EXPECT_FALSE(keywords["reading"]["question"].get<bool>());
  EXPECT_TRUE(keywords["reading"]["feedback_terms"].empty());
  EXPECT_FALSE(search_json("顧客名簿 営業秘密").contains("reading"));
}

}  // namespace
}  // namespace tsubo::testing
