// Packed token spans give back exactly the tokens the analyzer found, or nothing when they do not fit.
#include "text/token_spans.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/mecab_chunks.h"

namespace tsubo {
namespace {

void expect_same_tokens(const std::vector<Token>& expected, const std::vector<Token>& actual) {
  ASSERT_EQ(expected.size(), actual.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE("token " + std::to_string(i) + " " + expected[i].term);
    EXPECT_EQ(expected[i].term, actual[i].term);
    EXPECT_EQ(expected[i].begin, actual[i].begin);
    EXPECT_EQ(expected[i].end, actual[i].end);
    EXPECT_EQ(expected[i].position, actual[i].position);
    EXPECT_EQ(expected[i].kind, actual[i].kind);
  }
}

class TokenSpansTest : public ::testing::Test {
 protected:
  void round_trip(const std::string& text) {
    const std::vector<Token> analysed = analyzer_.analyze(text);
    const auto rebuilt = unpack_token_spans(pack_token_spans(analysed, text), text);
    ASSERT_TRUE(rebuilt.has_value());
    expect_same_tokens(analysed, *rebuilt);
  }
  Analyzer analyzer_;
};

TEST_F(TokenSpansTest, RebuildTheAnalyzersTokens) {
  round_trip("本件情報は「秘密として管理されている」とはいえず、秘密管理性は認められない。");
}

TEST_F(TokenSpansTest, FullWidthLettersSpacesAndSymbolsKeepTheirOffsets) {
  // NFKC changes widths (２ → 2, ＡＢＣ → abc), so original and normalised offsets differ.
  round_trip("不正競争防止法２条６項（ＡＢＣ社）　第十九条の二\n  一　営業秘密 ‐ 取得行為…");
}

TEST_F(TokenSpansTest, CharactersThatNormaliseIntoOtherOrSeveralCharacters) {
  // ㍻ becomes 平成 (two characters, possibly two tokens of one source character); half-width
  // katakana with voiced marks compose (ｶﾞｲﾄﾞ → ガイド); the terms differ from the surfaces.
  round_trip("㍻25年の改正ｶﾞｲﾄﾞﾗｲﾝ（Ｈ２５）、①及び②");
}

TEST_F(TokenSpansTest, LongTextCutIntoChunksByTheAnalyzer) {
  std::string text;
  for (int i = 0; i < 400; ++i) text += "原告は，被告に対し，本件契約に基づく代金の支払を求めている。";
  ASSERT_GT(text.size(), 2 * kMaxChunkBytes);
  round_trip(text);
}

TEST_F(TokenSpansTest, EmptyTextHasNoTokens) {
  const auto rebuilt = unpack_token_spans(pack_token_spans({}, ""), "");
  ASSERT_TRUE(rebuilt.has_value());
  EXPECT_TRUE(rebuilt->empty());
}

TEST_F(TokenSpansTest, AboutOneBytePerToken) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "営業秘密として管理されている技術上又は営業上の情報をいう。";
  const std::vector<Token> tokens = analyzer_.analyze(text);
  EXPECT_LT(pack_token_spans(tokens, text).size(), tokens.size() * 13 / 10);
}

TEST_F(TokenSpansTest, SpansThatDoNotFitTheTextAreRefused) {
  const std::string text = "営業秘密の不正取得行為";
  const std::string packed = pack_token_spans(analyzer_.analyze(text), text);
  // Another, shorter text: the spans run past its end.
  EXPECT_FALSE(unpack_token_spans(packed, "営業").has_value());
  // A text of the same length that is not the one packed.
  EXPECT_FALSE(unpack_token_spans(packed, "営業秘密の不正使用行為").has_value());
  // Damaged values: cut in the middle of a varint, an unknown version, nothing at all.
  EXPECT_FALSE(unpack_token_spans(packed.substr(0, packed.size() - 1) + "\x85", text).has_value());
  std::string other_version = packed;
  other_version[0] = 9;
  EXPECT_FALSE(unpack_token_spans(other_version, text).has_value());
  EXPECT_FALSE(unpack_token_spans("", text).has_value());
}

}  // namespace
}  // namespace tsubo
