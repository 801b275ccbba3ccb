// The law as it stood, end to end on the real revisions of 不正競争防止法 and 特許法
// (../shared/corpus/statute-versions) beside their 2013 text export (statutes-core): the version in
// force on a day, every version, the history of an article and its changes marked.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/file.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <set>
#include <string>

#include "cli/run_tsubo.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace tsubo {
namespace {

using testing::run_tsubo;
using testing::shell_quote;

// ctest runs each test in its own process: the index is built once beside the tsubo binary and reused
// while the binary is unchanged (a lock keeps two tests from building it at once).
std::string versions_index(const std::string& corpus) {
  const fs::path binary = TSUBO_BINARY;
  const fs::path dir = binary.parent_path() / "test-cache" / "statute-versions";
  const fs::path stamp = dir / "built-by";
  fs::create_directories(dir);
  const int lock = ::open((dir / "lock").c_str(), O_CREAT | O_RDWR, 0644);
  ::flock(lock, LOCK_EX);
  const std::string built_by = std::to_string(fs::last_write_time(binary).time_since_epoch().count());
  std::string seen;
  if (FILE* f = std::fopen(stamp.c_str(), "r")) {
    char buf[64] = {};
    if (std::fgets(buf, sizeof buf, f)) seen = buf;
    std::fclose(f);
  }
  const std::string db = (dir / "db").string();
  if (seen != built_by) {
    fs::remove_all(db);
    const auto r = run_tsubo("index -q --db " + db + " " + shell_quote(corpus + "/statute-versions/405AC0000000047") + " " +
                             shell_quote(corpus + "/statute-versions/334AC0000000121") + " " +
                             shell_quote(corpus + "/statutes-core/6273.txt") + " " +
                             shell_quote(corpus + "/statutes-core/6251.txt"));
    EXPECT_EQ(r.status, 0) << r.err;
    if (FILE* f = std::fopen(stamp.c_str(), "w")) {
      std::fputs(built_by.c_str(), f);
      std::fclose(f);
    }
  }
  ::flock(lock, LOCK_UN);
  ::close(lock);
  return db;
}

class StatuteVersions : public ::testing::Test {
 protected:
  void SetUp() override {
    TSUBO_REQUIRE_CORPUS(corpus);
    db_ = versions_index(corpus);
  }
  nlohmann::json search(const std::string& args) {
    const auto r = run_tsubo("search --json -n 50 --db " + db_ + " " + args);
    EXPECT_EQ(r.status, 0) << args;
    return r.status == 0 ? nlohmann::json::parse(r.out) : nlohmann::json::object();
  }
  nlohmann::json history(const std::string& args) {
    const auto r = run_tsubo("history --json --db " + db_ + " " + args);
    EXPECT_EQ(r.status, 0) << args;
    return r.status == 0 ? nlohmann::json::parse(r.out) : nlohmann::json::object();
  }
  std::string db_;
};

// The hit for an article of a law, or null.
const nlohmann::json* article_hit(const nlohmann::json& response, const std::string& law, const std::string& article) {
  for (const auto& h : response["hits"])
    if (h["meta"]["law"] == law && h["meta"]["article"] == article) return &h;
  return nullptr;
}

TEST_F(StatuteVersions, LimitedProvisionDataArrivesOnTheFirstOfJuly2019) {
  // 2条7項 (限定提供データ) came with 平成30年法律第33号, in force 2019-07-01.
  EXPECT_EQ(article_hit(search("--as-of 2019-06-30 限定提供データ"), "不正競争防止法", "2"), nullptr);
  const auto on = search("--as-of 2019-07-01 限定提供データ");
  const auto* hit = article_hit(on, "不正競争防止法", "2");
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ((*hit)["passage_id"], "statute/405AC0000000047_20190701_430AC0000000033#art2");
  EXPECT_NE((*hit)["text"].get<std::string>().find("この法律において「限定提供データ」とは"), std::string::npos);
  EXPECT_EQ((*hit)["version"]["version_date"], "2019-07-01");
  EXPECT_EQ((*hit)["version"]["amending_law"], "平成30年法律第33号");
  // Japanese-calendar forms of the day give the same answer.
  EXPECT_EQ(article_hit(search("--as-of H31.6.30 限定提供データ"), "不正競争防止法", "2"), nullptr);
  EXPECT_NE(article_hit(search("--as-of 令和元年7月1日 限定提供データ"), "不正競争防止法", "2"), nullptr);
}

TEST_F(StatuteVersions, PatentArticle35ReadsReasonableValueUntil2016AndBenefitAfter) {
  const auto before = search("--as-of 2016-03-31 --law 特許法 --article 35 職務発明");
  ASSERT_EQ(before["hits"].size(), 1u);
  const std::string old_text = before["hits"][0]["text"];
  EXPECT_NE(old_text.find("相当の対価"), std::string::npos);
  EXPECT_EQ(old_text.find("相当の利益"), std::string::npos);
  const auto after = search("--as-of 2016-04-01 --law 特許法 --article 35 職務発明");
  ASSERT_EQ(after["hits"].size(), 1u);
  const std::string new_text = after["hits"][0]["text"];
  EXPECT_NE(new_text.find("相当の金銭その他の経済上の利益"), std::string::npos);
  EXPECT_NE(new_text.find("相当の利益"), std::string::npos);
  EXPECT_EQ(new_text.find("相当の対価"), std::string::npos);
  // Two revisions came into force on 2016-04-01 (平成26年法律第69号 and 平成27年法律第55号): the
  // later law's text is the one in force.
  EXPECT_EQ(after["hits"][0]["doc_id"], "statute/334AC0000000121_20160401_427AC0000000055");
}

TEST_F(StatuteVersions, TodayEachArticleOnceInTheCurrentVersion) {
  const auto r = search("限定提供データ");
  std::size_t article2 = 0;
  for (const auto& h : r["hits"]) {
    if (h["meta"]["law"] != "不正競争防止法") continue;
    EXPECT_TRUE(h["version"]["current"].get<bool>()) << h["passage_id"];
    if (h["meta"]["article"] == "2") ++article2;
  }
  EXPECT_EQ(article2, 1u);
  const auto* hit = article_hit(r, "不正競争防止法", "2");
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ((*hit)["doc_id"], "statute/405AC0000000047_20260524_504AC0000000048");  // the newest tsubo has
}

TEST_F(StatuteVersions, AllVersionsShowsEachDistinctTextOnce) {
  const auto r = search("--all-versions --law 不正競争防止法 --article 21 営業秘密");
  std::set<std::string> texts, starts;
  for (const auto& h : r["hits"]) {
    EXPECT_TRUE(texts.insert(h["text"].get<std::string>()).second) << "a text twice: " << h["passage_id"];
    starts.insert(h["version"]["in_force_from"].get<std::string>());
  }
  // 21条 read five ways: the 2013 text (unchanged in e-Gov's first version), 2016-01-01, 2019-07-01,
  // 2024-06-13, 2025-06-16 (拘禁刑).
  EXPECT_EQ(texts.size(), 5u);
  EXPECT_TRUE(starts.count("2016-01-01"));
  EXPECT_TRUE(starts.count("2025-06-16"));
  // Newest first among equal scores.
  ASSERT_GE(r["hits"].size(), 2u);
  EXPECT_GE(r["hits"][0]["meta"]["date"].get<std::string>(), r["hits"][1]["meta"]["date"].get<std::string>());
}

TEST_F(StatuteVersions, HistoryMarksTheRaiseOfTheFineIn2016) {
  const auto h = history("不競法21条");
  EXPECT_EQ(h["law"], "不正競争防止法");
  const nlohmann::json* raised = nullptr;
  for (const auto& t : h["texts"])
    if (t["from"] == "2016-01-01") raised = &t;
  ASSERT_NE(raised, nullptr);
  EXPECT_EQ((*raised)["amending_law"], "平成27年法律第54号");
  // 十年以下の懲役若しくは千万円以下の罰金 → …二千万円以下の罰金: 二 inserted before 千万円.
  std::string marked;
  for (const auto& c : (*raised)["changes"]) {
    const std::string op = c["op"], text = c["text"];
    marked += op == "inserted" ? "{+" + text + "+}" : op == "deleted" ? "[-" + text + "-]" : text;
  }
  EXPECT_NE(marked.find("懲役若しくは{+二+}千万円以下の罰金"), std::string::npos);
  // Unchanged versions are folded: fewer texts than versions.
  EXPECT_LT(h["texts"].size(), h["versions"].get<std::size_t>());
}

TEST_F(StatuteVersions, DiffBetweenTwoDaysMarksTheNewWording) {
  const auto r = run_tsubo("history --db " + db_ + " 特許法35条 --diff 2015-08-01..2016-04-01");
  ASSERT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("相当の[-対価-]{+金銭その他の経済上の利益"), std::string::npos) << r.out;
}

