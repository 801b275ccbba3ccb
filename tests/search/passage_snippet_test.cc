// Snippets of long passages from a stretch of the text: the same as make_snippet over the whole.
#include "search/passage_snippet.h"

#include <gtest/gtest.h>

#include "text/analyzer.h"
#include "text/token_spans.h"

namespace tsubo {
namespace {

// A long ruling-like passage: filler sentences, the match far in, more filler.
std::string long_passage(const std::string& middle) {
  std::string filler;
  for (int i = 0; i < 30; ++i) filler += "原告は，被告に対し，本件契約に基づく代金の支払を求めている。";
  return filler + middle + filler;
}

class PassageSnippetTest : public ::testing::Test {
 protected:
  Analyzer analyzer_;
};

TEST_F(PassageSnippetTest, ShortPassagesAreAnalysedWhole) {
  const std::string text = "本件情報は秘密として管理されていたとはいえず、秘密管理性は認められない。";
  const std::vector<std::string> terms = {"秘密 管理 性"};
  EXPECT_EQ(passage_snippet(text, terms, analyzer_), make_snippet(text, terms, analyzer_));
}

TEST_F(PassageSnippetTest, AMatchDeepInALongPassageIsMarkedAsOnTheWholeText) {
  const std::string text = long_passage("本件顧客名簿は秘密として管理されていたとはいえず、秘密管理性は認められない。");
  ASSERT_GT(text.size(), 4000u);
  const std::vector<std::string> terms = {"秘密 管理 性", "顧客 名簿"};
  const std::string snippet = passage_snippet(text, terms, analyzer_);
  EXPECT_NE(snippet.find("<mark>秘密管理性</mark>"), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("<mark>顧客名簿</mark>"), std::string::npos) << snippet;
  EXPECT_EQ(snippet, make_snippet(text, terms, analyzer_));
}

TEST_F(PassageSnippetTest, FullWidthTextIsFoundThroughNormalisation) {
  // The query term is 2条 (NFKC); the passage writes ２条 in full width.
  const std::string text = long_passage("不正競争防止法２条６項の営業秘密に当たる。");
  const std::vector<std::string> terms = {"2 条"};
  const std::string snippet = passage_snippet(text, terms, analyzer_);
  EXPECT_NE(snippet.find("<mark>２条</mark>"), std::string::npos) << snippet;
  EXPECT_EQ(snippet, make_snippet(text, terms, analyzer_));
}

TEST_F(PassageSnippetTest, WithoutAMatchItIsTheStartOfThePassage) {
  const std::string text = long_passage("");
  const std::vector<std::string> terms = {"営業 秘密"};
  EXPECT_EQ(passage_snippet(text, terms, analyzer_), make_snippet(text, terms, analyzer_));
  // 性 occurs inside no token of the text as a word of its own: still the start.
  EXPECT_EQ(passage_snippet(text, {"代金 性"}, analyzer_), make_snippet(text, {"代金 性"}, analyzer_));
}

// With the tokens packed at indexing time no MeCab runs, and the snippet is make_snippet's.
TEST_F(PassageSnippetTest, PackedTokensGiveMakeSnippetsResult) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"本件情報は秘密として管理されていたとはいえず、秘密管理性は認められない。", {"秘密 管理 性"}},
      {long_passage("本件顧客名簿は秘密として管理されていたとはいえず、秘密管理性は認められない。"),
       {"秘密 管理 性", "顧客 名簿"}},
      {long_passage("不正競争防止法２条６項の営業秘密に当たる。"), {"2 条", "営業 秘密"}},
      {long_passage(""), {"代金 性"}},
      {"<b>営業秘密</b> & \"ノウハウ\"", {"営業 秘密", "ノウハウ"}},
  };
  for (const auto& [text, terms] : cases) {
    const std::string packed = pack_token_spans(analyzer_.analyze(text), text);
    EXPECT_EQ(passage_snippet(text, packed, terms, analyzer_), make_snippet(text, terms, analyzer_)) << text.substr(0, 60);
  }
}

TEST_F(PassageSnippetTest, PackedTokensOfAnotherTextAreNotUsed) {
  const std::string text = long_passage("本件顧客名簿は秘密として管理されていたとはいえず、秘密管理性は認められない。");
  const std::string stale = pack_token_spans(analyzer_.analyze("営業"), "営業");
  const std::vector<std::string> terms = {"秘密 管理 性"};
  const std::string snippet = passage_snippet(text, stale, terms, analyzer_);
  EXPECT_NE(snippet.find("<mark>秘密管理性</mark>"), std::string::npos) << snippet;
  EXPECT_EQ(snippet, passage_snippet(text, terms, analyzer_));
}

}  // namespace
}  // namespace tsubo
