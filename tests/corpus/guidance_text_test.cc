// Guidance text and Markdown → sections: headings found, paths, merging, splitting, markup removed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "corpus/importers.h"
#include "corpus/source_files.h"
#include "test_support.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

using Path = std::vector<std::string>;

Document parse_fixture(const std::string& name, bool markdown) {
  return parse_guidance(testing::read_fixture("guidance/" + name), markdown, "guidance/test",
                        testing::fixture_path("guidance/" + name));
}

// The passage whose text contains needle; fails the test when there is none.
const Passage& passage_with(const Document& doc, const std::string& needle) {
  for (const auto& p : doc.passages)
    if (p.text.find(needle) != std::string::npos) return p;
  ADD_FAILURE() << "no passage contains " << needle;
  static const Passage none;
  return none;
}

// Passage ids are <doc id>#s<n>, split parts #s<n>-2, …; offsets are in order inside the input.
void expect_well_formed(const Document& doc, std::string_view input) {
  ASSERT_FALSE(doc.passages.empty());
  std::size_t previous_end = 0;
  for (const auto& p : doc.passages) {
    EXPECT_EQ(p.id.rfind(doc.id + "#s", 0), 0u) << p.id;
    EXPECT_FALSE(utf8::trim(p.text).empty()) << p.id;
    EXPECT_LT(p.source_begin, p.source_end) << p.id;
    EXPECT_LE(p.source_end, input.size()) << p.id;
    EXPECT_GE(p.source_begin, previous_end) << p.id;
    previous_end = p.source_end;
  }
}

TEST(GuidanceText, MarkdownHeadingsBecomePathsAndMarkupIsRemoved) {
  const std::string input = testing::read_fixture("guidance/markdown-headings.md");
  const Document doc = parse_guidance(input, true, "guidance/tebiki", "markdown-headings.md");
  expect_well_formed(doc, input);
  EXPECT_EQ(doc.id, "guidance/tebiki");
  EXPECT_EQ(doc.type, DocType::Guidance);
  EXPECT_EQ(doc.source_path, "markdown-headings.md");
  EXPECT_EQ(doc.title, "営業秘密の管理に関する手引き");
  EXPECT_EQ(doc.meta.date, "2023-04-01");
  ASSERT_EQ(doc.passages.size(), 3u);

  // `## 第1 総説` has no text of its own: it is carried into `### 1 目的`. The document title
  // (a lone `#`) is not part of the paths.
  EXPECT_EQ(doc.passages[0].id, "guidance/tebiki#s1");
  EXPECT_EQ(doc.passages[0].heading_path, (Path{"第1 総説", "1 目的"}));
  EXPECT_EQ(doc.passages[0].text.rfind("営業秘密の管理に関する手引き\n\n2023年4月1日\n\n第1 総説\n\n1 目的\n\n", 0), 0u);
  EXPECT_NE(doc.passages[0].text.find("具体例とともに"), std::string::npos);

  const Passage& terms = doc.passages[1];
  EXPECT_EQ(terms.id, "guidance/tebiki#s2");
  EXPECT_EQ(terms.heading_path, (Path{"第1 総説", "2 用語"}));
  EXPECT_NE(terms.text.find("\n営業秘密：秘密として管理されている"), std::string::npos);
  EXPECT_NE(terms.text.find("詳しくは https://www.example.go.jp/guideline.html を参照。"), std::string::npos);
  EXPECT_EQ(input.substr(terms.source_begin, terms.source_end - terms.source_begin).rfind("### 2 用語", 0), 0u);

  EXPECT_EQ(doc.passages[2].heading_path, (Path{"第2 秘密管理性", "1 趣旨"}));
  for (const auto& p : doc.passages) {
    EXPECT_EQ(p.text.find("**"), std::string::npos) << p.id;
    EXPECT_EQ(p.text.find('#'), std::string::npos) << p.id;
    EXPECT_EQ(p.text.find('<'), std::string::npos) << p.id;
    EXPECT_EQ(p.text.find("- "), std::string::npos) << p.id;
  }
}

