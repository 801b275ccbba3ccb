// Feedback for questions: the words of a question's best passages join it, nouns only, scaled down.
#include "search/question_expansion.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <map>
#include <string>

#include "indexer/schema.h"
#include "search/query_parser.h"
#include "search/ranking.h"
#include "text/analyzer.h"

namespace tsubo {
namespace {

class QuestionExpansionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    // Three rulings tell of a former employee taking a customer list; they share the legal wording
    // (営業秘密, 不正使用) that a lay question does not use.
    add("r1", "元従業員が顧客名簿を持ち出した行為は営業秘密の不正使用に当たる。");
    add("r2", "退職した従業員による顧客名簿の持ち出しについて、営業秘密の不正使用を認めた。");
    add("r3", "被告は顧客名簿を持ち出し、営業秘密を不正使用したものと認められる。");
    add("s1", "営業秘密を不正使用する行為は不正競争とする。");
    add("x1", "本日は晴天なり。");
    add("x2", "顧客名簿を持ち出した場合の手続を定める。");
    // Unrelated passages, so that the legal wording is rare in the index as it is in a real one.
    for (int i = 0; i < 20; ++i) add("filler" + std::to_string(i), "会議の議事録を作成し、出席者に配布する。第" + std::to_string(i) + "回");
  }

  void add(const std::string& id, const std::string& text) {
    Xapian::Document doc;
    for (const Token& t : analyzer_.analyze(text)) doc.add_posting(t.term, t.position + 1);
    doc.add_value(schema::kValueDocId, id);
    doc.set_data(id);
    db_.add_document(doc);
  }

  Analyzer analyzer_;
  Xapian::WritableDatabase db_;
};

TEST_F(QuestionExpansionTest, AddsTheNounsOfTheBestPassagesNotTheQuestionsOwn) {
  const ParsedQuery q = parse_query("辞めた社員が顧客名簿を持ち出した場合", analyzer_);
  ASSERT_TRUE(q.question);
  RankingParams params;
  params.feedback_docs = 3;
  params.feedback_terms = 5;
  const QuestionExpansion e = expand_question(db_, q.query, analyzer_, params);
  ASSERT_FALSE(e.added.empty());
  // The rulings' own wording, which the question does not use.
  EXPECT_TRUE(std::any_of(e.added.begin(), e.added.end(), [](const std::string& t) { return t == "営業" || t == "秘密" || t == "不正"; }));
  for (const std::string& t : e.added) {
    EXPECT_NE(t, "顧客") << "a term of the question itself";
    EXPECT_NE(t, "を") << "a particle";
    const auto tokens = analyzer_.analyze(t);
    ASSERT_EQ(tokens.size(), 1u) << t;
    EXPECT_EQ(tokens.front().kind, TokenKind::Noun) << t;
  }
  EXPECT_LE(e.added.size(), 5u);

  // The added wording lifts the passages that use it and brings in nothing the question does not
  // match (it only reorders: the cost stays bounded).
  auto scores = [&](const Xapian::Query& query) {
    Xapian::Enquire en(db_);
    en.set_query(query);
    std::map<std::string, double> out;
    const Xapian::MSet m = en.get_mset(0, 10);
    for (auto it = m.begin(); it != m.end(); ++it) out[it.get_document().get_data()] = it.get_weight();
    return out;
  };
  const auto before = scores(q.query), after = scores(e.query);
  ASSERT_TRUE(before.count("r1") && before.count("x2"));
  EXPECT_GT(after.at("r1"), before.at("r1"));
  EXPECT_EQ(after.count("s1"), before.count("s1"));
  EXPECT_EQ(after.size(), before.size());
}

TEST_F(QuestionExpansionTest, OffWithZeroTermsOrNoMatch) {
  const ParsedQuery q = parse_query("辞めた社員が顧客名簿を持ち出した場合", analyzer_);
  RankingParams off;
  off.feedback_terms = 0;
  const QuestionExpansion none = expand_question(db_, q.query, analyzer_, off);
  EXPECT_TRUE(none.added.empty());
  EXPECT_EQ(none.query.serialise(), q.query.serialise());

  const ParsedQuery nothing = parse_query("宇宙船が月面に着陸したか", analyzer_);
  EXPECT_TRUE(expand_question(db_, nothing.query, analyzer_, RankingParams{}).added.empty());
}

}  // namespace
}  // namespace tsubo
