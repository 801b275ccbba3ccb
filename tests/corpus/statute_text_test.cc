// Tests for the e-Gov statute text importer (corpus/statute_text.cc): fixtures under
// tests/fixtures/statute/ written in the export's shape, and the real 不正競争防止法 when the shared
// corpus is there.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "corpus/importers.h"
#include "test_support.h"

namespace tsubo {
namespace {

using ::tsubo::testing::read_fixture;

Document parse_fixture(const std::string& name) {
  const std::string stem = name.substr(0, name.find('.'));
  return parse_statute_text(read_fixture("statute/" + name), "statute/" + stem, "statute/" + name);
}

const Passage* find_passage(const Document& doc, const std::string& id) {
  for (const auto& p : doc.passages)
    if (p.id == id) return &p;
  return nullptr;
}

std::vector<std::string> ids_of(const Document& doc) {
  std::vector<std::string> ids;
  for (const auto& p : doc.passages) ids.push_back(p.id);
  return ids;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The export's opening: two blank lines, the title, the law number line.
std::string statute_head() { return "\n\n大きな表の法律\n（平成十年一月二日法律第三号）\n"; }

TEST(StatuteText, MetadataFromTitleAndLawNumber) {
  const Document doc = parse_fixture("basic.txt");
  EXPECT_EQ(doc.id, "statute/basic");
  EXPECT_EQ(doc.type, DocType::Statute);
  EXPECT_EQ(doc.title, "試験公正確保法");
  EXPECT_EQ(doc.meta.law, "試験公正確保法");
  EXPECT_EQ(doc.meta.law_number, "平成五年法律第四十七号");  // date and 最終改正 dropped
  EXPECT_EQ(doc.meta.date, "1993-05-19");
  EXPECT_EQ(doc.source_path, "statute/basic.txt");
}

TEST(StatuteText, OnePassagePerArticleSupplementAndTable) {
  const Document doc = parse_fixture("basic.txt");
  const std::vector<std::string> expected = {
      "statute/basic#preamble",    "statute/basic#art1",        "statute/basic#art2",
      "statute/basic#art19",       "statute/basic#art19の2",    "statute/basic#suppl1-art1",
      "statute/basic#suppl2-art1", "statute/basic#suppl3",      "statute/basic#table1"};
  EXPECT_EQ(ids_of(doc), expected);
}

TEST(StatuteText, HeadingPathHasChapterCaptionAndArticle) {
  const Document doc = parse_fixture("basic.txt");
  const Passage* art2 = find_passage(doc, "statute/basic#art2");
  ASSERT_NE(art2, nullptr);
  EXPECT_EQ(art2->heading_path, (std::vector<std::string>{"第一章　総則", "（定義）", "第二条"}));
  EXPECT_EQ(art2->article, "2");
  // The table of contents (第二章　雑則（第十九条・…）) does not leak into the first chapter.
  const Passage* art19 = find_passage(doc, "statute/basic#art19");
  ASSERT_NE(art19, nullptr);
  EXPECT_EQ(art19->heading_path, (std::vector<std::string>{"第二章　雑則", "第十九条"}));
  EXPECT_EQ(art19->text, "第十九条　削除");
}

TEST(StatuteText, ParagraphsAndItemsKeptInText) {
  const Document doc = parse_fixture("basic.txt");
  const Passage* art2 = find_passage(doc, "statute/basic#art2");
  ASSERT_NE(art2, nullptr);
  const std::string& t = art2->text;
  EXPECT_EQ(t.rfind("第二条　この法律において「不正受験」とは、次に掲げるものをいう。\n", 0), 0u) << t;
  EXPECT_TRUE(contains(t, "\n一　他人の受験票を使用して受験する行為\n")) << t;
  EXPECT_TRUE(contains(t, "\n二　試験問題を不正に取得する行為")) << t;
  EXPECT_TRUE(contains(t, "\n２　この法律において「試験実施者」とは")) << t;
  EXPECT_TRUE(contains(t, "\n３　第一項第二号の罪は")) << t;
}

TEST(StatuteText, SubItemsStartTheirOwnLines) {
  // "…該当するものイ　紙の…" (the export glues the first sub-item to its item) and "ロ　…" at column 0.
  const Document doc = parse_fixture("basic.txt");
  const Passage* art2 = find_passage(doc, "statute/basic#art2");
  ASSERT_NE(art2, nullptr);
  EXPECT_TRUE(contains(art2->text, "該当するもの\nイ　紙の試験問題を窃取するもの\nロ　電子計算機に")) << art2->text;
}

TEST(StatuteText, ContinuationLinesJoinedWithoutBreak) {
  const Document doc = parse_fixture("basic.txt");
  const Passage* art2 = find_passage(doc, "statute/basic#art2");
  ASSERT_NE(art2, nullptr);
  EXPECT_TRUE(contains(art2->text, "学校教育法（昭和二十二年法律第二十六号）第一条に規定する学校をいう。"));
  EXPECT_TRUE(contains(art2->text, "刑法（明治四十年法律第四十五号）第三条の例に従う。"));
}

TEST(StatuteText, BranchArticleNumber) {
  const Document doc = parse_fixture("basic.txt");
  const Passage* p = find_passage(doc, "statute/basic#art19の2");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->article, "19の2");
  EXPECT_EQ(p->heading_path.back(), "第十九条の二");
  EXPECT_EQ(p->heading_path[1], "（適用除外）");
}

TEST(StatuteText, SupplementaryProvisionsKeptApart) {
  const Document doc = parse_fixture("basic.txt");
  const Passage* s1 = find_passage(doc, "statute/basic#suppl1-art1");
  const Passage* s2 = find_passage(doc, "statute/basic#suppl2-art1");
  const Passage* s3 = find_passage(doc, "statute/basic#suppl3");
  ASSERT_TRUE(s1 && s2 && s3);
  EXPECT_EQ(s1->heading_path, (std::vector<std::string>{"附則", "（施行期日）", "第一条"}));
  EXPECT_EQ(s2->heading_path.front(), "附則（平成六年一二月一四日法律第一一六号）");
  EXPECT_EQ(s3->heading_path, (std::vector<std::string>{"附則（平成一一年四月二三日法律第三三号）"}));
  // 附則 articles carry no article number: a filter on 第一条 finds the main provision only.
  EXPECT_EQ(s1->article, "");
  EXPECT_TRUE(contains(s2->text, "平成七年七月一日から施行する"));
  EXPECT_EQ(s3->text, "この法律は、平成十一年十月一日から施行する。\n２　前項の規定にかかわらず、第十九条の二の規定は、公布の日から施行する。");
  // The main article 1 is not disturbed by the 附則's 第一条.
  EXPECT_TRUE(contains(find_passage(doc, "statute/basic#art1")->text, "試験の公正な実施を確保し"));
}

TEST(StatuteText, PreambleAndTable) {
  const Document doc = parse_fixture("basic.txt");
  const Passage* pre = find_passage(doc, "statute/basic#preamble");
  ASSERT_NE(pre, nullptr);
  EXPECT_EQ(pre->heading_path, (std::vector<std::string>{"制定文"}));
  EXPECT_EQ(pre->text, "試験公正確保法（昭和九年法律第十四号）の全部を改正する。");
  const Passage* table = find_passage(doc, "statute/basic#table1");
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->heading_path, (std::vector<std::string>{"別表　（第二条関係）"}));
  EXPECT_EQ(table->text, "別表　（第二条関係）\n試験の種類\n実施者\n国家試験\n国");
}

TEST(StatuteText, SourceOffsetsCoverTheArticle) {
  const std::string text = read_fixture("statute/basic.txt");
  const Document doc = parse_statute_text(text, "statute/basic", "basic.txt");
  const Passage* art2 = find_passage(doc, "statute/basic#art2");
  ASSERT_NE(art2, nullptr);
  ASSERT_LT(art2->source_begin, art2->source_end);
  ASSERT_LE(art2->source_end, text.size());
  const std::string span = text.substr(art2->source_begin, art2->source_end - art2->source_begin);
  EXPECT_EQ(span.rfind("（定義）\n第二条\n", 0), 0u) << span;
  EXPECT_TRUE(contains(span, "の例に従う。"));
  EXPECT_FALSE(contains(span, "第二章"));
  for (std::size_t k = 1; k < doc.passages.size(); ++k)
    EXPECT_LE(doc.passages[k - 1].source_end, doc.passages[k].source_begin) << doc.passages[k].id;
}

TEST(StatuteText, LawWithoutArticles) {
  const Document doc = parse_fixture("no_articles.txt");
  EXPECT_EQ(ids_of(doc), (std::vector<std::string>{"statute/no_articles#main", "statute/no_articles#suppl1"}));
  const Passage& main = doc.passages[0];
  EXPECT_EQ(main.heading_path, (std::vector<std::string>{"本則"}));
  EXPECT_TRUE(contains(main.text, "次のように定める。\n試験会場の把握は、"));
  EXPECT_TRUE(contains(main.text, "\n一　試験会場の数\n二　試験会場ごとの定員"));
  EXPECT_EQ(doc.passages[1].text, "この命令は、公布の日から施行する。");
}

TEST(StatuteText, OldStyleQuirks) {
  const Document doc = parse_fixture("old_style.txt");
  EXPECT_EQ(ids_of(doc), (std::vector<std::string>{"statute/old_style#preamble", "statute/old_style#art1",
                                                   "statute/old_style#art2", "statute/old_style#art2の2"}));
  // 日本国憲法-like: the first chapter glued to the end of the line before it.
  EXPECT_EQ(doc.passages[0].text, "試験規程左ノ通定ム");
  const Passage& art1 = doc.passages[1];
  // 郵便法-like: the caption printed after the article heading.
  EXPECT_EQ(art1.heading_path, (std::vector<std::string>{"第一章　総則", "（試験ノ種類）", "第一条"}));
  EXPECT_TRUE(contains(art1.text, "\n○２　試験ノ期日ハ主務大臣之ヲ定ム")) << art1.text;
  // A table cell 第一条 inside 第二条 is not an article.
  EXPECT_TRUE(contains(doc.passages[2].text, "\n第一条\n千円")) << doc.passages[2].text;
  // 第二条ノ二 and a chapter title broken over lines.
  const Passage& art2_2 = doc.passages[3];
  EXPECT_EQ(art2_2.article, "2の2");
  EXPECT_EQ(art2_2.heading_path.front(),
            "第二章　地方試験委員会（試験規程ノ一部ヲ改正スル勅令（昭和二十二年政令第七十号）ニ依ル委員会）");
}

TEST(StatuteText, GiganticTableSplitAtLineBoundaries) {
  std::string text = statute_head() + "第一条\n　この法律は、表を定める。\n\n別表第一　（第一条関係）\n";
  for (int row = 0; row < 3000; ++row) text += "\n品目" + std::to_string(row) + "　一キログラムにつき百円\n";
  const Document doc = parse_statute_text(text, "statute/big", "big.txt");
  std::vector<const Passage*> parts;
  for (const auto& p : doc.passages)
    if (p.id.rfind("statute/big#table1", 0) == 0) parts.push_back(&p);
  ASSERT_GE(parts.size(), 3u);
  EXPECT_EQ(parts[0]->id, "statute/big#table1");
  EXPECT_EQ(parts[1]->id, "statute/big#table1-p2");
  EXPECT_EQ(parts[2]->id, "statute/big#table1-p3");
  std::string joined;
  for (const Passage* p : parts) {
    EXPECT_LE(p->text.size(), 20000u);
    EXPECT_EQ(p->heading_path, (std::vector<std::string>{"別表第一　（第一条関係）"}));
    EXPECT_EQ(p->text.rfind("品目", 0) == 0 || p == parts[0], true) << "cut inside a line: " << p->id;
    joined += p->text + "\n";
  }
  EXPECT_TRUE(contains(joined, "\n品目0　一キログラムにつき百円\n"));
  EXPECT_TRUE(contains(joined, "\n品目2999　一キログラムにつき百円\n"));
}

TEST(StatuteText, GiganticSingleLineSplitOnCharacterBoundaries) {
  std::string row;
  for (int k = 0; k < 8000; ++k) row += "区域";  // 48,000 bytes on one line, no separator at all
  const std::string text = statute_head() + "第一条\n　この法律は、表を定める。\n\n別表\n\n" + row + "\n";
  const Document doc = parse_statute_text(text, "statute/line", "line.txt");
  std::string joined;
  int parts = 0;
  for (const auto& p : doc.passages) {
    if (p.id.rfind("statute/line#table1", 0) != 0) continue;
    ++parts;
    EXPECT_LE(p.text.size(), 20000u);
    joined += p.text;
  }
  EXPECT_GE(parts, 3);
  EXPECT_TRUE(contains(joined, row));  // nothing lost, no code point cut in half
}

TEST(StatuteText, ClashingIdsGetSuffix) {
  // A 附則 block whose articles restart (an amending act's provisions kept inside it).
  const std::string text = statute_head() +
                           "第一条\n　本則の規定。\n\n\n　　　附　則\n\n第一条\n　施行期日の規定。\n\n\n"
                           "（経過措置）\n第一条\n　経過措置の規定。\n";
  const Document doc = parse_statute_text(text, "statute/clash", "clash.txt");
  EXPECT_EQ(ids_of(doc), (std::vector<std::string>{"statute/clash#art1", "statute/clash#suppl1-art1",
                                                   "statute/clash#suppl1-art1-2"}));
}

TEST(StatuteText, RejectsUnusableInput) {
  EXPECT_THROW(parse_statute_text("", "statute/x", "x.txt"), ImportError);
  EXPECT_THROW(parse_statute_text("\n\n　\n", "statute/x", "x.txt"), ImportError);
  // No title: the text starts with an indented paragraph.
  EXPECT_THROW(parse_statute_text("\n　この法律は、公布の日から施行する。\n", "statute/x", "x.txt"), ImportError);
  // A title and nothing else.
  EXPECT_THROW(parse_statute_text("\n\n空の法律\n（平成十年一月二日法律第三号）\n\n", "statute/x", "x.txt"), ImportError);
  try {
    parse_statute_text("", "statute/x", "x.txt");
  } catch (const ImportError& e) {
    EXPECT_TRUE(contains(e.what(), "[corpus][statute_text]")) << e.what();
    EXPECT_TRUE(contains(e.what(), "x.txt")) << e.what();
  }
}

// The real 不正競争防止法 (statutes-core/6273.txt, as last amended in 2012).
TEST(StatuteTextCorpus, UnfairCompetitionPreventionAct) {
  TSUBO_REQUIRE_CORPUS(corpus);
  std::ifstream in(corpus + "/statutes-core/6273.txt", std::ios::binary);
  ASSERT_TRUE(in) << "statutes-core/6273.txt missing from " << corpus;
  std::stringstream ss;
  ss << in.rdbuf();
  const Document doc = parse_statute_text(ss.str(), "statute/6273", "statutes-core/6273.txt");
  EXPECT_EQ(doc.title, "不正競争防止法");
  EXPECT_EQ(doc.meta.law_number, "平成五年法律第四十七号");
  EXPECT_EQ(doc.meta.date, "1993-05-19");

  const Passage* art2 = find_passage(doc, "statute/6273#art2");
  ASSERT_NE(art2, nullptr);
  EXPECT_NE(std::find(art2->heading_path.begin(), art2->heading_path.end(), "（定義）"), art2->heading_path.end());
  EXPECT_EQ(art2->heading_path.front(), "第一章　総則");
  EXPECT_TRUE(contains(art2->text, "この法律において「営業秘密」とは、秘密として管理されている生産方法"));
  EXPECT_TRUE(contains(art2->text, "\n６　この法律において「営業秘密」とは"));
  EXPECT_TRUE(contains(art2->text, "\n十五　パリ条約（商標法（昭和三十四年法律第百二十七号）第四条第一項第二号に規定するパリ条約"));

  const Passage* art21 = find_passage(doc, "statute/6273#art21");
  ASSERT_NE(art21, nullptr);
  EXPECT_TRUE(contains(art21->text, "刑法（明治四十年法律第四十五号）第三条の例に従う。"));

  int articles = 0, suppl = 0;
  std::set<std::string> ids;
  for (const auto& p : doc.passages) {
    EXPECT_TRUE(ids.insert(p.id).second) << "duplicate " << p.id;
    if (p.id.rfind("statute/6273#art", 0) == 0) ++articles;
    if (p.id.rfind("statute/6273#suppl", 0) == 0) ++suppl;
  }
  EXPECT_EQ(articles, 31);  // 第一条–第三十一条
  EXPECT_GE(suppl, 17);     // 17 附則 blocks, several with articles
  EXPECT_LT(doc.passages.size(), 150u);
}

// Every statute of statutes-core parses into unique, bounded passages.
TEST(StatuteTextCorpus, CoreStatutesParse) {
  TSUBO_REQUIRE_CORPUS(corpus);
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(corpus + "/statutes-core")) {
    if (entry.path().extension() != ".txt") continue;
    ++files;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    const std::string id = "statute/" + entry.path().stem().string();
    const Document doc = parse_statute_text(text, id, entry.path().string());
    EXPECT_FALSE(doc.meta.law_number.empty()) << id;
    // 6274 (a one-paragraph 政令) has no articles: its main provisions are one passage.
    EXPECT_TRUE(find_passage(doc, id + "#art1") || find_passage(doc, id + "#main")) << id;
    std::set<std::string> ids;
    for (const auto& p : doc.passages) {
      EXPECT_TRUE(ids.insert(p.id).second) << "duplicate " << p.id;
      EXPECT_LE(p.text.size(), 20000u) << p.id;
      EXPECT_LT(p.source_begin, p.source_end) << p.id;
      EXPECT_LE(p.source_end, text.size()) << p.id;
    }
  }
  EXPECT_EQ(files, 20);
}

}  // namespace
}  // namespace tsubo