TEST(GuidanceText, SlidesWithoutHashHeadingsUsePageTitlesAndMarks) {
  const std::string input = testing::read_fixture("guidance/slides.md");
  const Document doc = parse_guidance(input, true, "guidance/slides", "slides.md");
  expect_well_formed(doc, input);
  EXPECT_EQ(doc.title, "第3回情報管理セミナーの概要");
  EXPECT_EQ(doc.meta.date, "2022-09-08");  // `2022年 9月 8日` under the title

  // The title block is too small for a passage of its own and leads the first slide's.
  const Passage& first = doc.passages.front();
  EXPECT_EQ(first.text.rfind("第3回情報管理セミナーの概要\n\n2022年 9月 8日", 0), 0u);
  EXPECT_EQ(passage_with(doc, "製造業協会").heading_path, (Path{"情報管理セミナーとは？"}));
  EXPECT_EQ(passage_with(doc, "文化庁").heading_path, (Path{"情報管理セミナーとは？", "関係機関"}));
  EXPECT_EQ(passage_with(doc, "営業秘密の漏えい事例と対策").heading_path, (Path{"議事次第", "報告事項"}));

  // ① ② ③ each with one short line merge into one passage labelled with the slide title.
  const Passage& insider = passage_with(doc, "必要な人だけがアクセスできる");
  EXPECT_EQ(insider.heading_path, (Path{"内部不正を防ぐには"}));
  EXPECT_NE(insider.text.find("ログの記録と定期的な確認"), std::string::npos);
  EXPECT_EQ(insider.text.find("\n4"), std::string::npos);  // the page number is furniture

  // A mark after a page break starts afresh; list items `- ①` and table rows are not headings.
  const Passage& attack = passage_with(doc, "標的型メールでウイルスに感染させる");
  EXPECT_EQ(attack.heading_path, (Path{"【組織1位】: 標的型攻撃による情報の窃取"}));
  EXPECT_NE(attack.text.find("1\t標的型攻撃による情報の窃取\t1"), std::string::npos);
  EXPECT_NE(attack.text.find("\n① [事前調査段階]\n"), std::string::npos);

  // The last slide is tiny and joins the passage before it, markup removed.
  EXPECT_NE(doc.passages.back().text.find("認識可能であるような秘密管理措置が取られている"), std::string::npos);
}

TEST(GuidanceText, NewsletterShortLinesAreNotHeadings) {
  const std::string input = testing::read_fixture("guidance/newsletter.txt");
  const Document doc = parse_guidance(input, false, "guidance/news-036", "newsletter.txt");
  expect_well_formed(doc, input);
  EXPECT_EQ(doc.title, "情報管理ニュース");
  EXPECT_EQ(doc.meta.date, "2022-03-15");  // `公開日:2022年3月15日`

  // One paragraph per line and no headings (`無料`, `日本語` are table cells): one section, split
  // at line ends into passages of at most ~1200 characters with the same (empty) path.
  ASSERT_EQ(doc.passages.size(), 2u);
  EXPECT_EQ(doc.passages[0].id, "guidance/news-036#s1");
  EXPECT_EQ(doc.passages[1].id, "guidance/news-036#s1-2");
  std::string all;
  for (const auto& p : doc.passages) {
    EXPECT_TRUE(p.heading_path.empty()) << p.id;
    EXPECT_LE(utf8::length(p.text), 1250u) << p.id;
    // Plain text: the passage is its source bytes, white space aside.
    EXPECT_EQ(utf8::remove_spaces(input.substr(p.source_begin, p.source_end - p.source_begin)),
              utf8::remove_spaces(p.text));
    all += p.text;
  }
  EXPECT_EQ(utf8::remove_spaces(all), utf8::remove_spaces(input));  // nothing lost
}

