// The query language, checked by what it matches in a small in-memory index built by the same analyzer.
#include "search/query_parser.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "text/analyzer.h"

namespace tsubo {
namespace {

class QueryParserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    add("statute", "（定義）この法律において「営業秘密」とは、秘密として管理されている生産方法、販売方法その他の事業活動に有用な技術上又は営業上の情報であって、公然と知られていないものをいう。");
    add("ruling", "本件情報について秘密管理性が認められるかを検討する。");
    add("guidance", "退職者による顧客名簿の持ち出し対策について");
    add("other", "秘密性の管理について述べる。");
    add("widths", "不正競争防止法２条６項に規定する営業秘密");
  }

  void add(const std::string& id, const std::string& text) {
    Xapian::Document doc;
    for (const Token& t : analyzer_.analyze(text)) doc.add_posting(t.term, t.position + 1);
    doc.set_data(id);
    db_.add_document(doc);
  }

  // Strict matching (no loose compounds, no thesaurus) unless a test says otherwise.
  std::set<std::string> matches(const std::string& query, RankingParams params = strict()) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(parse_query(query, analyzer_, params).query);
    std::set<std::string> out;
    const Xapian::MSet mset = enquire.get_mset(0, 100);
    for (auto it = mset.begin(); it != mset.end(); ++it) out.insert(it.get_document().get_data());
    return out;
  }

  static RankingParams strict() {
    RankingParams p;
    p.compound_loose = 0;
    p.synonym_weight = 0;
    return p;
  }

  std::string top(const std::string& query, RankingParams params = strict()) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(parse_query(query, analyzer_, params).query);
    const Xapian::MSet mset = enquire.get_mset(0, 1);
    return mset.empty() ? "" : mset.begin().get_document().get_data();
  }

  Analyzer analyzer_;
  Xapian::WritableDatabase db_;
};

TEST_F(QueryParserTest, CompoundWordIsAPhraseNotLooseParts) {
  // 秘密管理性 splits into 秘密/管理/性; "other" has all three parts, but apart (秘密性の管理).
  EXPECT_EQ(matches("秘密管理性"), (std::set<std::string>{"ruling"}));
}

TEST_F(QueryParserTest, LooseCompoundMatchesRankBelowThePhrase) {
  RankingParams loose = strict();
  loose.compound_loose = 0.4;
  EXPECT_EQ(matches("秘密管理性", loose), (std::set<std::string>{"ruling", "other"}));
  EXPECT_EQ(top("秘密管理性", loose), "ruling");
}

TEST_F(QueryParserTest, ThesaurusFindsTheStatutoryWording) {
  RankingParams with_synonyms = strict();
  with_synonyms.synonym_weight = RankingParams{}.synonym_weight;
  // The statute never says 秘密管理性; it says 秘密として管理されている.
  EXPECT_EQ(matches("秘密管理性", with_synonyms), (std::set<std::string>{"ruling", "statute"}));
  EXPECT_EQ(top("秘密管理性", with_synonyms), "ruling") << "the typed word ranks above its synonym";
  // Abbreviations: 不競法 is 不正競争防止法.
  EXPECT_EQ(matches("不競法", with_synonyms), (std::set<std::string>{"widths"}));
  // Quoted phrases are taken literally.
  EXPECT_TRUE(matches("\"不競法\"", with_synonyms).empty());
  const auto parsed = parse_query("秘密管理性", analyzer_, with_synonyms);
  EXPECT_NE(std::find(parsed.highlight_terms.begin(), parsed.highlight_terms.end(), "秘密 として 管理 さ れ て いる"),
            parsed.highlight_terms.end());
}

TEST_F(QueryParserTest, FullWidthDigitsInQueryMatchEitherWidth) {
  EXPECT_EQ(matches("2条6項"), (std::set<std::string>{"widths"}));
  EXPECT_EQ(matches("２条６項"), (std::set<std::string>{"widths"}));
}

TEST_F(QueryParserTest, QuotedPhraseKeepsParticles) {
  EXPECT_EQ(matches("\"秘密として管理されている\""), (std::set<std::string>{"statute"}));
  EXPECT_TRUE(matches("\"秘密として管理されていない\"").empty());
}