TEST_F(StatuteVersions, PenalReformStillFoundByTheOldWords) {
  // From 2025-06-16 不競法21条 reads 拘禁刑 where it read 懲役.
  const auto r = search("懲役 罰金 併科 --law 不競法");
  const auto* hit = article_hit(r, "不正競争防止法", "21");
  ASSERT_NE(hit, nullptr);
  EXPECT_NE((*hit)["text"].get<std::string>().find("拘禁刑"), std::string::npos);
  EXPECT_EQ((*hit)["text"].get<std::string>().find("懲役"), std::string::npos);
  EXPECT_TRUE((*hit)["version"]["changed"].get<bool>());  // the hit says the wording changed
  EXPECT_EQ((*hit)["version"]["in_force_from"], "2025-06-16");
}

TEST_F(StatuteVersions, BeforeTheFirstVersionTheEarliestTextAnswers) {
  const auto r = search("--as-of 1990-01-01 --law 不正競争防止法 --article 21 営業秘密");
  ASSERT_EQ(r["hits"].size(), 1u);
  EXPECT_EQ(r["hits"][0]["doc_id"], "statute/6273");  // the 2013 export: the earliest text indexed
  const auto bad = run_tsubo("search --db " + db_ + " --as-of 平成99年13月 営業秘密");
  EXPECT_EQ(bad.status, 1);
  EXPECT_NE(bad.err.find("is not a day"), std::string::npos) << bad.err;
}

