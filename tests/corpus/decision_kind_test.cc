// 判決 / 決定 / 命令 from a ruling's text: each kind of evidence on a short text, then the shared corpus.
#include "corpus/decision_kind.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "corpus/importers.h"
#include "test_support.h"

namespace tsubo {
namespace {

TEST(DecisionKind, TheTitleLineAboveTheParties) {
  EXPECT_EQ(decision_kind("令和２年３月２５日判決言渡\n令和元年（ネ）第１０２０１号\n判     決\n控 訴 人  甲\n主     文\n", "", ""),
            "判決");
  EXPECT_EQ(decision_kind("決　　定\n申 立 人  甲\n主　文\n１  本件申立てを却下する。\n", "", ""), "決定");
  EXPECT_EQ(decision_kind("命　　令\n主文\n", "", ""), "命令");
}

TEST(DecisionKind, TheClosingFormulaWhenTheTextStartsAtShubun) {
  // 最二小決平成30年12月3日 平成30(あ)582 starts at 主文 and ends so, the formula broken by a line.
  const std::string text =
      "主      文\n本件上告を棄却する。\n理      由\n量刑を決定する権限は裁判所にある。\n"
      "よって，刑訴法４１４条，３８６条１項３号により，裁判官全員一致の意見で，\n主文のとおり決定す\nる。\n"
      "(裁判長裁判官  山本庸幸)\n";
  EXPECT_EQ(decision_kind(text, "平成30(あ)582", "不正競争防止法違反被告事件"), "決定");
  EXPECT_EQ(decision_kind("主文\n本件上告を棄却する。\n理由\nよって，主文のとおり判決する。\n", "", ""), "判決");
}

TEST(DecisionKind, AFormulaInTheReasonsFarFromTheEndDoesNotCount) {
  std::string text = "主文\n本件抗告を棄却する。\n理由\n相当の対価の額を決定する。\n";
  text += std::string(4000, 'x') + "\n以上のとおりである。\n";
  EXPECT_EQ(decision_kind(text, "平成20(ワ)1", ""), "");
}

TEST(DecisionKind, FirstLinesCaseMarksAndCaseNames) {
  EXPECT_EQ(decision_kind("令和４年１２月９日  東京地方裁判所刑事第７部宣告\n令和３年特（わ）第１２９号\n主文\n被告人を懲役２年に処する。\n", "", ""),
            "判決");
  EXPECT_EQ(decision_kind("", "平成28(許)45", ""), "決定");
  EXPECT_EQ(decision_kind("", "令和2(ク)１００", ""), "決定");
  EXPECT_EQ(decision_kind("", "", "仮処分命令申立却下決定に対する抗告事件"), "決定");
  EXPECT_EQ(decision_kind("", "平成17(ワ)2682", "損害賠償請求事件"), "");
}

TEST(DecisionKind, TheImporterStoresIt) {
  const Document doc = parse_ruling_json(testing::read_fixture("web-corpus/rulings/99103.json"), "99103.json");
  EXPECT_EQ(doc.meta.decision_kind, "決定");
  EXPECT_EQ(parse_ruling_json(testing::read_fixture("web-corpus/rulings/99101.json"), "99101.json").meta.decision_kind,
            "判決");
}

TEST(DecisionKind, SharedCorpusRulings) {
  TSUBO_REQUIRE_CORPUS(corpus);
  auto kind = [&](const std::string& id) {
    std::ifstream in(corpus + "/rulings/" + id + ".json", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return parse_ruling_json(ss.str(), id + ".json").meta.decision_kind;
  };
  EXPECT_EQ(kind("88168"), "決定");  // 最二小 平成30(あ)582: 「主文のとおり決定する。」
  EXPECT_EQ(kind("87028"), "判決");  // 東京高判 平成28(う)974
  EXPECT_EQ(kind("91976"), "判決");  // 東京地裁刑事第７部 宣告
  EXPECT_EQ(kind("88984"), "判決");  // 知財高判 令和1(ネ)10037
}

}  // namespace
}  // namespace tsubo
