// 逐条解説 article headings: which lines name a provision, how narrower headings refine it, and the
// law a commentary's title names.
#include "corpus/article_headings.h"

#include <gtest/gtest.h>

#include <string>

namespace tsubo {
namespace {

// law|article|paragraph|item, or "none".
std::string heading(std::string_view line) {
  const auto p = parse_article_heading(line);
  return p ? p->law + "|" + p->article + "|" + p->paragraph + "|" + p->item : "none";
}

TEST(ArticleHeadings, ArticleReferencesWithCaptions) {
  EXPECT_EQ(heading("第２条第６項（営業秘密の定義）"), "|2|6|");
  EXPECT_EQ(heading("（定義）第二条"), "|2||");
  EXPECT_EQ(heading("（定義）　第二条"), "|2||");
  EXPECT_EQ(heading("第2条第1項第4号"), "|2|1|4");
  EXPECT_EQ(heading("第２条　定義"), "|2||");
  EXPECT_EQ(heading("第十九条の二（適用除外等）"), "|19の2||");
  EXPECT_EQ(heading("不正競争防止法第２条第６項"), "不正競争防止法|2|6|");
  EXPECT_EQ(heading("不競法第21条"), "不正競争防止法|21||");
  EXPECT_EQ(heading("法第２条（定義）"), "|2||");
}

TEST(ArticleHeadings, SentencesAndOtherHeadingsAreNot) {
  EXPECT_EQ(heading("第２条第６項に規定する営業秘密"), "none");
  EXPECT_EQ(heading("第２条 の解説"), "none");
  EXPECT_EQ(heading("第1　総則"), "none");
  EXPECT_EQ(heading("第2章　営業秘密の要件"), "none");
  EXPECT_EQ(heading("第6回営業秘密官民フォーラム"), "none");
  EXPECT_EQ(heading("（定義）第二条　この法律において"), "none");
  EXPECT_EQ(heading("本章における第２条"), "none");
  EXPECT_EQ(heading("１．第２条（定義）"), "none");
}

TEST(ArticleHeadings, NarrowingHeadingsUnderAnArticle) {
  const auto item = parse_narrowing_heading("１．第１号（周知表示混同惹起行為）");
  ASSERT_TRUE(item);
  EXPECT_EQ(item->item, "1");
  EXPECT_TRUE(item->article.empty());
  EXPECT_EQ(parse_narrowing_heading("(2) 第6項")->paragraph, "6");
  EXPECT_EQ(parse_narrowing_heading("４．第４号～第９号（営業秘密に係る不正行為）")->item, "4");
  EXPECT_FALSE(parse_narrowing_heading("（１）趣旨"));
  EXPECT_FALSE(parse_narrowing_heading("１．第１号の要件を満たすには、次の点が必要である"));

  HeadingProvision article;
  article.law = "不正競争防止法";
  article.article = "2";
  const HeadingProvision narrowed = narrow(article, *item);
  EXPECT_EQ(narrowed.article, "2");
  EXPECT_EQ(narrowed.item, "1");
  EXPECT_TRUE(contains(article, narrowed));
  EXPECT_FALSE(contains(narrowed, article));
  HeadingProvision other = article;
  other.article = "3";
  EXPECT_FALSE(contains(article, other));
  EXPECT_EQ(narrow(article, other).law, "不正競争防止法");  // an article heading replaces, law kept
}

TEST(ArticleHeadings, LawInTitle) {
  EXPECT_EQ(law_in_title("逐条解説　不正競争防止法"), "不正競争防止法");
  EXPECT_EQ(law_in_title("逐条解説 不正競争防止法（令和６年４月１日施行版）"), "不正競争防止法");
  EXPECT_EQ(law_in_title("不競法逐条解説"), "不正競争防止法");
  EXPECT_EQ(law_in_title("個人情報保護法の解説"), "個人情報の保護に関する法律");
  EXPECT_EQ(law_in_title("営業秘密管理指針"), "");
  EXPECT_EQ(law_in_title("第6回営業秘密官民フォーラムの概要"), "");
}

}  // namespace
}  // namespace tsubo
