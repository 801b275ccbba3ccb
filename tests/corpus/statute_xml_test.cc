// e-Gov 法令標準XML: passages per article with paragraphs, items and sub-items, 枝番号 articles,
// 附則 with and without articles, laws without articles, and malformed or foreign XML.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "corpus/importers.h"
#include "corpus/source_files.h"
#include "test_support.h"

namespace tsubo {
namespace {

const Passage* find(const Document& doc, const std::string& id) {
  for (const auto& p : doc.passages)
    if (p.id == id) return &p;
  return nullptr;
}

std::string import_error(const std::string& fixture) {
  try {
    parse_statute_xml(testing::read_fixture(fixture), "statute/x", fixture);
  } catch (const ImportError& e) {
    return e.what();
  }
  return "";
}

TEST(StatuteXml, ArticlesParagraphsItemsAndMetadata) {
  const Document doc = parse_statute_xml(testing::read_fixture("xml/405AC0000000047.xml"), "statute/405AC0000000047",
                                         "405AC0000000047.xml");
  EXPECT_EQ(doc.title, "不正競争防止法");
  EXPECT_EQ(doc.type, DocType::Statute);
  EXPECT_EQ(doc.meta.law, "不正競争防止法");
  EXPECT_EQ(doc.meta.law_number, "平成五年法律第四十七号");
  EXPECT_EQ(doc.meta.date, "1993-05-19");
  std::vector<std::string> ids;
  for (const auto& p : doc.passages) ids.push_back(p.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"statute/405AC0000000047#art1", "statute/405AC0000000047#art2",
                                           "statute/405AC0000000047#art19の2", "statute/405AC0000000047#suppl1-art1",
                                           "statute/405AC0000000047#suppl2"}));
  const Passage* art2 = find(doc, "statute/405AC0000000047#art2");
  ASSERT_TRUE(art2);
  EXPECT_EQ(art2->article, "2");
  EXPECT_EQ(art2->heading_path, (std::vector<std::string>{"第一章　総則", "（定義）", "第二条"}));
  EXPECT_EQ(art2->text,
            "第二条　この法律において「不正競争」とは、次に掲げるものをいう。\n"
            "一　他人の商品等表示として需要者の間に広く認識されているものと同一若しくは類似の商品等表示を使用する行為\n"
            "四　窃取、詐欺、強迫その他の不正の手段により営業秘密を取得する行為（以下「営業秘密不正取得行為」という。）\n"
            "イ　架空の小項目の例\n"
            "６　この法律において「営業秘密」とは、秘密として管理されている生産方法、販売方法その他の事業活動に有用な"
            "技術上又は営業上の情報であって、公然と知られていないものをいう。");
  EXPECT_EQ(find(doc, "statute/405AC0000000047#art19の2")->article, "19の2");
  EXPECT_EQ(find(doc, "statute/405AC0000000047#suppl1-art1")->article, "");
  EXPECT_EQ(find(doc, "statute/405AC0000000047#suppl2")->heading_path,
            std::vector<std::string>{"附則（平成二四年三月三一日法律第一二号）"});
}

// The law with its <MainProvision> wrapped in `levels` nested <Chapter>s.
std::string nested_chapters(int levels) {
  const std::string law = testing::read_fixture("xml/405AC0000000047.xml");
  const std::size_t open = law.find("<MainProvision>") + std::string("<MainProvision>").size();
  const std::size_t close = law.find("</MainProvision>");
  std::string xml = law.substr(0, open);
  for (int i = 0; i < levels; ++i) xml += "<Chapter Num=\"1\"><ChapterTitle>第一章</ChapterTitle>";
  xml += law.substr(open, close - open);
  for (int i = 0; i < levels; ++i) xml += "</Chapter>";
  return xml + law.substr(close);
}

