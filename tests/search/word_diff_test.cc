// Word diff of two texts of a provision, as a 新旧対照表 marks them.
#include "search/word_diff.h"

#include <gtest/gtest.h>

#include "text/analyzer.h"

namespace tsubo {
namespace {

std::string rebuilt(const std::vector<DiffSegment>& diff, DiffSegment::Op skip) {
  std::string out;
  for (const auto& d : diff)
    if (d.op != skip) out += d.text;
  return out;
}

TEST(WordDiff, MarksTheWordsThatChanged) {
  const Analyzer analyzer;
  const std::string before = "十年以下の懲役若しくは千万円以下の罰金に処し、又はこれを併科する。";
  const std::string after = "十年以下の拘禁刑若しくは二千万円以下の罰金に処し、又はこれを併科する。";
  const auto diff = word_diff(before, after, analyzer);
  EXPECT_EQ(marked_diff(diff), "十年以下の[-懲役-]{+拘禁刑+}若しくは{+二+}千万円以下の罰金に処し、又はこれを併科する。");
  EXPECT_EQ(rebuilt(diff, DiffSegment::Op::Inserted), before);
  EXPECT_EQ(rebuilt(diff, DiffSegment::Op::Deleted), after);
}

TEST(WordDiff, WidthAloneIsNoChangeAndEqualTextsHaveNone) {
  const Analyzer analyzer;
  const auto diff = word_diff("１０　次に掲げる財産", "10　次に掲げる財産", analyzer);
  ASSERT_EQ(diff.size(), 1u);
  EXPECT_EQ(diff[0].op, DiffSegment::Op::Same);
  EXPECT_TRUE(word_diff("", "", analyzer).empty());
}

TEST(WordDiff, ContextCutsLongUnchangedAndChangedRuns) {
  const Analyzer analyzer;
  const auto diff = word_diff("あいうえおかきくけこ秘密さしすせそたちつてと", "あいうえおかきくけこ営業秘密さしすせそたちつてと", analyzer);
  const std::string shown = marked_diff(diff, 3);
  EXPECT_NE(shown.find("{+営業+}"), std::string::npos) << shown;
  EXPECT_NE(shown.find("…"), std::string::npos) << shown;
  EXPECT_LT(shown.size(), marked_diff(diff).size());
}

}  // namespace
}  // namespace tsubo
