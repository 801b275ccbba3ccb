// Requirement tags and the court's findings on them.
#include "indexer/requirement_tags.h"

#include <gtest/gtest.h>

namespace tsubo {
namespace {

std::vector<std::string> labels(const std::string& text, bool reasoning) {
  Passage p;
  p.text = text;
  std::vector<std::string> out;
  for (const auto& t : tag_requirements(p, reasoning)) out.push_back(tag_label(t));
  return out;
}

TEST(RequirementTags, FindsRequirementsByNameAndStatutoryWording) {
  EXPECT_EQ(labels("本件情報の秘密管理性について検討する。", false), (std::vector<std::string>{"秘密管理性:discussed"}));
  EXPECT_EQ(labels("秘密として管理されている生産方法", false), (std::vector<std::string>{"秘密管理性:discussed"}));
  EXPECT_TRUE(labels("損害額について判断する。", false).empty());
}

TEST(RequirementTags, CourtsFindingsAreRead) {
  EXPECT_EQ(labels("したがって，本件顧客情報は秘密管理性を欠き，営業秘密に該当しない。", true),
            (std::vector<std::string>{"秘密管理性:denied"}));
  EXPECT_EQ(labels("以上によれば，本件情報には秘密管理性が認められる。", true),
            (std::vector<std::string>{"秘密管理性:affirmed"}));
  // The last sentence that decides wins: the court weighs the argument, then concludes.
  EXPECT_EQ(labels("被告は秘密管理性が認められないと主張する。しかし，本件情報の秘密管理性は認められる。", true),
            (std::vector<std::string>{"秘密管理性:affirmed"}));
  // Outside a court's reasoning nothing is concluded.
  EXPECT_EQ(labels("本件情報には秘密管理性が認められる。", false), (std::vector<std::string>{"秘密管理性:discussed"}));
  // Line breaks and spaces from the PDF do not hide the words.
  EXPECT_EQ(labels("秘密管理\n性は認められ ない。", true), (std::vector<std::string>{"秘密管理性:denied"}));
}

// A party's argument carries no finding, even inside the court's reasons (ruling 87028#p3: the appeal
// argues 秘密管理性が認められないのに…, while the court affirmed it).
TEST(RequirementTags, APartysArgumentIsNoFinding) {
  EXPECT_EQ(labels("本件控訴の趣意は，要するに，本件顧客情報は秘密管理性が認められないのに，これが認められるとした点で事実の誤認がある，というものである。", true),
            (std::vector<std::string>{"秘密管理性:discussed"}));
  EXPECT_EQ(labels("被告は，本件情報は秘密管理性を欠き営業秘密に該当しないと主張する。", true),
            (std::vector<std::string>{"秘密管理性:discussed"}));
  EXPECT_EQ(labels("所論は，秘密管理性は否定されるべきであるという。", true), (std::vector<std::string>{"秘密管理性:discussed"}));
}

// 否定できない affirms (ruling 87262: 有用性は否定できない … 十分認められる).
TEST(RequirementTags, CannotBeDeniedIsAnAffirmation) {
  EXPECT_EQ(labels("本件技術情報の有用性は否定できない。", true), (std::vector<std::string>{"有用性:affirmed"}));
  EXPECT_EQ(labels("このことが秘密管理性の認定を覆す事情とは認められない。", true),
            (std::vector<std::string>{"秘密管理性:affirmed"}));
}

}  // namespace
}  // namespace tsubo