// 20,000 nested <Chapter> (1.3 MB): a stack overflow in the recursive walk after 23 s; now refused at once.
TEST(StatuteXml, NestingIsBounded) {
  try {
    parse_statute_xml(nested_chapters(20000), "statute/deep", "deep.xml");
    ADD_FAILURE() << "20,000 levels accepted";
  } catch (const ImportError& e) {
    EXPECT_NE(std::string(e.what()).find("deep.xml: elements nested more than 64 levels deep (limit 64)"),
              std::string::npos) << e.what();
  }
  const Document doc = parse_statute_xml(nested_chapters(40), "statute/deep", "deep.xml");
  EXPECT_EQ(doc.passages.front().heading_path.size(), 40u + 3u);  // 40 chapters, 第一章　総則, （目的）, 第一条
}

// fuzz/statute_xml_fuzz.cc: pugixml decodes &#x4E0eeee…D; (or &#xD800;, &#x110000;) to bytes that are no
// UTF-8, and the passage's JSON record then failed with a bare [json.exception.type_error.316].
TEST(StatuteXml, ACharacterReferenceToNoCharacterIsMalformed) {
  const std::string reason = import_error("xml/bad-char-ref.xml");
  EXPECT_NE(reason.find("bad-char-ref.xml: malformed XML: a character reference in <LawTitle> is not a Unicode character"),
            std::string::npos) << reason;
  const auto law = [](const std::string& num, const std::string& title) {
    return "<Law><LawBody><LawTitle>" + title + "</LawTitle><MainProvision><Article Num=\"" + num +
           "\"><ArticleTitle>第一条</ArticleTitle><Paragraph Num=\"1\"><ParagraphSentence><Sentence>目的"
           "</Sentence></ParagraphSentence></Paragraph></Article></MainProvision></LawBody></Law>";
  };
  EXPECT_THROW(parse_statute_xml(law("&#x110000;", "特許法"), "statute/x", "x.xml"), ImportError);
  EXPECT_THROW(parse_statute_xml(law("1", "&#xD800;"), "statute/x", "x.xml"), ImportError);
  EXPECT_EQ(parse_statute_xml(law("1", "&#x7279;許法"), "statute/x", "x.xml").title, "特許法");
}

TEST(StatuteXml, LawWithoutArticles) {
  const Document doc = parse_statute_xml(testing::read_fixture("xml/no-articles.xml"), "statute/n", "no-articles.xml");
  ASSERT_EQ(doc.passages.size(), 1u);
  EXPECT_EQ(doc.passages[0].id, "statute/n#main");
  EXPECT_EQ(doc.passages[0].text, "この政令は、公布の日から施行する。");
  EXPECT_EQ(doc.meta.date, "1947-05-03");
}

TEST(StatuteXml, MalformedAndForeignXmlAreClearErrors) {
  const std::string malformed = import_error("xml/malformed.xml");
  EXPECT_NE(malformed.find("[corpus][statute_xml] xml/malformed.xml: malformed XML at byte"), std::string::npos)
      << malformed;
  const std::string foreign = import_error("xml/not-a-law.xml");
  EXPECT_NE(foreign.find("not an e-Gov law XML: the root element is <DataRoot>"), std::string::npos) << foreign;
}

// Found as a statute by its extension, imported with citations of its own articles.
TEST(StatuteXml, DispatchedByExtensionWithCitations) {
  std::vector<std::string> missing;
  const auto files = find_source_files({testing::fixture_path("xml/405AC0000000047.xml")}, missing);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_TRUE(files[0].xml);
  EXPECT_EQ(files[0].type, DocType::Statute);
  const Document doc = import_source_file(files[0]);
  const Passage* art = find(doc, "statute/405AC0000000047#art19の2");
  ASSERT_TRUE(art);
  auto cites = [&](const std::string& key) {
    return std::find(art->cited_statutes.begin(), art->cited_statutes.end(), key) != art->cited_statutes.end();
  };
  EXPECT_TRUE(cites("不正競争防止法/2/1/4"));
  EXPECT_TRUE(cites("不正競争防止法/2/6"));  // 同条第六項
}

}  // namespace
}  // namespace tsubo
