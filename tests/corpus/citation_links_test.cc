// Citations attached to the passages of real documents: 同法 and 法 across passages, a statute's
// own bare references, its 附則, and the article heading a passage opens with.
#include "corpus/citation_links.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "corpus/importers.h"
#include "corpus/source_files.h"
#include "test_support.h"

namespace tsubo {
namespace {

bool cites(const Passage& p, const std::string& key) {
  return std::find(p.cited_statutes.begin(), p.cited_statutes.end(), key) != p.cited_statutes.end();
}

TEST(CitationLinks, StatuteBareReferencesCiteItselfNotInSupplementaryProvisions) {
  Document doc;
  doc.id = "statute/9001";
  doc.type = DocType::Statute;
  doc.meta.law = "試験公正確保法";
  doc.passages = {
      {"statute/9001#art3", {}, "第三条　第二条第一号に掲げる行為をした者は、特許法（昭和三十四年法律第百二十一号）第百一条の規定により…", 0, 0, "3", "", {}, {}, ""},
      {"statute/9001#suppl1-art1", {}, "第一条　この法律は、公布の日から施行する。ただし、第二条中…", 0, 0, "", "", {}, {}, ""},
  };
  attach_citations(doc);
  EXPECT_TRUE(cites(doc.passages[0], "試験公正確保法/2/1/1"));
  EXPECT_TRUE(cites(doc.passages[0], "特許法/101"));
  EXPECT_FALSE(cites(doc.passages[0], "試験公正確保法/3"));  // its own heading
  EXPECT_TRUE(doc.passages[1].cited_statutes.empty());
}

// 前項, 第一号 and 前条 count from the passage's article and the paragraph or item of their line.
TEST(CitationLinks, StatuteRelativeReferencesByLine) {
  Document doc;
  doc.id = "statute/9001";
  doc.type = DocType::Statute;
  doc.meta.law = "試験公正確保法";
  doc.passages = {
      {"statute/9001#art2", {}, "第二条　この法律において…", 0, 0, "2", "", {}, {}, ""},
      {"statute/9001#art2の2", {}, "第二条の二　…", 0, 0, "2の2", "", {}, {}, ""},
      {"statute/9001#art3", {}, "第三条　次に掲げる者は、罰金に処する。\n一　受験票を偽造した者\n二　前号の受験票を使用した者\n"
                               "２　前項第二号の罪の未遂は、罰する。\n○３　前条の規定は、第一項の場合に準用する。",
       0, 0, "3", "", {}, {}, ""},
  };
  attach_citations(doc);
  const Passage& p = doc.passages[2];
  EXPECT_TRUE(cites(p, "試験公正確保法/3/1/1"));  // 前号 in item 2
  EXPECT_TRUE(cites(p, "試験公正確保法/3/1/2"));  // 前項第二号 in paragraph 2
  EXPECT_TRUE(cites(p, "試験公正確保法/2の2"));   // 前条 of 3, by the statute's order
  EXPECT_TRUE(cites(p, "試験公正確保法/3/1"));    // 第一項
  EXPECT_FALSE(cites(p, "試験公正確保法/2"));
  EXPECT_FALSE(cites(p, "試験公正確保法/3/2"));
}

// A commentary passage cites the provision it explains, and its 本号, 前号, 本条第１項第１号 and
// 第３号 count from it.
TEST(CitationLinks, CommentaryPassagesCiteTheirProvision) {
  Document doc = parse_guidance(testing::read_fixture("guidance/commentary-articles.txt"), false, "guidance/chikujo",
                                "commentary-articles.txt");
  attach_citations(doc);
  auto passage = [&](const std::string& needle) -> const Passage& {
    for (const auto& p : doc.passages)
      if (p.text.find(needle) != std::string::npos) return p;
    static const Passage none;
    ADD_FAILURE() << needle;
    return none;
  };
  const Passage& definition = passage("三つの要件");
  EXPECT_TRUE(cites(definition, "不正競争防止法/2/6"));
  EXPECT_TRUE(cites(definition, "不正競争防止法/2"));
  EXPECT_TRUE(cites(definition, "不正競争防止法/3"));  // 第３条: the commentary's law
  const Passage& acquisition = passage("盗み出しや欺罔");
  EXPECT_TRUE(cites(acquisition, "不正競争防止法/2/1/4"));
  EXPECT_TRUE(cites(acquisition, "不正競争防止法/2/1/3"));  // 前号
  const Passage& penalty = passage("図利加害目的");
  EXPECT_TRUE(cites(penalty, "不正競争防止法/21/1/1"));
  EXPECT_TRUE(cites(penalty, "不正競争防止法/21/1/3"));
  EXPECT_TRUE(cites(penalty, "不正競争防止法/20"));  // 前条
  for (const auto& p : doc.passages) EXPECT_TRUE(p.cited_rulings.empty()) << p.id;
}

// 88984: the document view showed 民法2条6項 for "不正競争防止法において「営業秘密」とは…（同法２条６項）".
TEST(CitationLinks, RealRulingDoHoAfterALawNamedWithoutArticle) {
  TSUBO_REQUIRE_CORPUS(corpus);
  SourceFile file{corpus + "/rulings/88984.json", "ruling/88984", DocType::Ruling, false};
  const Document doc = import_source_file(file);
  bool secret = false;
  for (const auto& p : doc.passages) {
    EXPECT_FALSE(cites(p, "民法/2/6")) << p.id;
    secret = secret || cites(p, "不正競争防止法/2/6");
  }
  EXPECT_TRUE(secret);
}

TEST(CitationLinks, RulingDefinesLawOnceAndCitesItAsHo) {
  TSUBO_REQUIRE_CORPUS(corpus);
  SourceFile file{corpus + "/rulings/88168.json", "ruling/88168", DocType::Ruling, false};
  const Document doc = import_source_file(file);
  std::size_t ho = 0;
  for (const auto& p : doc.passages) ho += cites(p, "不正競争防止法/21/1/3");
  EXPECT_GE(ho, 2u);  // 不正競争防止法（…以下「法」という。）２１条１項３号, then 法２１条１項３号
}

TEST(CitationLinks, DoHoAcrossPassagesOfARealRuling) {
  TSUBO_REQUIRE_CORPUS(corpus);
  SourceFile file{corpus + "/rulings/87028.json", "ruling/87028", DocType::Ruling, false};
  const Document doc = import_source_file(file);
  bool dispatch = false, article6 = false;
  for (const auto& p : doc.passages) {
    dispatch = dispatch || cites(p, "労働者派遣事業の適正な運営の確保及び派遣労働者の保護等に関する法律/40の6/1/1");
    article6 = article6 || cites(p, "不正競争防止法/2/6");
  }
  EXPECT_TRUE(dispatch);
  EXPECT_TRUE(article6);
}

}  // namespace
}  // namespace tsubo
