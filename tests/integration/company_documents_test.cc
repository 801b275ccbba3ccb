// Issue 16: a folder of company documents (a rule as .docx, a rule as an intranet page in Shift_JIS)
// beside malformed Word files and a zip bomb: `tsubo index` indexes the good ones and names each
// bad one with its reason (exit 2), and `tsubo search` finds an article with its heading.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "archive_writer.h"
#include "cli/run_tsubo.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace tsubo::testing {
namespace {

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

struct IndexedFolder {
  fs::path dir, db;
  TsuboRun run;
};

// Built once: the bomb takes a few seconds to write.
const IndexedFolder& company_folder() {
  static const IndexedFolder folder = [] {
    IndexedFolder f;
    f.dir = temp_dir("company-documents");
    const fs::path docs = f.dir / "規程";
    fs::create_directories(docs);
    for (const char* name : {"rules.docx", "not_a_zip.docx", "no_document.docx", "broken_xml.docx"})
      fs::copy_file(fixture_path(std::string("docx/") + name), docs / name);
    fs::copy_file(fixture_path("html/information_security.html"), docs / "information_security.html");
    // Word's owner file beside an open document: not a document, not a skip line either.
    std::ofstream(docs / "~$rules.docx") << std::string(162, '\0');
    write_archive((docs / "bomb.docx").string(),
                  {{"word/document.xml", "<w:document><w:body><w:p><w:r><w:t>" + std::string(60u << 20, ' ') +
                                             "</w:t></w:r></w:p></w:body></w:document>"}},
                  "zip");
    f.db = f.dir / "db";
    f.run = run_tsubo("index -q --db " + shell_quote(f.db.string()) + " " + shell_quote(docs.string()));
    return f;
  }();
  return folder;
}

nlohmann::json search(const std::string& args) {
  const TsuboRun r = run_tsubo("search --json --db " + shell_quote(company_folder().db.string()) + " " + args);
  EXPECT_EQ(r.status, 0) << r.err;
  return nlohmann::json::parse(r.out, nullptr, false);
}

TEST(CompanyDocuments, GoodFilesAreIndexedAndEachBadOneIsOneSkipLine) {
  const TsuboRun& r = company_folder().run;
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.out.find("indexed 2 documents, 9 passages"), std::string::npos) << r.out;
  EXPECT_EQ(count_of(r.err, "[index] skipped "), 4u) << r.err;
  EXPECT_NE(r.err.find("not_a_zip.docx: not a zip archive, so not a .docx"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("no_document.docx: no word/document.xml in the zip"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("broken_xml.docx: word/document.xml is not well-formed XML"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bomb.docx: unpacks to more than 100 times its size"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("~$rules.docx"), std::string::npos) << r.err;
}

TEST(CompanyDocuments, SearchFindsAnArticleOfAWordRuleWithItsHeading) {
  const nlohmann::json r = search("持ち出し 許可");
  ASSERT_FALSE(r.is_discarded());
  ASSERT_FALSE(r["hits"].empty()) << r.dump(2);
  const auto& hit = r["hits"][0];
  EXPECT_EQ(hit["passage_id"], "guidance/rules#s4");
  EXPECT_EQ(hit["heading"], "第二章 管理 › 第4条（持出しの禁止）");
  EXPECT_EQ(hit["title"], "秘密情報管理規程");
  EXPECT_EQ(hit["type"], "guidance");
}

TEST(CompanyDocuments, SearchFindsAnArticleOfAShiftJisPage) {
  const nlohmann::json r = search("多要素認証");
  ASSERT_FALSE(r.is_discarded());
  ASSERT_FALSE(r["hits"].empty()) << r.dump(2);
  EXPECT_EQ(r["hits"][0]["heading"], "第2章　アクセス管理 › 第3条（パスワード）");
  EXPECT_EQ(r["hits"][0]["title"], "情報セキュリティ規程｜社内ポータル");
}

// A page's scripts are not indexed, and a tag written as text in it comes back escaped in snippets.
TEST(CompanyDocuments, ScriptsAreNotFoundAndTagsInTextAreEscaped) {
  EXPECT_EQ(search("スクリプトの文字列")["total"], 0);
  EXPECT_EQ(search("有効にしてください")["total"], 0);
  const nlohmann::json r = search("不審なアクセス");
  ASSERT_FALSE(r["hits"].empty()) << r.dump(2);
  const std::string snippet = r["hits"][0]["snippet"];
  EXPECT_NE(snippet.find("&lt;script&gt;タグ"), std::string::npos) << snippet;
  EXPECT_EQ(snippet.find("<script"), std::string::npos) << snippet;
}

}  // namespace
}  // namespace tsubo::testing
