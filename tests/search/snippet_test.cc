// Snippets: marks sit on the original characters, the window finds the matches, HTML is escaped.
#include "search/snippet.h"

#include <gtest/gtest.h>

#include "text/analyzer.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

TEST(Snippet, MarksOriginalFullWidthText) {
  Analyzer analyzer;
  const std::string s = make_snippet("不正競争防止法２条６項の営業秘密", {"2", "6"}, analyzer);
  EXPECT_NE(s.find("<mark>２</mark>"), std::string::npos) << s;
  EXPECT_NE(s.find("<mark>６</mark>"), std::string::npos) << s;
}

TEST(Snippet, AdjacentMatchesFormOneMark) {
  Analyzer analyzer;
  const std::string s = make_snippet("本件では秘密管理性が認められる。", {"秘密", "管理", "性"}, analyzer);
  EXPECT_NE(s.find("<mark>秘密管理性</mark>"), std::string::npos) << s;
}

TEST(Snippet, WindowMovesToTheMatchesAndStaysShort) {
  Analyzer analyzer;
  std::string text;
  for (int i = 0; i < 40; ++i) text += "前提となる事実関係を述べる。";
  text += "当裁判所は、本件情報の秘密管理性を肯定する。";
  for (int i = 0; i < 40; ++i) text += "その余の点について判断する。";
  const std::string s = make_snippet(text, {"秘密", "管理", "性"}, analyzer);
  EXPECT_NE(s.find("<mark>秘密管理性</mark>"), std::string::npos);
  EXPECT_EQ(s.rfind("…", 0), 0u) << "starts mid-text";
  EXPECT_NE(s.find("当裁判所は"), std::string::npos) << "starts at the sentence: " << s;
  EXPECT_LT(utf8::length(s), 260u);
}

TEST(Snippet, EscapesHtmlAndHandlesNoMatch) {
  Analyzer analyzer;
  const std::string s = make_snippet("<script>alert(1)</script> 営業秘密", {"存在しない"}, analyzer);
  EXPECT_EQ(s.find("<script>"), std::string::npos);
  EXPECT_NE(s.find("&lt;script&gt;"), std::string::npos);
}

}  // namespace
}  // namespace tsubo

namespace tsubo {
namespace {

TEST(Snippet, RunsOfTermsAreMarkedOnlyWhereTheyStandTogether) {
  Analyzer analyzer;
  const std::string s = make_snippet("秘密の管理が問題となるが、秘密管理性は認められる。", {"秘密 管理 性"}, analyzer);
  EXPECT_NE(s.find("<mark>秘密管理性</mark>"), std::string::npos) << s;
  EXPECT_EQ(s.find("<mark>秘密</mark>"), std::string::npos) << s;
}

}  // namespace
}  // namespace tsubo