TEST(GuidanceText, GuidelineNumberingNestsByLevel) {
  const Document doc = parse_fixture("guideline-numbered.txt", false);
  EXPECT_EQ(doc.title, "営業秘密管理の考え方");
  EXPECT_EQ(doc.meta.date, "");
  const Path secrecy{"第2章　営業秘密の要件", "第1　秘密管理性"};
  const Path extent{"第2章　営業秘密の要件", "第1　秘密管理性", "２．必要な秘密管理措置の程度", "（１）基本的な考え方"};
  auto under = [](Path path, const std::string& more) {
    path.push_back(more);
    return path;
  };
  EXPECT_EQ(passage_with(doc, "最低限の水準").heading_path, (Path{"第1章　総則", "第1　目的"}));
  EXPECT_EQ(passage_with(doc, "予見可能性").heading_path, under(secrecy, "１．趣旨"));
  EXPECT_EQ(passage_with(doc, "合理的区分").heading_path, extent);
  EXPECT_EQ(passage_with(doc, "キャビネット").heading_path, under(extent, "ア　紙媒体の場合"));
  EXPECT_EQ(passage_with(doc, "ファイルに綴じた").heading_path,
            (under(under(extent, "ア　紙媒体の場合"), "（ア）ファイルの利用")));
  EXPECT_EQ(passage_with(doc, "鍵の貸出し").heading_path,
            under(under(under(extent, "ア　紙媒体の場合"), "（ア）ファイルの利用"), "①　施錠管理"));
  EXPECT_EQ(passage_with(doc, "パスワードの設定").heading_path, under(extent, "イ　電子媒体の場合"));
  EXPECT_EQ(passage_with(doc, "公序良俗").heading_path, (Path{"第2章　営業秘密の要件", "第2　有用性"}));
  // Each passage starts with its heading; headings without text lead the next passage.
  EXPECT_EQ(passage_with(doc, "予見可能性").text.rfind("第2章　営業秘密の要件\n\n第1　秘密管理性\n\n１．趣旨\n\n", 0), 0u);
}

TEST(GuidanceText, FullWidthAndSectionNumberingNests) {
  const std::string input =
      "第１章　総則\n\n第２節　秘密管理措置\n"
      "１　対象\n秘密管理措置の対象は、営業秘密として保護を求める情報であり、その範囲は合理的に区分されていなければならない。"
      "区分の方法は紙媒体と電子媒体とで異なるが、いずれの場合も従業員から見て分かることが大切である。\n"
      "（１）紙媒体\n紙媒体については、文書に秘密である旨を表示するほか、保管場所を施錠するなどの方法が考えられる。"
      "表示の仕方は会社の規模や業態によって異なってよく、従業員が認識できれば足りる。\n"
      "ア　表示\n（ア）個別の表示\n①　マル秘の押印\n文書ごとにマル秘の印を押す方法は、最も分かりやすい表示の一つである。"
      "押印の漏れがないよう、作成時に押印する運用を定めておくことが望ましいとされている。\n";
  const Document doc = parse_guidance(input, false, "guidance/fullwidth", "fullwidth.txt");
  expect_well_formed(doc, input);
  EXPECT_EQ(passage_with(doc, "合理的に区分").heading_path, (Path{"第１章　総則", "第２節　秘密管理措置", "１　対象"}));
  EXPECT_EQ(passage_with(doc, "保管場所を施錠").heading_path,
            (Path{"第１章　総則", "第２節　秘密管理措置", "１　対象", "（１）紙媒体"}));
  EXPECT_EQ(passage_with(doc, "マル秘の印を押す").heading_path,
            (Path{"第１章　総則", "第２節　秘密管理措置", "１　対象", "（１）紙媒体", "ア　表示", "（ア）個別の表示",
                  "①　マル秘の押印"}));
  for (const auto& p : doc.passages) EXPECT_TRUE(p.provision.empty()) << p.id;  // no article headings
}

