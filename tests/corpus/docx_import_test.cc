// Word files: a company rule (tests/fixtures/docx/rules.docx, written by make_docx.py) split by its
// articles with Word's numbers and tables, and every malformed .docx one clear error.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "archive_writer.h"
#include "corpus/importers.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace tsubo {
namespace {

constexpr const char* kW = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";

std::string docx_error(const std::string& path) {
  try {
    parse_docx(path, "guidance/x");
  } catch (const ImportError& e) {
    return e.what();
  }
  return "";
}

// A .docx of only word/document.xml around the given body, as other programs than Word write them.
std::string write_docx(const std::string& name, const std::string& body) {
  const std::string path = testing::temp_dir("docx") + "/" + name;
  testing::write_archive(path,
                         {{"word/document.xml", std::string("<?xml version=\"1.0\"?><w:document ") + kW + "><w:body>" +
                                                    body + "</w:body></w:document>"}},
                         "zip");
  return path;
}

std::string p(const std::string& text) { return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>"; }

TEST(DocxImport, ACompanyRuleIsSplitByItsArticles) {
  const Document doc = parse_docx(testing::fixture_path("docx/rules.docx"), "guidance/rules");
  EXPECT_EQ(doc.id, "guidance/rules");
  EXPECT_EQ(doc.type, DocType::Guidance);
  EXPECT_EQ(doc.title, "秘密情報管理規程");
  std::vector<std::string> headings;
  for (const auto& passage : doc.passages) headings.push_back(join_heading(passage.heading_path));
  EXPECT_EQ(headings, (std::vector<std::string>{"第一章 総則 › 第1条（目的）", "第一章 総則 › 第2条（定義）",
                                                "第二章 管理 › 第3条（区分）", "第二章 管理 › 第4条（持出しの禁止）",
                                                "第二章 管理 › 附則"}));
  for (const auto& passage : doc.passages) {
    EXPECT_TRUE(passage.provision.empty()) << "a company rule's article read as a statute's: " << passage.provision;
    EXPECT_TRUE(passage.article.empty()) << passage.id;
  }
}

TEST(DocxImport, NumbersAreWordsOwn) {
  const Document doc = parse_docx(testing::fixture_path("docx/rules.docx"), "guidance/rules");
  ASSERT_EQ(doc.passages.size(), 5u);
  // 第%1条 from the article style, （目的） typed after it; ２ from the second list level (full width).
  EXPECT_NE(doc.passages[0].text.find("第1条（目的）\n\nこの規程は、当社の秘密情報"), std::string::npos) << doc.passages[0].text;
  EXPECT_NE(doc.passages[1].text.find("\n\n２ 前項の秘密情報には、顧客名簿"), std::string::npos) << doc.passages[1].text;
  // ① ② items stay in their article's passage, as a statute's items do.
  EXPECT_NE(doc.passages[2].text.find("① 極秘：役員"), std::string::npos) << doc.passages[2].text;
  EXPECT_NE(doc.passages[2].text.find("② 秘：部門内"), std::string::npos) << doc.passages[2].text;
}

TEST(DocxImport, TableRowsAreLinesOfCells) {
  const Document doc = parse_docx(testing::fixture_path("docx/rules.docx"), "guidance/rules");
  ASSERT_GE(doc.passages.size(), 3u);
  EXPECT_NE(doc.passages[2].text.find("区分 | 保管場所 | 管理責任者\n\n極秘 | 施錠保管庫 | 情報管理責任者"), std::string::npos)
      << doc.passages[2].text;
}

TEST(DocxImport, HiddenTextIsNotIndexed) {
  const Document doc = parse_docx(testing::fixture_path("docx/rules.docx"), "guidance/rules");
  for (const auto& passage : doc.passages) EXPECT_EQ(passage.text.find("隠し文字"), std::string::npos) << passage.text;
}

TEST(DocxImport, ADocxWithoutStylesOrNumberingStillReads) {
  const std::string path = write_docx("plain.docx", p("就業規則") + p("第1条　この規則は、従業員の労働条件を定める。") +
                                                        p("第2条　従業員は、業務上知り得た秘密を漏らしてはならない。"));
  const Document doc = parse_docx(path, "guidance/plain");
  ASSERT_EQ(doc.passages.size(), 2u);
  EXPECT_EQ(join_heading(doc.passages[1].heading_path), "第2条");
  EXPECT_NE(doc.passages[1].text.find("秘密を漏らしてはならない"), std::string::npos);
}

TEST(DocxImport, MalformedFilesAreClearErrors) {
  const std::string not_zip = testing::fixture_path("docx/not_a_zip.docx");
  EXPECT_EQ(docx_error(not_zip), "[corpus][docx] " + not_zip + ": not a zip archive, so not a .docx (a .docx is a zip of XML parts)");
  const std::string no_document = testing::fixture_path("docx/no_document.docx");
  EXPECT_EQ(docx_error(no_document), "[corpus][docx] " + no_document + ": no word/document.xml in the zip: not a Word document");
  const std::string broken = testing::fixture_path("docx/broken_xml.docx");
  EXPECT_NE(docx_error(broken).find("[corpus][docx] " + broken + ": word/document.xml is not well-formed XML: "),
            std::string::npos)
      << docx_error(broken);

  const std::string old_doc = testing::temp_dir("docx-ole") + "/old.docx";
  std::ofstream(old_doc, std::ios::binary) << std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) << std::string(500, '\0');
  EXPECT_NE(docx_error(old_doc).find("an old binary Word file (.doc) or a password-protected .docx"), std::string::npos)
      << docx_error(old_doc);

  const std::string empty = write_docx("empty.docx", "<w:p/><w:sectPr/>");
  EXPECT_NE(docx_error(empty).find("no text"), std::string::npos) << docx_error(empty);
  const std::string no_body = testing::temp_dir("docx-nobody") + "/nobody.docx";
  testing::write_archive(no_body, {{"word/document.xml", "<root/>"}}, "zip");
  EXPECT_NE(docx_error(no_body).find("has no <w:document><w:body>"), std::string::npos) << docx_error(no_body);
}

// Issue 19: a .docx whose document.xml inflates to 200 MB is refused by the size its zip declares,
// before anything is inflated; one of 60 MB (under that limit) by its compression ratio after 16 MB.
TEST(DocxImport, AZipBombIsRefused) {
  const std::string path = write_docx("bomb.docx", p(std::string(200u << 20, ' ')));
  ASSERT_LT(fs::file_size(path), 1u << 20);
  EXPECT_EQ(docx_error(path), "[corpus][archive] " + path +
                                  ": word/document.xml is 200 MB, over the 64 MB limit on one member (kMaxArchiveMemberBytes)");
  const std::string smaller = write_docx("bomb60.docx", p(std::string(60u << 20, ' ')));
  const std::string error = docx_error(smaller);
  EXPECT_NE(error.find("[corpus][archive] " + smaller + ": unpacks to more than 100 times its size"), std::string::npos)
      << error;
  EXPECT_NE(error.find("kMaxCompressionRatio = 100"), std::string::npos) << error;
}

// A .docx from python-docx, whose template carries Word's own styles.xml and numbering.xml (style
// ids Heading1, Title, List Number with its numbering); written at test time.
TEST(DocxImport, ADocumentWrittenWithWordsOwnTemplateReads) {
  const std::string path = testing::temp_dir("docx-python") + "/就業規則.docx";
  const int raw = std::system(("/usr/bin/python3 '" + testing::fixture_path("docx/with_python_docx.py") + "' '" + path + "'").c_str());
  const int status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  if (status == 77) {
    const char* ci = std::getenv("CI");
    if (ci && std::string(ci) == "true") FAIL() << "python3-docx missing (scripts/install-deps.sh installs it)";
    GTEST_SKIP() << "python3-docx missing (scripts/install-deps.sh installs it)";
  }
  ASSERT_EQ(status, 0);
  const Document doc = parse_docx(path, "guidance/就業規則");
  EXPECT_EQ(doc.title, "就業規則");
  std::vector<std::string> headings;
  for (const auto& passage : doc.passages) headings.push_back(join_heading(passage.heading_path));
  EXPECT_EQ(headings, (std::vector<std::string>{"第1章　総則 › 第1条（目的）", "第1章　総則 › 第2条（秘密保持）",
                                                "第2章　懲戒 › 第3条（懲戒の種類）"}));
  ASSERT_EQ(doc.passages.size(), 3u);
  EXPECT_NE(doc.passages[1].text.find("1. 顧客情報\n\n2. 技術情報\n\n私物の記録媒体"), std::string::npos) << doc.passages[1].text;
  EXPECT_NE(doc.passages[2].text.find("譴責 | 始末書を提出させ将来を戒める"), std::string::npos) << doc.passages[2].text;
}

// 100,000 nested content controls: walked without recursion, so no stack overflow.
TEST(DocxImport, DeepNestingIsNoCrash) {
  std::string body;
  for (int k = 0; k < 100000; ++k) body += "<w:sdt><w:sdtContent>";
  body += p("第1条　深い入れ子の中の条文。");
  for (int k = 0; k < 100000; ++k) body += "</w:sdtContent></w:sdt>";
  const Document doc = parse_docx(write_docx("deep.docx", body), "guidance/deep");
  ASSERT_EQ(doc.passages.size(), 1u);
  EXPECT_EQ(join_heading(doc.passages[0].heading_path), "第1条");
}

}  // namespace
}  // namespace tsubo
