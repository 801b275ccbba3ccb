// PDF import through poppler-cpp, on PDFs written by the test itself (a CID font with a ToUnicode
// map, so poppler extracts exactly the text we put in): a ruling read with its first-page metadata,
// guidance with running headers and page numbers dropped and wrapped lines joined, and the errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "corpus/importers.h"
#include "corpus/source_files.h"
#include "indexer/index_run.h"
#include "test_support.h"
#include "text/utf8.h"

namespace fs = std::filesystem;

namespace tsubo {
namespace {

// A minimal PDF: one page per entry, one text line per string, drawn with a non-embedded CID font
// whose codes are the UTF-16 code units and whose ToUnicode map says so.
std::string minimal_pdf(const std::vector<std::vector<std::string>>& pages) {
  std::set<char32_t> used;
  auto hex = [&](const std::string& line) {
    std::string out = "<";
    std::size_t i = 0;
    while (i < line.size()) {
      const char32_t cp = utf8::next(line, i);
      used.insert(cp);
      char buf[8];
      std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(cp & 0xFFFF));
      out += buf;
    }
    return out + ">";
  };
  std::vector<std::string> contents;
  for (const auto& lines : pages) {
    std::string c = "BT /F1 10 Tf 1 0 0 1 50 800 Tm 14 TL\n";
    for (const auto& line : lines) c += hex(line) + " Tj T*\n";
    contents.push_back(c + "ET\n");
  }
  std::string cmap =
      "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n";
  std::vector<char32_t> cps(used.begin(), used.end());
  for (std::size_t k = 0; k < cps.size(); k += 100) {
    const std::size_t n = std::min<std::size_t>(100, cps.size() - k);
    cmap += std::to_string(n) + " beginbfchar\n";
    for (std::size_t j = k; j < k + n; ++j) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "<%04X> <%04X>\n", static_cast<unsigned>(cps[j]), static_cast<unsigned>(cps[j]));
      cmap += buf;
    }
    cmap += "endbfchar\n";
  }
  cmap += "endcmap CMapName currentdict /CMap defineresource pop end end\n";

  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "",  // pages, below
      "<< /Type /Font /Subtype /Type0 /BaseFont /TsuboTest /Encoding /Identity-H /DescendantFonts [4 0 R] "
      "/ToUnicode 5 0 R >>",
      "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TsuboTest /CIDSystemInfo << /Registry (Adobe) "
      "/Ordering (Identity) /Supplement 0 >> /DW 1000 /CIDToGIDMap /Identity /FontDescriptor 6 0 R >>",
      "<< /Length " + std::to_string(cmap.size()) + " >>\nstream\n" + cmap + "endstream",
      "<< /Type /FontDescriptor /FontName /TsuboTest /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 "
      "/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
  };
  std::string kids;
  for (std::size_t k = 0; k < pages.size(); ++k) {
    const std::size_t page_obj = objects.size() + 1, content_obj = objects.size() + 2;
    kids += std::to_string(page_obj) + " 0 R ";
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                      "/Contents " + std::to_string(content_obj) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(contents[k].size()) + " >>\nstream\n" + contents[k] + "endstream");
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t k = 0; k < objects.size(); ++k) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(k + 1) + " 0 obj\n" + objects[k] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
    pdf += buf;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

std::string write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

std::string import_error(const std::string& path, const std::string& doc_id) {
  try {
    parse_pdf(path, doc_id);
  } catch (const ImportError& e) {
    return e.what();
  }
  return "";
}

const std::vector<std::vector<std::string>> kRulingPages = {
    {"令和元年１０月９日判決言渡", "令和元年（ネ）第１００３７号　損害賠償請求控訴事件", "知的財産高等裁判所第２部",
     "判　　　　決", "控訴人　　Ａ株式会社", "主　　　　文", "１　本件控訴を棄却する。", "２　控訴費用は控訴人の負担とする。",
     "事実及び理由", "第１　控訴の趣旨", "原判決を取り消す。"},
    {"第２　当裁判所の判断", "１　営業秘密該当性について", "本件情報は，不正競争防止法２条６項にいう営業秘密に当たるとはい",
     "えない。秘密として管理されていたとは認められないからである。", "以上によれば，本件控訴は理由がないから棄却する。"},
};

