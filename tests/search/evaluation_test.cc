// Judgment-set loading, anchor matching and the ranking measures, on hand-computed examples.
#include "search/evaluation.h"

#include <gtest/gtest.h>

#include <cmath>

#include "test_support.h"

namespace tsubo {
namespace {

using ::tsubo::testing::fixture_path;

Judgment judgment(const std::string& doc_id, const std::string& anchor, int grade) {
  return Judgment{"Q01", doc_id, anchor, grade, 0};
}

// Message of the EvalSetError that f throws; fails the test when it throws nothing.
template <typename F>
std::string error_of(F f) {
  try {
    f();
  } catch (const EvalSetError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no EvalSetError";
  return "";
}

// ---- measures --------------------------------------------------------------------------------

TEST(EvaluationMeasures, PerfectRankingHasNdcgOne) {
  EXPECT_DOUBLE_EQ(ndcg_at({3, 2, 1}, {1, 3, 2}, 10), 1.0);
  EXPECT_DOUBLE_EQ(ndcg_at({3, 3, 2, 1, 1, 1, 1, 1, 1, 1, 0, 3}, {1, 1, 1, 1, 1, 1, 1, 2, 3, 3}, 10), 1.0);
}

TEST(EvaluationMeasures, KnownDcgValue) {
  // (2^3 − 1)/log2(2) + 0 + (2^2 − 1)/log2(4) = 7 + 1.5
  EXPECT_DOUBLE_EQ(dcg_at({3, 0, 2}, 10), 8.5);
  // Ideal: 7/log2(2) + 3/log2(3).
  EXPECT_NEAR(ndcg_at({3, 0, 2}, {2, 3}, 10), 8.5 / (7 + 3 / std::log2(3.0)), 1e-12);
  EXPECT_NEAR(ndcg_at({3, 0, 2}, {2, 3}, 10), 0.955830, 1e-6);
}

TEST(EvaluationMeasures, NdcgCutsRankingAndIdealAtK) {
  EXPECT_DOUBLE_EQ(dcg_at({0, 0, 3}, 2), 0.0);
  // Eleven grade-1 judgments: the ideal is ten ones, and a ranking of ten ones is perfect.
  EXPECT_DOUBLE_EQ(ndcg_at(std::vector<int>(10, 1), std::vector<int>(11, 1), 10), 1.0);
  EXPECT_DOUBLE_EQ(ndcg_at({}, {3}, 10), 0.0);
  EXPECT_DOUBLE_EQ(ndcg_at({3}, {}, 10), 0.0);  // no judgments: nothing to normalise by
}

TEST(EvaluationMeasures, ReciprocalRankOfFirstGradeTwo) {
  EXPECT_DOUBLE_EQ(reciprocal_rank({0, 1, 2, 3}, 2), 1.0 / 3);
  EXPECT_DOUBLE_EQ(reciprocal_rank({1, 0, 3}, 2), 1.0 / 3);
  EXPECT_DOUBLE_EQ(reciprocal_rank({3}, 2), 1.0);
  EXPECT_DOUBLE_EQ(reciprocal_rank({1, 1, 0}, 2), 0.0);
}

TEST(EvaluationMeasures, PrecisionDividesByKEvenWhenFewerReturned) {
  EXPECT_DOUBLE_EQ(precision_at({1, 0, 3}, 5, 1), 0.4);
  EXPECT_DOUBLE_EQ(precision_at({1, 2, 3, 1, 2, 0, 3}, 5, 1), 1.0);
  EXPECT_DOUBLE_EQ(precision_at({}, 5, 1), 0.0);
}

TEST(EvaluationMeasures, RecallCountsJudgmentsFoundWithinK) {
  EXPECT_DOUBLE_EQ(recall_at({1, 0, 150, 100}, 100), 0.5);
  EXPECT_DOUBLE_EQ(recall_at({}, 100), 0.0);
}

TEST(EvaluationMeasures, MeanOfEachMeasure) {
  const QueryScores m = mean({{1.0, 1.0, 0.4, 0.5}, {0.5, 0.0, 0.2, 1.0}});
  EXPECT_DOUBLE_EQ(m.ndcg_10, 0.75);
  EXPECT_DOUBLE_EQ(m.mrr, 0.5);
  EXPECT_DOUBLE_EQ(m.p_5, 0.3);
  EXPECT_DOUBLE_EQ(m.recall_100, 0.75);
  EXPECT_DOUBLE_EQ(mean({}).ndcg_10, 0.0);
}

// ---- judging ---------------------------------------------------------------------------------

TEST(EvaluationJudge, AnchorMatchIgnoresWhiteSpaceAndWidth) {
  EXPECT_EQ(anchor_key("営　業秘密"), anchor_key("営業秘密"));
  EXPECT_EQ(anchor_key("２条　６項"), "2条6項");
  EXPECT_EQ(anchor_key("秘密管\n理性"), "秘密管理性");

  const std::vector<Judgment> js = {judgment("ruling/1", "営業秘密", 3), judgment("statute/6273", "２条６項", 2),
                                    judgment("statute/6273", "10条", 1)};
  const JudgedRanking judged = judge({{"ruling/1", "本件情報は営　業秘密に当たる"},
                                      {"statute/6273", "第2条6項の規定"},
                                      {"statute/6273", "第１ ０条"}},
                                     js);
  EXPECT_EQ(judged.grades, (std::vector<int>{3, 2, 1}));
  EXPECT_EQ(judged.found_at, (std::vector<std::size_t>{1, 2, 3}));
}

TEST(EvaluationJudge, DocumentMustMatch) {
  const JudgedRanking judged = judge({{"ruling/2", "営業秘密"}}, {judgment("ruling/1", "営業秘密", 3)});
  EXPECT_EQ(judged.grades, (std::vector<int>{0}));
  EXPECT_EQ(judged.found_at, (std::vector<std::size_t>{0}));
}

TEST(EvaluationJudge, EachJudgmentCountsOnceForTheBestRankedPassage) {
  const std::vector<RankedPassage> ranking = {
      {"ruling/9", "無関係"}, {"ruling/1", "秘密管理性がある"}, {"ruling/1", "秘密管理性がない"}};
  const JudgedRanking judged = judge(ranking, {judgment("ruling/1", "秘密管理性", 3)});
  EXPECT_EQ(judged.grades, (std::vector<int>{0, 3, 0}));
  EXPECT_EQ(judged.found_at, (std::vector<std::size_t>{2}));
  EXPECT_DOUBLE_EQ(ndcg_at(judged.grades, judged.judgment_grades, 10), 1 / std::log2(3.0));
}

TEST(EvaluationJudge, PassageSatisfyingSeveralTakesHighestAndUsesThemAllUp) {
  const std::vector<Judgment> js = {judgment("ruling/1", "非公知性", 1), judgment("ruling/1", "秘密管理性", 3),
                                    judgment("ruling/1", "有用性", 2)};
  const JudgedRanking judged =
      judge({{"ruling/1", "秘密管理性及び非公知性"}, {"ruling/1", "非公知性と有用性"}}, js);
  // Rank 1 is credited with 秘密管理性 (3) and 非公知性 (1); rank 2 only with 有用性 (2), since
  // 非公知性 was used up at rank 1.
  EXPECT_EQ(judged.grades, (std::vector<int>{3, 2}));
  EXPECT_EQ(judged.found_at, (std::vector<std::size_t>{1, 1, 2}));
  EXPECT_EQ(judged.judgment_grades, (std::vector<int>{1, 3, 2}));

  const QueryScores s = score(judged);
  EXPECT_NEAR(s.ndcg_10, (7 + 3 / std::log2(3.0)) / (7 + 3 / std::log2(3.0) + 1 / 2.0), 1e-12);
  EXPECT_DOUBLE_EQ(s.mrr, 1.0);
  EXPECT_DOUBLE_EQ(s.p_5, 0.4);
  EXPECT_DOUBLE_EQ(s.recall_100, 1.0);
}

TEST(EvaluationJudge, RepeatedPassageEarnsNothingTwice) {
  const std::vector<Judgment> js = {judgment("ruling/1", "営業秘密", 3), judgment("ruling/1", "営業秘密の使用", 2)};
  const JudgedRanking judged =
      judge({{"ruling/1", "営業秘密の使用を立証"}, {"ruling/1", "営業秘密の使用を立証"}}, js);
  EXPECT_EQ(judged.grades, (std::vector<int>{3, 0}));
  EXPECT_LE(ndcg_at(judged.grades, judged.judgment_grades, 10), 1.0);
}

// ---- loading ---------------------------------------------------------------------------------

TEST(EvaluationLoad, ReadsQueriesAndJudgments) {
  const JudgmentSet set = load_judgment_set(fixture_path("eval/mini"));
  ASSERT_EQ(set.queries.size(), 2u);
  EXPECT_EQ(set.queries[0].qid, "Q01");
  EXPECT_EQ(set.queries[0].query, "秘密管理性");
  EXPECT_EQ(set.queries[1].query, "不正競争防止法２条６項");
  EXPECT_EQ(set.queries[1].description, "passages applying Art. 2(6)");  // CR line ends dropped

  ASSERT_EQ(set.judgments.size(), 3u);  // the blank line is skipped
  EXPECT_EQ(set.judgments[0].doc_id, "ruling/81687");
  EXPECT_EQ(set.judgments[0].grade, 3);
  EXPECT_EQ(set.judgments[2].qid, "Q10");
  EXPECT_EQ(set.judgments[2].line, 4u);
  EXPECT_EQ(judgments_for(set, "Q01").size(), 2u);
  EXPECT_TRUE(judgments_for(set, "Q99").empty());
}

TEST(EvaluationLoad, MalformedLineNamesFileAndLine) {
  const std::string message = error_of([] { load_judgment_set(fixture_path("eval/malformed")); });
  EXPECT_NE(message.find("malformed/qrels.tsv:2:"), std::string::npos) << message;
  EXPECT_NE(message.find("expected 4 TAB-separated fields"), std::string::npos) << message;
}

TEST(EvaluationLoad, BadGradeIsRejected) {
  const std::string message = error_of([] { load_qrels(fixture_path("eval/bad-grade-qrels.tsv")); });
  EXPECT_NE(message.find("bad-grade-qrels.tsv:1:"), std::string::npos) << message;
  EXPECT_NE(message.find("«three»"), std::string::npos) << message;
}

TEST(EvaluationLoad, JudgmentForUnknownQueryIsRejected) {
  const std::string message = error_of([] { load_judgment_set(fixture_path("eval/unknown-qid")); });
  EXPECT_NE(message.find("unknown-qid/qrels.tsv:2:"), std::string::npos) << message;
  EXPECT_NE(message.find("Q99"), std::string::npos) << message;
}

TEST(EvaluationLoad, RepeatedQidIsRejected) {
  const std::string message = error_of([] { load_queries(fixture_path("eval/duplicate-qid-queries.tsv")); });
  EXPECT_NE(message.find(":2: qid Q01 already used on line 1"), std::string::npos) << message;
}

TEST(EvaluationLoad, MissingSetOrFileIsNamed) {
  EXPECT_NE(error_of([] { load_judgment_set(fixture_path("eval/nowhere")); }).find("eval/nowhere"), std::string::npos);
  EXPECT_NE(error_of([] { load_qrels(fixture_path("eval/mini/nothing.tsv")); }).find("nothing.tsv: no such file"),
            std::string::npos);
}

TEST(EvaluationLoad, SharedDevSetLoads) {
  TSUBO_REQUIRE_CORPUS(corpus);
  const JudgmentSet set = load_judgment_set(corpus + "/eval/dev");
  EXPECT_FALSE(set.queries.empty());
  for (const auto& q : set.queries) EXPECT_FALSE(judgments_for(set, q.qid).empty()) << q.qid;
}

}  // namespace
}  // namespace tsubo

namespace tsubo {
namespace {

TEST(EvaluationSet, AQuestionIsMarkedInItsDescription) {
  EXPECT_TRUE(is_question({"Q1", "退職した従業員が顧客名簿を持ち出した場合の責任", "[question] 元従業員の責任"}));
  EXPECT_FALSE(is_question({"Q2", "秘密管理性", "秘密管理性の判断基準"}));
  EXPECT_FALSE(is_question({"Q3", "秘密管理性", "about a [question] mark inside"}));
}

}  // namespace
}  // namespace tsubo
