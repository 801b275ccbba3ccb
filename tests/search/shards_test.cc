// Shards searched as one rank like one database holding everything; a missing shard is named.
#include "search/shards.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include <xapian.h>

#include "indexer/index_run.h"
#include "search/searcher.h"
#include "test_support.h"
#include "text/analyzer.h"

namespace tsubo {
namespace {

std::string build(const std::string& label, const std::vector<std::string>& folders) {
  IndexOptions options;
  options.db_path = testing::temp_dir(label) + "/db";
  options.progress = false;
  index_paths(folders, options);
  return options.db_path;
}

// passage id → score, for comparing rankings whose ties may be broken differently.
std::map<std::string, double> scores(Searcher& s, const std::string& query) {
  SearchRequest r;
  r.query = query;
  r.limit = 50;
  std::map<std::string, double> out;
  for (const auto& h : s.search(r).hits) out[h.passage_id] = h.score;
  return out;
}

class ShardsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    whole_ = build("shards-whole", {testing::fixture_path("statute"), testing::fixture_path("ruling"),
                                    testing::fixture_path("guidance")});
    statutes_ = build("shards-statutes", {testing::fixture_path("statute")});
    others_ = build("shards-others", {testing::fixture_path("ruling"), testing::fixture_path("guidance")});
  }
  static std::string whole_, statutes_, others_;
  Analyzer analyzer_;
};
std::string ShardsTest::whole_, ShardsTest::statutes_, ShardsTest::others_;

TEST_F(ShardsTest, TwoShardsRankLikeOneDatabase) {
  Searcher one(whole_, analyzer_);
  Searcher two(std::vector<std::string>{statutes_, others_}, analyzer_);
  EXPECT_EQ(one.passage_count(), two.passage_count());
  for (const char* q : {"営業秘密", "試験", "秘密管理性", "不正競争 損害賠償", "\"秘密として管理されている\""}) {
    const auto a = scores(one, q), b = scores(two, q);
    ASSERT_EQ(a.size(), b.size()) << q;
    for (const auto& [id, score] : a) {
      ASSERT_TRUE(b.count(id)) << q << " " << id;
      EXPECT_NEAR(score, b.at(id), 1e-9 * std::max(1.0, std::abs(score))) << q << " " << id;
    }
  }
}

TEST_F(ShardsTest, AStubFileOpensTheShardsAsOneDatabase) {
  const std::string stub = testing::temp_dir("shards-stub") + "/all.stub";
  write_shard_stub({statutes_, others_}, stub);
  Searcher via_stub(stub, analyzer_);
  Searcher one(whole_, analyzer_);
  EXPECT_EQ(via_stub.passage_count(), one.passage_count());
  EXPECT_EQ(scores(via_stub, "営業秘密"), scores(one, "営業秘密"));
}

TEST_F(ShardsTest, AMissingShardIsNamedAndTheRestAnswers) {
  const std::string gone = testing::temp_dir("shards-gone") + "/nothing-here";
  Searcher s(std::vector<std::string>{statutes_, gone}, analyzer_);
  SearchRequest r;
  r.query = "試験";
  const SearchResponse response = s.search(r);
  ASSERT_EQ(response.missing_shards.size(), 1u);
  EXPECT_NE(response.missing_shards[0].find(gone), std::string::npos);
  EXPECT_FALSE(response.hits.empty());
}

TEST_F(ShardsTest, TheFingerprintMovesWithAReindexAndTellsDatabasesApart) {
  const std::string db = build("shards-fingerprint", {testing::fixture_path("statute")});
  const std::string before = database_fingerprint(Xapian::Database(db));
  EXPECT_EQ(before, database_fingerprint(Xapian::Database(db)));
  EXPECT_NE(before, database_fingerprint(Xapian::Database(statutes_)));  // same content, another database
  Xapian::Database two;
  two.add_database(Xapian::Database(statutes_));
  two.add_database(Xapian::Database(others_));
  EXPECT_NE(database_fingerprint(two), database_fingerprint(Xapian::Database(statutes_)));

  IndexOptions options;
  options.db_path = db;
  options.progress = false;
  index_paths({testing::fixture_path("ruling")}, options);  // an existing database: updated in place
  EXPECT_NE(database_fingerprint(Xapian::Database(db)), before);
}

TEST_F(ShardsTest, NoShardAnsweringIsAnError) {
  // Port 1 on loopback: nothing listens there, so the connection is refused at once.
  EXPECT_THROW(Searcher(std::vector<std::string>{"tcp://127.0.0.1:1"}, analyzer_), SearchError);
  EXPECT_THROW(Searcher(std::vector<std::string>{"tcp://no-port"}, analyzer_), SearchError);
}

}  // namespace
}  // namespace tsubo