TEST(PdfImport, RulingWithFirstPageMetadata) {
  const fs::path dir = testing::temp_dir("pdf-ruling");
  const std::string path = write(dir / "ip-2019-10037.pdf", minimal_pdf(kRulingPages));
  const Document doc = parse_pdf(path, "guidance/ip-2019-10037");
  EXPECT_EQ(doc.id, "ruling/ip-2019-10037");
  EXPECT_EQ(doc.type, DocType::Ruling);
  EXPECT_EQ(doc.meta.court, "知的財産高等裁判所第2部");
  EXPECT_EQ(doc.meta.date, "2019-10-09");
  EXPECT_EQ(doc.meta.case_number, "令和1(ネ)10037");
  EXPECT_EQ(doc.meta.case_name, "損害賠償請求控訴事件");
  std::string all;
  for (const auto& p : doc.passages) all += p.text + "\n";
  // The line wrapped inside 「はいえない」 is joined.
  EXPECT_NE(all.find("営業秘密に当たるとはいえない。"), std::string::npos) << all;
  EXPECT_TRUE(std::any_of(doc.passages.begin(), doc.passages.end(), [](const Passage& p) { return p.section == "主文"; }));
}

TEST(PdfImport, GuidanceWithoutRunningHeadersAndPageNumbers) {
  std::vector<std::vector<std::string>> pages;
  const std::vector<std::string> bodies[] = {
      {"第１章　目的", "本手引きは，事業者が保有する情報を営業秘密として管理するために必要な措置を示す", "ものである。"},
      {"第２章　秘密管理措置", "秘密管理措置は，従業員がその情報が秘密であると認識できる程度に講じる必要が", "ある。"},
      {"第３章　漏えい対策", "アクセス権者を限定し，持ち出しを記録する。"},
  };
  for (int k = 0; k < 3; ++k) {
    std::vector<std::string> page = {"秘密情報の保護ハンドブック（架空版）"};
    page.insert(page.end(), bodies[k].begin(), bodies[k].end());
    page.push_back("- " + std::to_string(k + 1) + " -");
    pages.push_back(page);
  }
  const fs::path dir = testing::temp_dir("pdf-guidance");
  const Document doc = parse_pdf(write(dir / "handbook.pdf", minimal_pdf(pages)), "guidance/handbook");
  EXPECT_EQ(doc.id, "guidance/handbook");
  EXPECT_EQ(doc.type, DocType::Guidance);
  std::string all;
  for (const auto& p : doc.passages) all += p.text + "\n";
  EXPECT_EQ(all.find("ハンドブック（架空版）"), std::string::npos) << all;  // the running header
  EXPECT_EQ(all.find("- 2 -"), std::string::npos) << all;
  EXPECT_NE(all.find("必要な措置を示すものである。"), std::string::npos) << all;
  EXPECT_NE(all.find("講じる必要がある。"), std::string::npos) << all;
  EXPECT_TRUE(std::any_of(doc.passages.begin(), doc.passages.end(), [](const Passage& p) {
    return !p.heading_path.empty() && p.heading_path.back().find("秘密管理措置") != std::string::npos;
  }));
}

// A 逐条解説 as a PDF: the commentary under each article heading is tied to that provision.
TEST(PdfImport, CommentaryPassagesAreTiedToTheirArticle) {
  const std::vector<std::vector<std::string>> pages = {
      {"逐条解説　不正競争防止法（架空の抜粋）", "第２条第６項（営業秘密の定義）",
       "本項は，営業秘密として保護される情報の要件を定めるものである。秘密として管理されていること，",
       "事業活動に有用であること，公然と知られていないことの三つを満たす必要がある。いずれかを欠く",
       "情報は，本法による保護を受けない。"},
      {"第３条（差止請求権）", "本条は，営業上の利益を侵害され，又は侵害されるおそれがある者が，その営業上の",
       "利益を侵害する者又は侵害するおそれがある者に対し，侵害の停止又は予防を請求できることを定める。",
       "前条に定める不正競争の全てが対象となる。"},
  };
  const fs::path dir = testing::temp_dir("pdf-commentary");
  const Document doc = parse_pdf(write(dir / "chikujo.pdf", minimal_pdf(pages)), "guidance/chikujo");
  std::string provisions;
  bool definition = false, injunction = false;
  for (const auto& p : doc.passages) {
    provisions += p.id + " → " + p.provision + "\n";
    if (p.provision == "不正競争防止法/2/6" && p.text.find("三つを満たす") != std::string::npos) definition = true;
    if (p.provision == "不正競争防止法/3" && p.text.find("侵害の停止又は予防") != std::string::npos) injunction = true;
  }
  EXPECT_EQ(doc.title, "逐条解説 不正競争防止法（架空の抜粋）");
  EXPECT_TRUE(definition) << provisions;
  EXPECT_TRUE(injunction) << provisions;
}