// 逐条解説: article headings 第２条（定義） › 第２条第１項第４号 nest, 第２条第６項 is a sibling of the
// 第４号 heading, 第５章 closes 第２条; each passage explains the provision above it, of the law its
// title names.
TEST(GuidanceText, CommentaryArticleHeadingsTiePassagesToProvisions) {
  const std::string input = testing::read_fixture("guidance/commentary-articles.txt");
  const Document doc = parse_guidance(input, false, "guidance/chikujo", "commentary-articles.txt");
  expect_well_formed(doc, input);
  EXPECT_EQ(doc.title, "逐条解説　不正競争防止法");
  ASSERT_EQ(doc.passages.size(), 6u);
  const Path article2{"第１章　総則", "第２条（定義）"};
  auto under = [](Path path, const std::string& more) {
    path.push_back(more);
    return path;
  };
  const Passage& purpose = passage_with(doc, "国民経済の健全な発展");
  EXPECT_EQ(purpose.heading_path, (Path{"第１章　総則", "第１条（目的）"}));
  EXPECT_EQ(purpose.provision, "不正競争防止法/1");
  EXPECT_EQ(purpose.article, "1");

  const Passage& outline = passage_with(doc, "中心となる用語");
  EXPECT_EQ(outline.heading_path, under(article2, "１．趣旨"));
  EXPECT_EQ(outline.provision, "不正競争防止法/2");

  const Path item4 = under(article2, "第２条第１項第４号（営業秘密の不正取得行為）");
  const Passage& acquisition = passage_with(doc, "盗み出しや欺罔");
  EXPECT_EQ(acquisition.heading_path, under(item4, "（１）趣旨"));
  EXPECT_EQ(acquisition.provision, "不正競争防止法/2/1/4");
  EXPECT_EQ(acquisition.article, "2");
  EXPECT_EQ(passage_with(doc, "建造物侵入").provision, "不正競争防止法/2/1/4");

  const Passage& definition = passage_with(doc, "三つの要件");
  EXPECT_EQ(definition.heading_path, under(article2, "第２条第６項（営業秘密の定義）"));
  EXPECT_EQ(definition.provision, "不正競争防止法/2/6");

  const Passage& penalty = passage_with(doc, "図利加害目的");
  EXPECT_EQ(penalty.heading_path, (Path{"第５章　罰則", "（罰則）第二十一条"}));
  EXPECT_EQ(penalty.provision, "不正競争防止法/21");
  EXPECT_EQ(penalty.article, "21");
}

// Without a law in the title the commentary's law is the one its text cites most; a guideline
// without article headings explains no provision.
TEST(GuidanceText, CommentaryLawFromContextAndPlainGuidelines) {
  const std::string input =
      "# 解説\n\n## 第２条第６項（営業秘密の定義）\n\n"
      "営業秘密の三要件は不正競争防止法２条６項が定めており、同法２１条の刑事罰もこの定義を前提とする。"
      "要件のうち秘密管理性が争われることが最も多く、裁判例の蓄積もこの点に集中している。\n";
  const Document doc = parse_guidance(input, true, "guidance/kaisetsu", "kaisetsu.md");
  ASSERT_EQ(doc.passages.size(), 1u);
  EXPECT_EQ(doc.passages[0].provision, "不正競争防止法/2/6");

  for (const auto& p : parse_fixture("guideline-numbered.txt", false).passages) {
    EXPECT_TRUE(p.provision.empty()) << p.id;
    EXPECT_TRUE(p.article.empty()) << p.id;
  }
}

TEST(GuidanceText, LongSectionsSplitAtParagraphs) {
  std::string input = "# 逐条解説\n\n## 第2条 定義\n\n";
  const std::string paragraph =
      "本号は、営業秘密の不正取得行為を定めるものである。窃取、詐欺、強迫その他の不正の手段により営業秘密を取得する行為、"
      "及びその取得した営業秘密を使用し、又は開示する行為が、不正競争に当たることを明らかにしている。";
  for (int n = 0; n < 12; ++n) input += paragraph + "\n\n";
  const Document doc = parse_guidance(input, true, "guidance/chikujo", "chikujo.md");
  expect_well_formed(doc, input);
  ASSERT_GE(doc.passages.size(), 2u);
  std::size_t paragraphs = 0;
  for (std::size_t k = 0; k < doc.passages.size(); ++k) {
    const Passage& p = doc.passages[k];
    EXPECT_EQ(p.id, k == 0 ? "guidance/chikujo#s1" : "guidance/chikujo#s1-" + std::to_string(k + 1));
    EXPECT_EQ(p.heading_path, (Path{"第2条 定義"}));
    EXPECT_LE(utf8::length(p.text), 1250u);
    std::size_t at = 0;
    while ((at = p.text.find(paragraph, at)) != std::string::npos) ++paragraphs, at += paragraph.size();
  }
  EXPECT_EQ(paragraphs, 12u);  // split between paragraphs, never inside one
}