TEST_F(StatuteVersions, CitationsAreCountedOnceAcrossVersions) {
  // Each of the 15 versions of 不正競争防止法 cites its own 2条; only the texts in force today count.
  const auto r = run_tsubo("cites --json --limit 1000 --db " + db_ + " 不正競争防止法2条");
  ASSERT_EQ(r.status, 0);
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_GT(j["total"].get<std::size_t>(), 0u);
  EXPECT_EQ(j["total"].get<std::size_t>(), j["passages"].size());
  for (const auto& p : j["passages"]) {
    const std::string doc = p["doc_id"];
    EXPECT_TRUE(doc.find("_20260524_") != std::string::npos) << doc << " is not in force today";
  }
}

TEST_F(StatuteVersions, ASecondCopyOfARevisionIsNamedAndNeverShown) {
  TSUBO_REQUIRE_CORPUS(corpus);
  // The revision of 2019-07-01 twice, once under another file name, beside the one before it.
  const std::string folder = testing::temp_dir("versions-copy");
  const std::string law = corpus + "/statute-versions/405AC0000000047/";
  fs::copy_file(law + "405AC0000000047_20190701_430AC0000000033.xml", folder + "/405AC0000000047_20190701_430AC0000000033.xml");
  fs::copy_file(law + "405AC0000000047_20190701_430AC0000000033.xml", folder + "/copy-of-the-2019-text.xml");
  fs::copy_file(law + "405AC0000000047_20181129_430AC0000000033.xml", folder + "/405AC0000000047_20181129_430AC0000000033.xml");
  const std::string db = folder + "/db";
  const auto index = run_tsubo("index -q --db " + db + " " + folder);
  EXPECT_EQ(index.status, 0) << index.err;
  EXPECT_NE(index.err.find("second copy of a statute revision"), std::string::npos) << index.err;
  const auto r = run_tsubo("search --json --as-of 2020-01-01 --db " + db + " --law 不正競争防止法 --article 2 限定提供データ");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["hits"].size(), 1u);  // the article once, not once per copy
}

TEST_F(StatuteVersions, HistoryOfAnArticleTheIndexLacksSaysSo) {
  const auto r = run_tsubo("history --db " + db_ + " 民法709条");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("holds no article 709 of 民法"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace tsubo
