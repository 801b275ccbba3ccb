// The document view's pieces that need no database: a cited provision's text.
#include "search/document_reader.h"

#include <gtest/gtest.h>

namespace tsubo {
namespace {

TEST(ProvisionText, ArticlesParagraphsAndItemsAsLawyersWriteThem) {
  EXPECT_EQ(provision_text({"不正競争防止法", "2", "6"}), "不正競争防止法2条6項");
  EXPECT_EQ(provision_text({"不正競争防止法", "2", "1", "14"}), "不正競争防止法2条1項14号");
  // A branch number goes after 条, and 第 keeps it apart from the paragraph (not 24の4条, 40の6条1項1号).
  EXPECT_EQ(provision_text({"会社法の一部を改正する法律", "24の4"}), "会社法の一部を改正する法律24条の4");
  EXPECT_EQ(provision_text({"刑事訴訟法", "40の6", "1", "1"}), "刑事訴訟法40条の6第1項第1号");
  EXPECT_EQ(provision_text({"特許法", "2", "3", "1の2"}), "特許法2条3項1号の2");
  EXPECT_EQ(provision_text({"民法"}), "民法");
}

}  // namespace
}  // namespace tsubo
