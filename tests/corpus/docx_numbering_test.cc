// Word's list numbers as it shows them: formats, counters per level, restarts and bullets.
#include "corpus/docx_numbering.h"

#include <gtest/gtest.h>

namespace tsubo {
namespace {

TEST(DocxNumbering, FormatsNumbersAsWordWritesThem) {
  EXPECT_EQ(format_list_number(3, "decimal"), "3");
  EXPECT_EQ(format_list_number(12, "decimalFullWidth"), "１２");
  EXPECT_EQ(format_list_number(3, "japaneseCounting"), "三");
  EXPECT_EQ(format_list_number(12, "japaneseCounting"), "十二");
  EXPECT_EQ(format_list_number(20, "japaneseCounting"), "二十");
  EXPECT_EQ(format_list_number(105, "japaneseCounting"), "百五");
  EXPECT_EQ(format_list_number(2, "aiueoFullWidth"), "イ");
  EXPECT_EQ(format_list_number(3, "iroha"), "ハ");
  EXPECT_EQ(format_list_number(3, "decimalEnclosedCircle"), "③");
  EXPECT_EQ(format_list_number(21, "decimalEnclosedCircle"), "21");
  EXPECT_EQ(format_list_number(2, "decimalEnclosedParen"), "⑵");
  EXPECT_EQ(format_list_number(28, "lowerLetter"), "bb");
  EXPECT_EQ(format_list_number(14, "upperRoman"), "XIV");
  EXPECT_EQ(format_list_number(4, "someFormatNotKnownHere"), "4");
}

constexpr const char* kNumbering = R"xml(<?xml version="1.0"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:abstractNum w:abstractNumId="7">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="第%1条"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%2)"/><w:suff w:val="nothing"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%3"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="8">
    <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="・"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="8"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="7"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>
</w:numbering>)xml";

TEST(DocxNumbering, CountsPerLevelAndRestartsTheLevelsBelow) {
  DocxNumbering n(kNumbering);
  EXPECT_EQ(n.next("1", 0), "第1条 ");
  EXPECT_EQ(n.next("1", 1), "(1)");
  EXPECT_EQ(n.next("1", 1), "(2)");
  EXPECT_EQ(n.next("1", 2), "1.2.1 ");
  EXPECT_EQ(n.next("1", 0), "第2条 ");
  EXPECT_EQ(n.next("1", 1), "(1)");
  // Another list of the same numbering that starts afresh at 10.
  EXPECT_EQ(n.next("3", 0), "第10条 ");
}

TEST(DocxNumbering, BulletsAndUnknownListsHaveNoNumber) {
  DocxNumbering n(kNumbering);
  EXPECT_TRUE(n.is_bullet("2", 0));
  EXPECT_FALSE(n.is_bullet("1", 0));
  EXPECT_EQ(n.next("2", 0), "");
  EXPECT_EQ(n.next("99", 0), "");
  EXPECT_EQ(n.next("1", 9), "");
  DocxNumbering broken("<w:numbering><w:num");
  EXPECT_EQ(broken.next("1", 0), "");
}

}  // namespace
}  // namespace tsubo
