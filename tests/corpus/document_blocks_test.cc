// Blocks of Word and HTML documents → Markdown: articles of a company rule set apart as headings,
// other paragraphs left alone, and text that looks like Markdown kept as text.
#include "corpus/document_blocks.h"

#include <gtest/gtest.h>

namespace tsubo {
namespace {

using Split = std::optional<std::pair<std::string, std::string>>;

TEST(DocumentBlocks, SplitsAnArticleParagraphIntoHeadingAndText) {
  EXPECT_EQ(split_article_paragraph("第1条（目的）この規程は、秘密情報の管理を定める。"),
            Split({"第1条（目的）", "この規程は、秘密情報の管理を定める。"}));
  EXPECT_EQ(split_article_paragraph("第１条　この規程は、全従業員に適用する。"), Split({"第１条", "この規程は、全従業員に適用する。"}));
  EXPECT_EQ(split_article_paragraph("第十九条の二 （委任） 細則は別に定める。"), Split({"第十九条の二（委任）", "細則は別に定める。"}));
  EXPECT_EQ(split_article_paragraph("第3条"), Split({"第3条", ""}));
  EXPECT_EQ(split_article_paragraph("第4条（罰則）"), Split({"第4条（罰則）", ""}));
}

TEST(DocumentBlocks, AParagraphCitingAnArticleIsNotOne) {
  EXPECT_EQ(split_article_paragraph("第3条の規定にかかわらず、情報管理責任者が定める。"), std::nullopt);
  EXPECT_EQ(split_article_paragraph("第3条に定める区分による。"), std::nullopt);
  EXPECT_EQ(split_article_paragraph("第1章　総則"), std::nullopt);
  EXPECT_EQ(split_article_paragraph("この規程は第1条から成る。"), std::nullopt);
  EXPECT_EQ(split_article_paragraph("第条"), std::nullopt);
}

TEST(DocumentBlocks, ACaptionOnTheLineBeforeJoinsItsArticle) {
  const std::string md = blocks_to_markdown({{TextBlock::Paragraph, 0, "（目的）"},
                                             {TextBlock::Paragraph, 0, "第1条　この規程は、秘密情報の管理を定める。"},
                                             {TextBlock::Paragraph, 0, "（定義）"},
                                             {TextBlock::Paragraph, 0, "第2条（用語）この規程で用いる用語は次のとおり。"}});
  EXPECT_EQ(md,
            "第1条（目的）\n\nこの規程は、秘密情報の管理を定める。\n\n"
            "（定義）\n\n第2条（用語）\n\nこの規程で用いる用語は次のとおり。\n\n");
}

TEST(DocumentBlocks, HeadingsListsRowsAndMarkupLikeText) {
  const std::string md = blocks_to_markdown({{TextBlock::Heading, 1, "秘密情報管理規程"},
                                             {TextBlock::Heading, 9, "深い見出し"},
                                             {TextBlock::ListItem, 0, "USBメモリの使用禁止"},
                                             {TextBlock::TableRow, 0, "区分 | 保管場所"},
                                             {TextBlock::Paragraph, 0, "# 番号記号で始まる行\n> 引用ではない行"},
                                             {TextBlock::Paragraph, 0, "  "}});
  EXPECT_EQ(md,
            "# 秘密情報管理規程\n\n###### 深い見出し\n\n- USBメモリの使用禁止\n\n区分 | 保管場所\n\n"
            "＃ 番号記号で始まる行\n＞ 引用ではない行\n\n");
}

}  // namespace
}  // namespace tsubo