TEST_F(QueryParserTest, SoftAndRanksDocumentsWithAllWordsFirst) {
  EXPECT_EQ(top("顧客名簿 持ち出し"), "guidance");
  EXPECT_EQ(top("営業秘密 規定"), "widths");
  // Soft AND still returns passages with only one of the words.
  EXPECT_TRUE(matches("営業秘密 顧客名簿").count("guidance"));
}

TEST_F(QueryParserTest, ExplicitAndIsStrict) {
  EXPECT_EQ(matches("営業秘密 AND 有用"), (std::set<std::string>{"statute"}));
  EXPECT_EQ(matches("営業秘密　ＡＮＤ　有用"), (std::set<std::string>{"statute"}));
}

TEST_F(QueryParserTest, OrAndNot) {
  EXPECT_EQ(matches("顧客名簿 OR 秘密管理性"), (std::set<std::string>{"guidance", "ruling"}));
  EXPECT_EQ(matches("営業秘密 NOT 有用"), (std::set<std::string>{"widths"}));
  EXPECT_EQ(matches("営業秘密 -有用"), (std::set<std::string>{"widths"}));
  EXPECT_EQ(matches("(顧客名簿 OR 秘密管理性) -検討"), (std::set<std::string>{"guidance"}));
}

TEST_F(QueryParserTest, NaturalQuestionDropsParticles) {
  EXPECT_EQ(top("秘密管理性はどう判断されるか"), "ruling");
  EXPECT_EQ(top("営業秘密の定義"), "statute");
}

// Sentences written for this test, not taken from the development set.
TEST_F(QueryParserTest, ASentenceIsReadAsAQuestionOfItsConcepts) {
  const ParsedQuery q = parse_query("派遣社員が設計図を自宅に持ち帰った場合の処分", analyzer_);
  EXPECT_TRUE(q.question);
  std::vector<std::string> concepts;
  for (const auto& c : q.concepts) concepts.push_back(c.text);
  for (const char* expected : {"派遣社員", "設計図", "自宅", "持ち帰っ", "場合", "処分"})
    EXPECT_NE(std::find(concepts.begin(), concepts.end(), expected), concepts.end()) << expected;
  for (const char* particle : {"が", "を", "に", "の"})
    EXPECT_NE(std::find(q.dropped.begin(), q.dropped.end(), particle), q.dropped.end()) << particle;
  // A noun group keeps its parts together: 派遣社員 is one concept of two terms.
  const auto group = std::find_if(q.concepts.begin(), q.concepts.end(), [](const auto& c) { return c.text == "派遣社員"; });
  ASSERT_NE(group, q.concepts.end());
  EXPECT_EQ(group->terms.size(), 2u);
}

TEST_F(QueryParserTest, KeywordsAndNounPhrasesAreNotQuestions) {
  for (const char* keywords : {"秘密管理性", "営業秘密の定義", "顧客名簿 営業秘密", "不正競争防止法2条6項", "\"秘密として管理されている\""})
    EXPECT_FALSE(parse_query(keywords, analyzer_).question) << keywords;
  EXPECT_TRUE(parse_query("取引先に見せた図面は秘密として管理されていたか", analyzer_).question);
}

TEST_F(QueryParserTest, SyntaxErrorsExplainThemselves) {
  auto message = [&](const std::string& q) {
    try {
      parse_query(q, analyzer_);
    } catch (const QuerySyntaxError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message("").find("empty"), std::string::npos);
  EXPECT_NE(message("   　").find("empty"), std::string::npos);
  EXPECT_NE(message("\"営業秘密").find("quotation"), std::string::npos);
  EXPECT_NE(message("(営業秘密").find("parenthesis"), std::string::npos);
  EXPECT_NE(message("営業秘密)").find("parenthesis"), std::string::npos);
  EXPECT_NE(message("OR 営業秘密").find("OR"), std::string::npos);
  EXPECT_NE(message("営業秘密 NOT").find("NOT"), std::string::npos);
  EXPECT_NE(message("NOT 営業秘密").find("NOT"), std::string::npos);
  EXPECT_NE(message("、。").find("no searchable word"), std::string::npos);
  EXPECT_NE(message(std::string(5000, 'a')).find("too long"), std::string::npos);
  EXPECT_NE(message("\xff\xfe").find("UTF-8"), std::string::npos);
}

}  // namespace
}  // namespace tsubo
