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
      {"statute/9001#art3", {}, "第三条　第二条第一号に掲げる行為をした者は、特許法（昭和三十四年法律第百二十一号）第百一条の規定により…", 0, 0, "3", ""},
      {"statute/9001#suppl1-art1", {}, "第一条　この法律は、公布の日から施行する。ただし、第二条中…", 0, 0, "", ""},
  };
  attach_citations(doc);
  EXPECT_TRUE(cites(doc.passages[0], "試験公正確保法/2/1/1"));
  EXPECT_TRUE(cites(doc.passages[0], "特許法/101"));
  EXPECT_FALSE(cites(doc.passages[0], "試験公正確保法/3"));  // its own heading
  EXPECT_TRUE(doc.passages[1].cited_statutes.empty());
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
