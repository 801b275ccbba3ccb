// Passage roles from document type and headings.
#include "indexer/passage_role.h"

#include <gtest/gtest.h>

namespace tsubo {
namespace {

PassageRole ruling_role(std::vector<std::string> path, std::string section) {
  Document d;
  d.type = DocType::Ruling;
  Passage p;
  p.heading_path = std::move(path);
  p.section = std::move(section);
  return classify_passage(d, p);
}

TEST(PassageRole, CourtsReasoningIsRecognised) {
  EXPECT_EQ(ruling_role({"事実及び理由", "第３ 当裁判所の判断", "１ 争点１について"}, "当裁判所の判断"), PassageRole::Reasoning);
  EXPECT_EQ(ruling_role({"理由", "第２ 秘密管理性に関する事実誤認の主張について"}, "秘密管理性に関する事実誤認の主張について"),
            PassageRole::Reasoning);
  EXPECT_EQ(ruling_role({"理由"}, "理由"), PassageRole::Reasoning);
  EXPECT_EQ(ruling_role({"事実及び理由", "第４ 争点に対する判断"}, "争点に対する判断"), PassageRole::Reasoning);
}

TEST(PassageRole, PartiesClaimsAreNotTheCourtSpeaking) {
  EXPECT_EQ(ruling_role({"事実及び理由", "第２ 事案の概要", "４ 争点に関する当事者の主張"}, "事案の概要"), PassageRole::Claims);
  EXPECT_EQ(ruling_role({"事実及び理由", "第２ 事案の概要等", "（被告の主張）"}, "事案の概要等"), PassageRole::Claims);
  EXPECT_EQ(ruling_role({"事実及び理由", "第１ 控訴の趣旨"}, "控訴の趣旨"), PassageRole::Claims);
  EXPECT_EQ(ruling_role({"事実及び理由", "第２ 事案の概要", "２ 前提事実"}, "事案の概要"), PassageRole::Background);
  EXPECT_EQ(ruling_role({"主文"}, "主文"), PassageRole::Background);
}

TEST(PassageRole, StatuteDefinitionsAndGuidance) {
  Document statute;
  statute.type = DocType::Statute;
  Passage def;
  def.heading_path = {"第一章　総則", "（定義）", "第二条"};
  EXPECT_EQ(classify_passage(statute, def), PassageRole::Definition);
  Passage other;
  other.heading_path = {"第五章　罰則", "第二十一条"};
  other.text = "次の各号のいずれかに該当する者は、十年以下の懲役に処する。";
  EXPECT_EQ(classify_passage(statute, other), PassageRole::Provision);
  Document guidance;
  guidance.type = DocType::Guidance;
  EXPECT_EQ(classify_passage(guidance, other), PassageRole::Guidance);
  EXPECT_STREQ(passage_role_name(PassageRole::Reasoning), "reasoning");
}

}  // namespace
}  // namespace tsubo
