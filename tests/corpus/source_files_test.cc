// Finding, reading and dispatching source files: types by folder and shape, skipped listings,
// missing paths, encodings and line ends.
#include "corpus/source_files.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "corpus/importers.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace tsubo {
namespace {

void write_file(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

// The ImportError message of f(), or "" when it does not throw one.
template <typename F>
std::string import_error(F f) {
  try {
    f();
  } catch (const ImportError& e) {
    return e.what();
  }
  return "";
}

// An e-Gov export's opening: blank lines, the title, the law number in parentheses.
const char* const kStatuteOpening =
    "\n\n情報管理促進法\n（平成三十年四月一日法律第九十九号）最終改正：令和二年六月十二日法律第五十号\n\n　第一章　総則\n";

TEST(SourceFiles, FindsFilesAndPicksImporters) {
  const fs::path root = testing::temp_dir("sources");
  write_file(root / "statutes" / "index.tsv", "0001.txt\t情報管理促進法\t法律\n");
  write_file(root / "statutes" / "0001.txt", "情報管理促進法\n");  // beside index.tsv: a statute
  write_file(root / "loose" / "9001.txt", kStatuteOpening);
  write_file(root / "loose" / "9002.txt",
             "情報管理促進法施行令\r\n（平成三十年九月一日政令第二百号）\r\n");
  write_file(root / "loose" / "9003.txt",
             "情報管理促進法施行規則\n（平成三十年九月一日経済産業省令第七十号）\n");
  write_file(root / "loose" / "memo.txt", "セミナーのお知らせ\n（令和4年3月25日開催）\n");  // no law number
  write_file(root / "loose" / "news.txt", "情報管理ニュース\n公開日:2022年3月15日\n");
  write_file(root / "rulings" / "MANIFEST.tsv", "88984\t知財高裁\n");
  write_file(root / "rulings" / "88984.json", "{}");
  write_file(root / "guidance" / "forum.md", "# フォーラム\n");
  write_file(root / "guidance" / "README.md", "# about\n");
  write_file(root / "guidance" / ".draft.md", "# draft\n");
  write_file(root / "guidance" / "slides.pdf", "%PDF-1.4\n");
  write_file(root / "rulings" / "88984.pdf", "%PDF-1.4\n");  // its JSON sidecar is the source
  write_file(root / ".git" / "notes.txt", "not a source\n");

  std::vector<std::string> missing;
  const std::vector<SourceFile> files = find_source_files(
      {root.string(), (root / "nope").string(), (root / "loose" / "news.txt").string()}, missing);
  EXPECT_EQ(missing, std::vector<std::string>{(root / "nope").string()});

  struct Expected {
    std::string relative, doc_id;
    DocType type;
    bool markdown;
  };
  const std::vector<Expected> expected = {
      {"guidance/forum.md", "guidance/forum", DocType::Guidance, true},
      {"guidance/slides.pdf", "guidance/slides", DocType::Guidance, false},
      {"loose/9001.txt", "statute/9001", DocType::Statute, false},
      {"loose/9002.txt", "statute/9002", DocType::Statute, false},
      {"loose/9003.txt", "statute/9003", DocType::Statute, false},
      {"loose/memo.txt", "guidance/memo", DocType::Guidance, false},
      {"loose/news.txt", "guidance/news", DocType::Guidance, false},  // named twice, listed once
      {"rulings/88984.json", "ruling/88984", DocType::Ruling, false},
      {"statutes/0001.txt", "statute/0001", DocType::Statute, false},
  };
  ASSERT_EQ(files.size(), expected.size());
  for (std::size_t k = 0; k < files.size(); ++k) {
    SCOPED_TRACE(expected[k].relative);
    EXPECT_EQ(files[k].path, (root / expected[k].relative).string());
    EXPECT_EQ(files[k].doc_id, expected[k].doc_id);
    EXPECT_EQ(files[k].type, expected[k].type);
    EXPECT_EQ(files[k].markdown, expected[k].markdown);
  }
}

TEST(SourceFiles, FindsTheSharedCorpusLayout) {
  TSUBO_REQUIRE_CORPUS(corpus);
  std::vector<std::string> missing;
  const auto files = find_source_files({corpus + "/statutes-core", corpus + "/guidance", corpus + "/rulings"}, missing);
  EXPECT_TRUE(missing.empty());
  std::size_t statutes = 0, rulings = 0, guidance = 0;
  for (const auto& f : files) {
    (f.type == DocType::Statute ? statutes : f.type == DocType::Ruling ? rulings : guidance)++;
    EXPECT_EQ(f.path.find("MANIFEST"), std::string::npos);
  }
  EXPECT_EQ(statutes, 20u);  // statutes-core has no index.tsv: found by their shape
  EXPECT_EQ(rulings, 45u);  // rulings/ holds all 45 judged rulings (rulings-extra/ was folded in)
  EXPECT_EQ(guidance, 2u);
  EXPECT_TRUE(std::any_of(files.begin(), files.end(), [](const SourceFile& f) { return f.doc_id == "statute/6273"; }));
}

TEST(SourceFiles, ReadDropsBomAndNormalisesLineEnds) {
  EXPECT_EQ(read_source_text(testing::fixture_path("files/bom-crlf.txt")),
            "営業秘密のツボ\n公開日:2021年6月16日\n\n古い Mac の改行\nここまで\n");
}

TEST(SourceFiles, ReadConvertsShiftJis) {
  EXPECT_EQ(read_source_text(testing::fixture_path("files/shift_jis.txt")),
            "営業秘密管理指針\n（平成十五年一月三十日）\n");
}

// CP932 beyond JIS X 0208 (①, ㈱, 髙: NEC and IBM extensions), with CRLF line ends.
TEST(SourceFiles, ReadConvertsCp932ExtensionsAndCrlf) {
  EXPECT_EQ(read_source_text(testing::fixture_path("files/cp932-crlf.txt")),
            "営業秘密管理指針\n（平成十五年一月三十日）\n第１　総説\n①　秘密管理性　㈱Ａ社の髙橋氏の事例\n");
}

TEST(SourceFiles, ReadConvertsEucJpIso2022JpAndUtf16) {
  EXPECT_EQ(read_source_text(testing::fixture_path("files/euc-jp.txt")),
            "逐条解説　不正競争防止法\n第２条第６項　営業秘密の定義\n");
  EXPECT_EQ(read_source_text(testing::fixture_path("files/iso-2022-jp.txt")),
            "営業秘密のツボ\n公開日:2021年6月16日\n");
  EXPECT_EQ(read_source_text(testing::fixture_path("files/utf16le-bom.txt")),
            "秘密情報の保護ハンドブック\n第１章　目的\n");
  EXPECT_EQ(read_source_text(testing::fixture_path("files/utf16be-bom.txt")),
            "秘密情報の保護ハンドブック\n第２章　管理\n");
}

// fuzz/source_encoding_fuzz.cc: a UTF-16 file with two byte order marks kept the second as U+FEFF at
// the start of the text (and so of the first heading). Files saved twice by some tools carry two.
TEST(SourceFiles, ReadDropsEveryLeadingByteOrderMark) {
  const fs::path dir = testing::temp_dir("two-boms");
  write_file(dir / "le.txt", std::string("\xFF\xFE\xFF\xFE\xD8\x79\x0A\x00", 8));  // BOM, U+FEFF, 秘, LF
  EXPECT_EQ(read_source_text((dir / "le.txt").string()), "秘\n");
  write_file(dir / "utf8.txt", "\xEF\xBB\xBF\xEF\xBB\xBF秘密\r\n");
  EXPECT_EQ(read_source_text((dir / "utf8.txt").string()), "秘密\n");
  write_file(dir / "only-boms.txt", std::string("\xFE\xFF\xFE\xFF", 4));  // the crash input: nothing but marks
  EXPECT_EQ(import_error([&] { read_source_text((dir / "only-boms.txt").string()); }), "empty file");
}

TEST(SourceFiles, ReadRefusesAnUnknownEncoding) {
  const std::string message = import_error([] { read_source_text(testing::fixture_path("files/unknown-encoding.txt")); });
  EXPECT_EQ(message.rfind("unknown encoding", 0), 0u) << message;
  const fs::path dir = testing::temp_dir("encoding");
  write_file(dir / "broken-utf16.txt", std::string("\xFF\xFE\x00\xD8\x41\x00", 6));  // a lone surrogate
  const std::string utf16 = import_error([&] { read_source_text((dir / "broken-utf16.txt").string()); });
  EXPECT_NE(utf16.find("UTF-16LE"), std::string::npos) << utf16;
}

// One stray byte in a UTF-8 file (the commonest rejection) said only "unknown encoding": now where.
TEST(SourceFiles, AnInvalidByteInUtf8IsLocated) {
  const fs::path dir = testing::temp_dir("stray-byte");
  write_file(dir / "0001.txt", "\xEF\xBB\xBF不正競争防止法\n第一条　目的\n第二条　\xFF定義\n");
  const std::string message = import_error([&] { read_source_text((dir / "0001.txt").string()); });
  EXPECT_EQ(message.rfind("unknown encoding", 0), 0u) << message;
  EXPECT_NE(message.find("; as UTF-8 it breaks at byte 56 (line 3, byte 0xFF)"), std::string::npos) << message;
}

// A ruling JSON cut inside a UTF-8 character was reported as "unknown encoding … (a binary file?)".
TEST(SourceFiles, AJsonFileCutInsideACharacterIsTruncatedNotBinary) {
  const std::string path = testing::fixture_path("ruling/truncated_in_character.json");
  EXPECT_EQ(import_error([&] { read_source_text(path); }),
            "[corpus][source_files] " + path + ": truncated or malformed JSON at byte 1500: the file ends inside a "
            "UTF-8 character");
  // The same bytes in a text file may be in another encoding: the charset detector still decides.
  const fs::path dir = testing::temp_dir("cut");
  write_file(dir / "cut.txt", testing::read_fixture("ruling/truncated_in_character.json"));
  EXPECT_EQ(import_error([&] { read_source_text((dir / "cut.txt").string()); }).find("truncated"), std::string::npos);
  // Broken bytes before the end are not a cut: the encoding is unknown.
  write_file(dir / "broken.json", std::string("{\"contents\": \"\xE5\x96 営業秘密\"}"));
  EXPECT_EQ(import_error([&] { read_source_text((dir / "broken.json").string()); }).rfind("unknown encoding", 0), 0u);
}

// 200 MB without a line break: refused with the reason, without converting or parsing it.
TEST(SourceFiles, ReadRefusesAHugeSingleLineFile) {
  const fs::path dir = testing::temp_dir("single-line");
  const fs::path path = dir / "dump.txt";
  {
    std::ofstream out(path, std::ios::binary);
    const std::string block(1 << 20, 'x');
    for (int k = 0; k < 200; ++k) out << block;
  }
  const std::string message = import_error([&] { read_source_text(path.string()); });
  EXPECT_NE(message.find("a line of 200 MB without a line break"), std::string::npos) << message;
  fs::remove(path);
}

TEST(SourceFiles, ReadRefusesEmptyMissingAndHugeFiles) {
  EXPECT_EQ(import_error([] { read_source_text(testing::fixture_path("files/empty.txt")); }), "empty file");
  EXPECT_EQ(import_error([] { read_source_text(testing::fixture_path("files/no-such-file.txt")); }),
            "cannot read: No such file or directory");
  const fs::path dir = testing::temp_dir("read");
  EXPECT_EQ(import_error([&] { read_source_text(dir.string()); }).rfind("cannot read: ", 0), 0u);
  write_file(dir / "bom-only.txt", "\xEF\xBB\xBF");
  EXPECT_EQ(import_error([&] { read_source_text((dir / "bom-only.txt").string()); }), "empty file");
  // A sparse file: large on paper, nothing on disk.
  write_file(dir / "huge.txt", "");
  fs::resize_file(dir / "huge.txt", (256ull << 20) + 1);
  const std::string message = import_error([&] { read_source_text((dir / "huge.txt").string()); });
  EXPECT_NE(message.find("too large"), std::string::npos) << message;
}

TEST(SourceFiles, ImportDispatchesAndWrapsParserErrors) {
  const fs::path dir = testing::temp_dir("import");
  write_file(dir / "tebiki.md",
             "# 手引き\r\n\r\n## 第1 総説\r\n\r\n"
             "本手引きは、事業者が保有する情報を営業秘密として保護するために必要な管理の考え方を示すものである。\r\n");
  std::vector<std::string> missing;
  const auto files = find_source_files({dir.string()}, missing);
  ASSERT_EQ(files.size(), 1u);
  const Document doc = import_source_file(files[0]);
  EXPECT_EQ(doc.id, "guidance/tebiki");
  EXPECT_EQ(doc.type, DocType::Guidance);
  EXPECT_EQ(doc.title, "手引き");
  ASSERT_FALSE(doc.passages.empty());
  EXPECT_EQ(doc.passages[0].text.find('\r'), std::string::npos);

  SourceFile broken{(dir / "00001.json").string(), "ruling/00001", DocType::Ruling, false};
  write_file(broken.path, "{\"contents\": ");
  EXPECT_FALSE(import_error([&] { import_source_file(broken); }).empty());

  SourceFile sjis{testing::fixture_path("files/shift_jis.txt"), "guidance/shift_jis", DocType::Guidance, false};
  EXPECT_EQ(import_source_file(sjis).title, "営業秘密管理指針");
  SourceFile binary{testing::fixture_path("files/unknown-encoding.txt"), "guidance/unknown", DocType::Guidance, false};
  EXPECT_NE(import_error([&] { import_source_file(binary); }).find("unknown encoding"), std::string::npos);
}

// Issue 16: company documents in Word and HTML are guidance, imported by their own readers; the
// owner file Word leaves beside an open document (~$規程.docx) is not a document.
TEST(SourceFiles, WordAndHtmlAreGuidanceAndWordOwnerFilesAreSkipped) {
  const fs::path dir = testing::temp_dir("office");
  fs::copy_file(testing::fixture_path("docx/rules.docx"), dir / "rules.docx");
  fs::copy_file(testing::fixture_path("html/information_security.html"), dir / "security.HTM");
  write_file(dir / "notice.html", "<h1>お知らせ</h1><p>秘密情報の持出しは禁止されています。</p>");
  write_file(dir / "~$rules.docx", std::string(162, '\0'));
  std::vector<std::string> missing;
  const auto files = find_source_files({dir.string()}, missing);
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].doc_id, "guidance/notice");
  EXPECT_TRUE(files[0].html);
  EXPECT_EQ(files[1].doc_id, "guidance/rules");
  EXPECT_TRUE(files[1].docx);
  EXPECT_EQ(files[2].doc_id, "guidance/security");
  EXPECT_TRUE(files[2].html);
  for (const auto& f : files) EXPECT_EQ(f.type, DocType::Guidance) << f.path;
  EXPECT_EQ(import_source_file(files[1]).title, "秘密情報管理規程");
  EXPECT_EQ(import_source_file(files[2]).title, "情報セキュリティ規程｜社内ポータル");
  EXPECT_EQ(import_source_file(files[0]).passages.at(0).text, "お知らせ\n\n秘密情報の持出しは禁止されています。");
}

// A declared charset is tried first for text that is not UTF-8, and one the bytes do not fit falls
// back to detection.
TEST(SourceFiles, ADeclaredCharsetIsTriedFirst) {
  const std::string euc = "\xB1\xC4\xB6\xC8\xC8\xEB\xCC\xA9";  // 営業秘密 in EUC-JP
  EXPECT_EQ(decode_source_text(euc, "x.html", "EUC-JP"), "営業秘密");
  EXPECT_EQ(decode_source_text(euc, "x.html", "x-unknown"), decode_source_text(euc, "x.html"));
  const std::string sjis = "\x89\x63\x8B\xC6\x94\xE9\x96\xA7";  // 営業秘密 in Shift_JIS
  EXPECT_EQ(decode_source_text(sjis, "x.html", "EUC-JP"), "営業秘密");  // the declaration does not fit
}

}  // namespace
}  // namespace tsubo