TEST(GuidanceText, EmptyInputThrows) {
  EXPECT_THROW(parse_fixture("empty.txt", false), ImportError);
  EXPECT_THROW(parse_guidance(" \n\u3000\n\n", false, "guidance/blank", "blank.txt"), ImportError);
  EXPECT_THROW(parse_guidance("\x82\xa0\n", false, "guidance/sjis", "sjis.txt"), ImportError);
}

TEST(GuidanceText, RealCorpusParses) {
  TSUBO_REQUIRE_CORPUS(corpus);
  struct Case {
    const char* file;
    bool markdown;
    const char* date;
  };
  for (const Case& c : {Case{"kanmin-forum-06-2020-07-21.md", true, "2020-07-21"},
                        Case{"tsubo-mailmag-060-2021-06-16.txt", false, "2021-06-16"}}) {
    SCOPED_TRACE(c.file);
    const std::string path = corpus + "/guidance/" + c.file;
    const std::string input = read_source_text(path);
    const std::string stem = std::string(c.file).substr(0, std::string(c.file).rfind('.'));
    const Document doc = parse_guidance(input, c.markdown, "guidance/" + stem, path);
    expect_well_formed(doc, input);
    EXPECT_EQ(doc.meta.date, c.date);
    EXPECT_FALSE(doc.title.empty());
    std::printf("[guidance] %s: %zu passages\n", c.file, doc.passages.size());
    for (const auto& p : doc.passages) {
      EXPECT_GE(utf8::length(p.text), 40u) << p.id;
      EXPECT_LE(utf8::length(p.text), 1300u) << p.id;
      EXPECT_TRUE(p.provision.empty()) << p.id;  // neither is a commentary
    }
  }
}

TEST(GuidanceText, RealForumSlides) {
  TSUBO_REQUIRE_CORPUS(corpus);
  const std::string path = corpus + "/guidance/kanmin-forum-06-2020-07-21.md";
  const Document doc = parse_guidance(read_source_text(path), true, "guidance/kanmin-forum-06-2020-07-21", path);
  EXPECT_EQ(doc.title, "第6回営業秘密官民フォーラムの概要");
  // The lawyers' slide on 秘密管理性 (東京高判平成29・3・21) is one passage, its sentence whole.
  const Passage& secrecy = passage_with(doc, "①秘密管理性を要件とした趣旨は");
  EXPECT_NE(secrecy.text.find("東京高判平成29・3・21(判タ1433号80頁)"), std::string::npos);
  EXPECT_NE(secrecy.text.find("全体として秘密管理性の要件は満たされていたというべき。"), std::string::npos);
  EXPECT_NE(passage_with(doc, "秘密管理性は、企業の秘密管理意思が").text.find("秘密管理措置の存在"), std::string::npos);
  EXPECT_EQ(passage_with(doc, "■ 産業界(11団体)").heading_path, (Path{"営業秘密官民フォーラムとは？", "産業界(11団体)"}));
  for (const auto& p : doc.passages) {
    EXPECT_EQ(p.text.find("**"), std::string::npos) << p.id;
    EXPECT_EQ(p.text.find("<https://"), std::string::npos) << p.id;
    for (const auto& h : p.heading_path) EXPECT_EQ(h.find('\t'), std::string::npos) << p.id << " " << h;
  }
}

}  // namespace
}  // namespace tsubo
