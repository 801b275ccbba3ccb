// The shared analyzer: normalisation meets widths, offsets point into the original, long input is chunked.
#include "text/analyzer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tsubo {
namespace {

std::vector<std::string> terms(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const auto& t : tokens) out.push_back(t.term);
  return out;
}

TEST(Analyzer, FullWidthAndHalfWidthDigitsMeet) {
  Analyzer analyzer;
  EXPECT_EQ(terms(analyzer.analyze("２条６項")), terms(analyzer.analyze("2条6項")));
  EXPECT_EQ(terms(analyzer.analyze("ＡＢＣ社")), terms(analyzer.analyze("abc社")));
}

TEST(Analyzer, OffsetsPointIntoTheOriginalText) {
  Analyzer analyzer;
  const std::string text = "不正競争防止法２条６項に定める「営業秘密」";
  for (const Token& t : analyzer.analyze(text)) {
    ASSERT_LT(t.begin, t.end);
    ASSERT_LE(t.end, text.size());
    const std::string original = text.substr(t.begin, t.end - t.begin);
    if (t.term == "6") {
      EXPECT_EQ(original, "６");
    }
    if (t.term == "営業") {
      EXPECT_EQ(original, "営業");
    }
  }
}

TEST(Analyzer, SkipsSymbolsAndMarksParticles) {
  Analyzer analyzer;
  const auto tokens = analyzer.analyze("秘密として管理されている。");
  ASSERT_FALSE(tokens.empty());
  EXPECT_EQ(tokens.front().term, "秘密");
  for (const auto& t : tokens) EXPECT_NE(t.term, "。");
  bool saw_particle = false;
  for (const auto& t : tokens) saw_particle |= (t.term == "として" && t.kind == TokenKind::Function);
  EXPECT_TRUE(saw_particle);
  for (std::size_t i = 0; i < tokens.size(); ++i) EXPECT_EQ(tokens[i].position, i);
}

TEST(Analyzer, SpacedOutPdfWordsAreJoined) {
  Analyzer analyzer;
  EXPECT_EQ(terms(analyzer.analyze("株 式 会 社")), terms(analyzer.analyze("株式会社")));
}

TEST(Analyzer, VeryLongInputIsChunkedNotRejected) {
  Analyzer analyzer;
  std::string text;
  while (text.size() < 3 * 1024 * 1024) text += "別表第一に掲げる物品の品目及び税率";  // no sentence end at all
  const auto tokens = analyzer.analyze(text);
  EXPECT_GT(tokens.size(), 100000u);
  EXPECT_LE(tokens.back().end, text.size());
}

// Runs cut for MeCab (text/mecab_chunks.h) lose no letter: every one is in a token, in order.
TEST(Analyzer, ALongRunOfOneLetterKeepsEveryLetter) {
  Analyzer analyzer;
  for (const std::string letter : {"a", "ア", "7"}) {
    std::string text;
    for (int i = 0; i < 5000; ++i) text += letter;
    std::size_t covered = 0;
    for (const auto& t : analyzer.analyze(text)) {
      EXPECT_EQ(t.begin, covered) << letter << ": a gap before token " << t.position;
      covered = t.end;
    }
    EXPECT_EQ(covered, text.size()) << letter;
  }
}

TEST(Analyzer, IdentityNamesTheDictionary) {
  Analyzer analyzer;
  EXPECT_NE(analyzer.identity().find("ipadic"), std::string::npos) << analyzer.identity();
  EXPECT_NE(analyzer.identity().find("tsubo-analyzer/"), std::string::npos);
}

TEST(Analyzer, MissingDictionaryIsAClearError) {
  try {
    Analyzer analyzer("/nonexistent/dic");
    FAIL() << "expected AnalyzerError";
  } catch (const AnalyzerError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/dic"), std::string::npos);
  }
}

}  // namespace
}  // namespace tsubo
