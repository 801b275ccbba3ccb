// The thesaurus format and the compiled-in legal thesaurus.
#include "text/thesaurus.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace tsubo {
namespace {

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

TEST(Thesaurus, EquivGroupsWorkBothWaysExpandOnlyForward) {
  const Thesaurus t = Thesaurus::parse("# comment\nequiv\t有用性\t事業活動に有用な\nexpand\t罰則\t懲役\t罰金\n");
  EXPECT_TRUE(has(t.alternatives("有用性"), "事業活動に有用な"));
  EXPECT_TRUE(has(t.alternatives("事業活動に有用な"), "有用性"));
  EXPECT_TRUE(has(t.alternatives("罰則"), "懲役"));
  EXPECT_TRUE(t.alternatives("懲役").empty());
  EXPECT_FALSE(has(t.alternatives("有用性"), "有用性"));
}

TEST(Thesaurus, LookupIgnoresWidthCaseAndSpaces) {
  const Thesaurus t = Thesaurus::parse("equiv\tNDA\t秘密保持契約\n");
  EXPECT_TRUE(has(t.alternatives("ｎｄａ"), "秘密保持契約"));
  EXPECT_TRUE(has(t.alternatives("秘密 保持契約"), "NDA"));
}

TEST(Thesaurus, BadLinesNameTheLine) {
  try {
    Thesaurus::parse("equiv\ta\tb\nsynonym\tc\td\n");
    FAIL();
  } catch (const ThesaurusError& e) {
    EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what();
  }
  EXPECT_THROW(Thesaurus::parse("equiv\tonly-one\n"), ThesaurusError);
}

TEST(Thesaurus, BuiltinHoldsTheRequirementTerms) {
  const Thesaurus& t = Thesaurus::builtin();
  EXPECT_GT(t.size(), 50u);
  EXPECT_TRUE(has(t.alternatives("秘密管理性"), "秘密として管理されている"));
  EXPECT_TRUE(has(t.alternatives("非公知性"), "公然と知られていない"));
  EXPECT_TRUE(has(t.alternatives("有用性"), "事業活動に有用な"));
  EXPECT_TRUE(has(t.alternatives("知財高裁"), "知的財産高等裁判所"));
  EXPECT_TRUE(has(t.alternatives("不競法"), "不正競争防止法"));
}

}  // namespace
}  // namespace tsubo
