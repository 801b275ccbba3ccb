// A cited paragraph as the snippet of its article.
#include "search/paragraph_snippet.h"

#include <gtest/gtest.h>

namespace tsubo {
namespace {

const std::string kArticle =
    "第二条　この法律において「不正競争」とは、次に掲げるものをいう。\n"
    "一　他人の商品等表示を使用する行為\n"
    "二　自己の商品等表示として使用する行為\n"
    "２　この法律において「商品等表示」とは、人の業務に係る氏名をいう。\n"
    "６　この法律において「営業秘密」とは、秘密として管理されている生産方法をいう。\n"
    "７　この法律において「限定提供データ」とは、業として提供する情報をいう。";

TEST(ParagraphSnippet, ShowsTheCitedParagraphMarked) {
  EXPECT_EQ(paragraph_snippet(kArticle, "6"),
            "<mark>６　この法律において「営業秘密」とは、秘密として管理されている生産方法をいう。</mark>");
  // Paragraph 1 is the article's first line, with its items after it, unmarked.
  const auto first = paragraph_snippet(kArticle, "1");
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->rfind("<mark>第二条　この法律において「不正競争」とは", 0), 0u) << *first;
  EXPECT_NE(first->find("</mark> 一　他人の商品等表示"), std::string::npos) << *first;
  EXPECT_EQ(first->find("商品等表示」とは"), std::string::npos) << "paragraph 2 is not part of paragraph 1";
}

TEST(ParagraphSnippet, NoSuchParagraphIsNone) {
  EXPECT_FALSE(paragraph_snippet(kArticle, "9").has_value());
  EXPECT_FALSE(paragraph_snippet(kArticle, "x").has_value());
  EXPECT_FALSE(paragraph_snippet("", "1").has_value());
}

TEST(ParagraphSnippet, ALongParagraphIsCut) {
  std::string long_line = "第一条　";
  for (int i = 0; i < 300; ++i) long_line += "あ";
  const auto s = paragraph_snippet(long_line, "1", 50);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->substr(s->size() - 3), "…");
}

}  // namespace
}  // namespace tsubo
