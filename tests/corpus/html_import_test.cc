// HTML pages: headings, articles, lists and tables as passages; scripts and styles never text;
// Shift_JIS and EUC-JP read by their <meta> declaration.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "corpus/importers.h"
#include "test_support.h"

namespace tsubo {
namespace {

std::string all_text(const Document& doc) {
  std::string out;
  for (const auto& passage : doc.passages) out += join_heading(passage.heading_path) + "\n" + passage.text + "\n";
  return out;
}

std::string html_error(const std::string& html) {
  try {
    parse_html(html, "guidance/x", "x.html");
  } catch (const ImportError& e) {
    return e.what();
  }
  return "";
}

TEST(HtmlImport, ScriptsStylesAndCommentsAreNeverText) {
  const Document doc = parse_html(
      "<html><head><title>規程</title><style>p{color:red}</style><script>var a='秘密のスクリプト';</script></head>"
      "<body><p>本文の段落。</p><script>document.write('書き込まれた文')</script><!-- 注釈の中身 -->"
      "<template><p>テンプレートの中身</p></template><noscript>無効時の表示</noscript><p>最後の段落。</p></body></html>",
      "guidance/x", "x.html");
  const std::string text = all_text(doc);
  EXPECT_NE(text.find("本文の段落。"), std::string::npos) << text;
  EXPECT_NE(text.find("最後の段落。"), std::string::npos) << text;
  for (const char* hidden : {"秘密のスクリプト", "書き込まれた文", "color", "注釈の中身", "テンプレートの中身", "無効時の表示"})
    EXPECT_EQ(text.find(hidden), std::string::npos) << hidden << " in\n" << text;
}

// An escaped tag in the page is text (<script> as a word), kept as such: the snippet escapes it again.
TEST(HtmlImport, EntitiesAreDecodedToText) {
  const Document doc = parse_html("<p>&lt;script&gt;タグ &amp; 全角&#x3000;空白</p>", "guidance/x", "x.html");
  ASSERT_EQ(doc.passages.size(), 1u);
  EXPECT_EQ(doc.passages[0].text, "<script>タグ & 全角\u3000空白");
}

TEST(HtmlImport, HeadingsArticlesListsAndTables) {
  const Document doc = parse_html(
      "<h1>就業規則</h1><h2>第1章 総則</h2><p>（目的）</p><p>第1条 この規則は労働条件を定める。</p>"
      "<h2>第2章 服務</h2><p>第2条（秘密保持）従業員は、次の情報を漏らしてはならない。</p>"
      "<ol><li>顧客情報</li><li>技術情報</li></ol>"
      "<table><tr><th>区分</th><th>期間</th></tr><tr><td>在職中</td><td><p>無期限</p></td></tr></table>",
      "guidance/x", "x.html");
  EXPECT_EQ(doc.title, "就業規則");
  ASSERT_EQ(doc.passages.size(), 2u) << all_text(doc);
  EXPECT_EQ(join_heading(doc.passages[0].heading_path), "第1章 総則 › 第1条（目的）");
  EXPECT_EQ(join_heading(doc.passages[1].heading_path), "第2章 服務 › 第2条（秘密保持）");
  EXPECT_NE(doc.passages[1].text.find("顧客情報\n\n技術情報"), std::string::npos) << doc.passages[1].text;
  EXPECT_NE(doc.passages[1].text.find("区分 | 期間\n\n在職中 | 無期限"), std::string::npos) << doc.passages[1].text;
}

// A commentary saved as a page explains the statute's articles: they stay provisions of that law.
TEST(HtmlImport, ACommentaryPageExplainsTheStatutesArticles) {
  const Document doc = parse_html(
      "<h1>逐条解説　不正競争防止法</h1><h2>第２条第６項（営業秘密の定義）</h2>"
      "<p>営業秘密として保護されるためには、秘密管理性、有用性及び非公知性の三つの要件を満たす必要がある。"
      "本項はこれらの要件を定めたものであり、以下それぞれについて解説する。</p>",
      "guidance/chikujo", "chikujo.html");
  ASSERT_EQ(doc.passages.size(), 1u);
  EXPECT_EQ(doc.passages[0].provision, "不正競争防止法/2/6");
}

TEST(HtmlImport, ReadsShiftJisByItsMetaCharset) {
  const std::string path = testing::fixture_path("html/information_security.html");
  const std::string text = read_html_text(path);
  EXPECT_NE(text.find("<h1>情報セキュリティ規程</h1>"), std::string::npos);
  const Document doc = parse_html(text, "guidance/information_security", path);
  EXPECT_EQ(doc.title, "情報セキュリティ規程｜社内ポータル");
  ASSERT_EQ(doc.passages.size(), 4u) << all_text(doc);
  EXPECT_EQ(join_heading(doc.passages[3].heading_path), "第2章　アクセス管理 › 第4条（記録）");
  const std::string all = all_text(doc);
  EXPECT_EQ(all.find("スクリプト"), std::string::npos) << all;
  EXPECT_EQ(all.find("トップ"), std::string::npos) << "the navigation bar was indexed:\n" << all;
}

TEST(HtmlImport, ReadsEucJpDeclaredByHttpEquiv) {
  const std::string path = testing::fixture_path("html/eucjp_notice.html");
  const Document doc = parse_html(read_html_text(path), "guidance/eucjp_notice", path);
  EXPECT_EQ(doc.title, "営業秘密の持出しに関するお知らせ");
  EXPECT_NE(all_text(doc).find("退職者による営業秘密の持出し"), std::string::npos) << all_text(doc);
}

// A page that says Shift_JIS but was saved as UTF-8 (a template copied along) is read as UTF-8.
TEST(HtmlImport, UtfEightWinsOverAWrongDeclaration) {
  const std::string path = testing::temp_dir("html-wrong-meta") + "/page.html";
  std::ofstream(path) << "<meta charset=\"Shift_JIS\"><p>秘密管理措置の徹底について。</p>\n";
  EXPECT_NE(read_html_text(path).find("秘密管理措置の徹底"), std::string::npos);
}

TEST(HtmlImport, APageWithoutTextIsAClearError) {
  EXPECT_EQ(html_error("<html><head><script>alert(1)</script></head><body>  </body></html>"),
            "[corpus][html] x.html: no text outside scripts, styles and markup");
  EXPECT_NE(html_error("").find("[corpus][html] x.html: "), std::string::npos);
}

// 100,000 nested <div>: no stack overflow, whatever the parser keeps.
TEST(HtmlImport, DeepNestingIsNoCrash) {
  std::string html;
  for (int k = 0; k < 100000; ++k) html += "<div>";
  html += "深い入れ子の本文。";
  try {
    parse_html(html, "guidance/deep", "deep.html");
  } catch (const ImportError& e) {
    EXPECT_NE(std::string(e.what()).find("[corpus][html] deep.html: "), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace tsubo