TEST(PdfImport, PdfWithoutTextAndNotAPdfAreClearErrors) {
  const fs::path dir = testing::temp_dir("pdf-bad");
  const std::string scan = write(dir / "scan.pdf", minimal_pdf({{}, {}}));
  const std::string no_text = import_error(scan, "guidance/scan");
  EXPECT_NE(no_text.find("[corpus][pdf] " + scan + ": no text: 2 page(s) without a text layer"), std::string::npos)
      << no_text;
  const std::string fake = write(dir / "fake.pdf", "これはPDFではない\n");
  EXPECT_NE(import_error(fake, "guidance/fake").find("not a PDF"), std::string::npos);
}

// Bad files of every kind are skipped with their reason; the good ones are indexed; nothing is lost.
TEST(PdfImport, IndexingGoesOnPastBadFiles) {
  const fs::path root = testing::temp_dir("bad-input-corpus");
  write(root / "guidance" / "handbook.pdf", minimal_pdf(kRulingPages));
  write(root / "guidance" / "scan.pdf", minimal_pdf({{}}));
  fs::copy_file(testing::fixture_path("xml/malformed.xml"), root / "guidance" / "malformed.xml");
  fs::copy_file(testing::fixture_path("xml/405AC0000000047.xml"), root / "guidance" / "405AC0000000047.xml");
  fs::copy_file(testing::fixture_path("files/unknown-encoding.txt"), root / "guidance" / "unknown.txt");
  fs::copy_file(testing::fixture_path("files/cp932-crlf.txt"), root / "guidance" / "cp932.txt");
  IndexOptions options;
  options.db_path = testing::temp_dir("bad-input-db") + "/db";
  options.progress = false;
  const IndexStats stats = index_paths({root.string()}, options);
  EXPECT_EQ(stats.documents, 3u);  // the ruling PDF, the XML statute, the CP932 guidance
  std::vector<std::string> skipped;
  for (const auto& s : stats.skipped) skipped.push_back(fs::path(s.path).filename().string() + ": " + s.reason);
  ASSERT_EQ(skipped.size(), 3u);
  std::sort(skipped.begin(), skipped.end());
  EXPECT_NE(skipped[0].find("malformed.xml: [corpus][statute_xml]"), std::string::npos) << skipped[0];
  EXPECT_NE(skipped[1].find("scan.pdf: [corpus][pdf]"), std::string::npos) << skipped[1];
  EXPECT_NE(skipped[1].find("no text"), std::string::npos) << skipped[1];
  EXPECT_NE(skipped[2].find("unknown.txt: unknown encoding"), std::string::npos) << skipped[2];
}

// The page limit is named in the refusal; a PDF at the limit is read.
TEST(PdfImport, APdfOverThePageLimitIsRefusedByName) {
  const fs::path dir = testing::temp_dir("pdf-pages");
  const std::string path = write(dir / "ruling.pdf", minimal_pdf(kRulingPages));
  try {
    parse_pdf(path, "guidance/ruling", 1);
    FAIL() << "a two-page PDF passed a one-page limit";
  } catch (const ImportError& e) {
    EXPECT_NE(std::string(e.what()).find("2 pages, over the limit of 1 (kMaxPdfPages)"), std::string::npos) << e.what();
  }
  EXPECT_NO_THROW(parse_pdf(path, "guidance/ruling", 2));
}

}  // namespace
}  // namespace tsubo
