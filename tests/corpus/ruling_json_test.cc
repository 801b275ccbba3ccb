// courts.go.jp ruling JSON: one fixture per real-world shape (tests/fixtures/ruling/), the PDF-text
// and heading helpers it relies on, then the real rulings of the shared corpus.
#include "corpus/importers.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "corpus/pdf_text.h"
#include "corpus/ruling_headings.h"
#include "test_support.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

namespace fs = std::filesystem;
using Path = std::vector<std::string>;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Document parse_fixture(const std::string& name) {
  return parse_ruling_json(testing::read_fixture("ruling/" + name), testing::fixture_path("ruling/" + name));
}

std::string contents_of(const std::string& json_text) {
  return nlohmann::json::parse(json_text).value("contents", std::string());
}

const Passage* with_path(const Document& doc, const Path& path) {
  for (const auto& p : doc.passages)
    if (p.heading_path == path) return &p;
  return nullptr;
}

const Passage* containing(const Document& doc, std::string_view text) {
  for (const auto& p : doc.passages)
    if (p.text.find(text) != std::string::npos) return &p;
  return nullptr;
}

std::string import_error_of(const std::string& json_text) {
  try {
    parse_ruling_json(json_text, "x.json");
  } catch (const ImportError& e) {
    return e.what();
  }
  return "(no error)";
}

std::string import_error(const std::string& fixture) {
  try {
    parse_fixture(fixture);
  } catch (const ImportError& e) {
    return e.what();
  }
  return "(no error)";
}

// --- fixtures -------------------------------------------------------------------------------

TEST(RulingJson, MetadataFromTheJsonAndTheText) {
  const Document doc = parse_fixture("civil_ip_high_court.json");
  EXPECT_EQ(doc.id, "ruling/99001");
  EXPECT_EQ(doc.type, DocType::Ruling);
  EXPECT_EQ(doc.title, "損害賠償請求控訴事件");
  EXPECT_EQ(doc.source_path, testing::fixture_path("ruling/civil_ip_high_court.json"));
  EXPECT_EQ(doc.meta.court, "知的財産高等裁判所");  // "知的財産高等裁判所\n        " in the JSON
  EXPECT_EQ(doc.meta.case_number, "令和1(ネ)10037");  // "令和１（ネ）１００３７" in the JSON
  EXPECT_EQ(doc.meta.case_name, "損害賠償請求控訴事件");
  EXPECT_EQ(doc.meta.right_type, "不正競争");
  EXPECT_EQ(doc.meta.trial_type, "IPCase");
  EXPECT_EQ(doc.meta.source_url, "https://www.courts.go.jp/app/hanrei_jp/detail7?id=99001");
}

TEST(RulingJson, EmptyCaseNameAndNumberAreReadFromTheText) {
  // 88209 has "case_name": "": the text's second line names the case.
  auto json = nlohmann::json::parse(testing::read_fixture("ruling/civil_ip_high_court.json"));
  json["case_name"] = "";
  json["case_number"] = "";
  const Document doc = parse_ruling_json(json.dump(), "civil_ip_high_court.json");
  EXPECT_EQ(doc.title, "損害賠償請求控訴事件");
  EXPECT_EQ(doc.meta.case_name, "損害賠償請求控訴事件");
  EXPECT_EQ(doc.meta.case_number, "令和1(ネ)10037");  // from 令和元年（ネ）第１００３７号
}

TEST(RulingJson, ControlCharactersLeaveTheMetadata) {
  auto json = nlohmann::json::parse(testing::read_fixture("ruling/civil_ip_high_court.json"));
  json["court_name"] = "知的財産高等裁判所" + std::string(130, '\0');
  json["right_type"] = std::string("不正\x01競争");
  const Document doc = parse_ruling_json(json.dump(), "civil_ip_high_court.json");
  EXPECT_EQ(doc.meta.court, "知的財産高等裁判所");
  EXPECT_EQ(doc.meta.right_type, "不正競争");
}

TEST(RulingJson, ReiwaGannenAndHeiseiDatesBecomeIso) {
  // "令和元年１０月９日判決言渡" and "平成３０年３月１５日判決言渡".
  EXPECT_EQ(parse_fixture("civil_ip_high_court.json").meta.date, "2019-10-09");
  EXPECT_EQ(parse_fixture("criminal_high_court.json").meta.date, "2017-03-21");
}

TEST(RulingJson, TheTextsDateWinsOverWrongMetadata) {
  // Metadata says 平成30年5月15日; the first line says 平成３０年３月１５日判決言渡.
  EXPECT_EQ(parse_fixture("metadata_date_wrong.json").meta.date, "2018-03-15");
}

TEST(RulingJson, JoinsAWordAndANumberBrokenAcrossLines) {
  const Document doc = parse_fixture("civil_ip_high_court.json");
  const Passage* claim = with_path(doc, {"事実及び理由", "第１ 控訴の趣旨"});
  ASSERT_NE(claim, nullptr);
  // "…更に金１０" + "００万円及び…": nothing inserted at the join.
  EXPECT_NE(claim->text.find("更に金１０００万円及びこれに対する"), std::string::npos) << claim->text;
  // "…従業員に秘密" + "管理性の意識…"
  EXPECT_NE(containing(doc, "従業員に秘密管理性の意識を持たせる"), nullptr);
}

TEST(RulingJson, KeepsLineBreaksOnlyAfterSentencesAndHeadings) {
  const Document doc = parse_fixture("civil_ip_high_court.json");
  const Passage* parties = with_path(doc, {"事実及び理由", "第２ 事案の概要", "１ 前提事実", "⑴ 当事者"});
  ASSERT_NE(parties, nullptr);
  EXPECT_EQ(parties->text,
            "第２  事案の概要\n"
            "１  前提事実\n"
            "⑴  当事者\n"
            "控訴人は，鍵の販売，取付け，修理，その関連工事等を業とする株式会社であり，被控訴人Ｙ１は，"
            "平成２６年１０月まで控訴人の従業員として開錠作業に従事していた者である。被控訴人Ｙ１は，"
            "控訴人を退職した後，同業の会社に就職した。");
}

TEST(RulingJson, SplitsAtTheRulingsHeadingsAndNamesSections) {
  const Document doc = parse_fixture("civil_ip_high_court.json");
  const std::vector<std::pair<Path, std::string>> expected = {
      {{"当事者"}, "当事者"},
      {{"主文"}, "主文"},
      {{"事実及び理由", "第１ 控訴の趣旨"}, "控訴の趣旨"},
      {{"事実及び理由", "第２ 事案の概要", "１ 前提事実", "⑴ 当事者"}, "事案の概要"},
      {{"事実及び理由", "第２ 事案の概要", "１ 前提事実", "⑵ 控訴人の情報管理"}, "事案の概要"},
      {{"事実及び理由", "第３ 争点に関する当事者の主張"}, "争点に関する当事者の主張"},
      {{"事実及び理由", "第４ 当裁判所の判断", "１ 争点１（秘密管理性）について"}, "当裁判所の判断"},
      {{"事実及び理由", "第４ 当裁判所の判断", "１ 争点１（秘密管理性）について", "⑵ 本件情報の秘密管理性"},
       "当裁判所の判断"},
      {{"事実及び理由", "第４ 当裁判所の判断", "２ 結論"}, "当裁判所の判断"},
  };
  ASSERT_EQ(doc.passages.size(), expected.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    const Passage& p = doc.passages[k];
    EXPECT_EQ(p.id, "ruling/99001#p" + std::to_string(k + 1));
    EXPECT_EQ(p.heading_path, expected[k].first) << "passage " << k + 1 << ": " << join_heading(p.heading_path);
    EXPECT_EQ(p.section, expected[k].second) << "passage " << k + 1;
  }
  // The spaced-out "事実及び理 由" is the heading 事実及び理由; ア and イ stay inside their passage.
  EXPECT_NE(doc.passages[7].text.find("\nア  控訴人は"), std::string::npos);
  EXPECT_NE(doc.passages[7].text.find("\nイ  したがって"), std::string::npos);
  // The part before 主文 keeps the court, date and case number lines (a wrapped one joined).
  EXPECT_NE(doc.passages[0].text.find("令和元年１０月９日判決言渡"), std::string::npos);
  EXPECT_NE(doc.passages[0].text.find("（原審  東京地方裁判所平成２９年（ワ）第２７２９８号）"), std::string::npos);
}

TEST(RulingJson, SourceOffsetsCoverEachPassagesLines) {
  const std::string json_text = testing::read_fixture("ruling/civil_ip_high_court.json");
  const std::string contents = contents_of(json_text);
  const Document doc = parse_ruling_json(json_text, "civil_ip_high_court.json");
  std::size_t previous_end = 0;
  for (const auto& p : doc.passages) {
    ASSERT_LT(p.source_begin, p.source_end);
    ASSERT_LE(p.source_end, contents.size());
    EXPECT_GE(p.source_begin, previous_end);
    previous_end = p.source_end;
    // Here nothing is dropped, so the source range holds exactly the passage's characters.
    const std::string source = contents.substr(p.source_begin, p.source_end - p.source_begin);
    EXPECT_EQ(utf8::remove_spaces(source), utf8::remove_spaces(p.text)) << p.id;
  }
}

TEST(RulingJson, CriminalHighCourtRulingHasReasonsThenNumberedParts) {
  const Document doc = parse_fixture("criminal_high_court.json");
  EXPECT_EQ(doc.meta.court, "東京高等裁判所第１０刑事部");
  EXPECT_EQ(doc.meta.case_number, "平成28(う)974");
  EXPECT_EQ(doc.meta.right_type, "");  // null in the JSON
  std::vector<std::string> sections;
  for (const auto& p : doc.passages) sections.push_back(p.section);
  EXPECT_EQ(sections, (std::vector<std::string>{"当事者", "主文", "本件控訴の趣意", "秘密管理性に関する事実誤認の主張について",
                                                "量刑不当の主張について"}));
  // Numbered sentences ("１  原判決は，…。") are paragraphs of their part, not headings.
  const Passage* reasons = with_path(doc, {"理由", "第２ 秘密管理性に関する事実誤認の主張について"});
  ASSERT_NE(reasons, nullptr);
  EXPECT_NE(reasons->text.find("\n２  所論は，"), std::string::npos);
}

TEST(RulingJson, SupremeCourtTextStartingAtMainTextTakesTheMetadataDate) {
  const Document doc = parse_fixture("supreme_court.json");
  EXPECT_EQ(doc.meta.date, "2018-12-03");
  ASSERT_EQ(doc.passages.size(), 2u);
  EXPECT_EQ(doc.passages[0].section, "主文");
  EXPECT_EQ(doc.passages[0].source_begin, 0u);
  EXPECT_EQ(doc.passages[1].heading_path, (Path{"理由"}));
  EXPECT_EQ(doc.passages[1].section, "理由");
}

TEST(RulingJson, RemovesNulsAndPageFurniture) {
  const std::string json_text = testing::read_fixture("ruling/nul_page_furniture.json");
  const Document doc = parse_ruling_json(json_text, "nul_page_furniture.json");
  for (const auto& p : doc.passages) {
    EXPECT_EQ(p.text.find('\0'), std::string::npos) << p.id;
    EXPECT_EQ(p.text.find("－ ２ －"), std::string::npos) << p.id;
  }
  // A number broken by a page break: "…１６７７万５０" / NUL line / "００円…".
  EXPECT_NE(containing(doc, "損害賠償金１６７７万５０００円の支払を求めている。"), nullptr);
  // A sentence broken by a page number line.
  EXPECT_NE(containing(doc, "原告の商品の形態と実質的に同一である"), nullptr);
  // "\0イ\0" stood for (イ); "\0\0\0  当事者" for a ⑴ the font could not map.
  EXPECT_NE(containing(doc, "\n(イ)  被告は，"), nullptr);
  EXPECT_NE(with_path(doc, {"事実及び理由", "第１ 事案の概要", "１ 判断の基礎となる事実", "当事者"}), nullptr);
  // Trailing NULs end paragraphs; they are gone from the parties' lines.
  EXPECT_NE(doc.passages[0].text.find("株式会社Ｅｌ  Ｄｏｒａｄｏ\n"), std::string::npos);
  EXPECT_EQ(doc.meta.date, "2012-10-23");
}

// A part with no headings inside, and a "paragraph" without a sentence end (a flattened table).
std::string long_ruling(bool sentences) {
  std::string contents = "主     文\n本件上告を棄却する。\n理     由\n";
  const std::string line = "本件では，被告人が勤務先会社のサーバーに保存された営業秘密を複製した";  // 34 chars
  for (int k = 0; k < 300; ++k) contents += line + (sentences && k % 3 == 2 ? "。\n" : "\n");
  nlohmann::json j = {{"lawsuit_id", "99010"}, {"case_name", "不正競争防止法違反被告事件"}, {"contents", contents}};
  return j.dump();
}

TEST(RulingJson, CutsOverlongPartsAtParagraphsThenLines) {
  for (bool sentences : {true, false}) {
    const std::string json_text = long_ruling(sentences);
    const Document doc = parse_ruling_json(json_text, "long.json");
    const std::string contents = contents_of(json_text);
    ASSERT_GE(doc.passages.size(), 4u) << sentences;
    std::string all;
    std::size_t previous_end = 0;
    for (const auto& p : doc.passages) {
      EXPECT_LE(utf8::length(p.text), 4000u);
      EXPECT_GE(p.source_begin, previous_end);
      previous_end = p.source_end;
      all += p.text;
    }
    EXPECT_EQ(previous_end, contents.size() - 1);  // all but the final newline
    EXPECT_EQ(utf8::remove_spaces(all), utf8::remove_spaces(contents)) << "nothing lost, nothing repeated";
    EXPECT_EQ(doc.passages.back().heading_path, (Path{"理由"}));
  }
}

TEST(RulingJson, EmptyContentsWithAGistGiveOnePassage) {
  const Document doc = parse_fixture("gist_only.json");
  ASSERT_EQ(doc.passages.size(), 1u);
  EXPECT_EQ(doc.passages[0].id, "ruling/99006#p1");
  EXPECT_EQ(doc.passages[0].text, "産業用ロボットの設計図面及び設計ＣＡＤデータが営業秘密に当たるとされた事例");
  EXPECT_EQ(doc.passages[0].heading_path, (Path{"判示事項"}));
  EXPECT_EQ(doc.meta.date, "2019-10-09");
}

TEST(RulingJson, UnusableInputIsAnImportErrorWithTheReason) {
  EXPECT_NE(import_error("no_text.json").find("no text"), std::string::npos);
  EXPECT_NE(import_error("ocr_garbage.json").find("not Japanese text"), std::string::npos);
  EXPECT_NE(import_error("malformed.json").find("malformed JSON"), std::string::npos);
  EXPECT_NE(import_error("not_a_ruling.json").find("no lawsuit_id"), std::string::npos);
  EXPECT_THROW(parse_ruling_json("[1, 2, 3]", "array.json"), ImportError);
  EXPECT_THROW(parse_ruling_json("", "empty.json"), ImportError);
  EXPECT_THROW(parse_ruling_json(R"({"lawsuit_id": "../etc", "contents": ""})", "x.json"), ImportError);
}

// A file cut inside contents printed nlohmann's whole message, which quotes the cut string (~3 KB).
TEST(RulingJson, TruncatedJsonIsOneShortLineWithTheByte) {
  const std::string path = testing::fixture_path("ruling/truncated_in_text.json");
  EXPECT_EQ(import_error("truncated_in_text.json"), "[corpus][ruling_json] " + path +
                                                        ": truncated or malformed JSON at byte 1676: invalid string: "
                                                        "missing closing quote");
  const std::string malformed = import_error("malformed.json");
  EXPECT_EQ(malformed.find('\n'), std::string::npos) << malformed;
  EXPECT_NE(malformed.find(": truncated or malformed JSON at byte "), std::string::npos) << malformed;
  EXPECT_EQ(import_error_of(R"({"lawsuit_id": "1", "contents": tru})"),
            "[corpus][ruling_json] x.json: truncated or malformed JSON at byte 36: invalid literal");
  EXPECT_EQ(import_error_of(R"({"lawsuit_id": "1" "contents": ""})"),
            "[corpus][ruling_json] x.json: truncated or malformed JSON at byte 29: unexpected string literal; "
            "expected '}'");
}

// --- PDF text and headings ------------------------------------------------------------------

TEST(RulingPdfText, CleansNulsAndVariationSelectors) {
  using pdf_text::clean_line;
  using namespace std::string_literals;
  EXPECT_EQ(clean_line("\0イ\0  ハ号商品"s).text, "(イ)  ハ号商品");
  const auto lost = clean_line("\0\0\0  当事者"s);
  EXPECT_TRUE(lost.lost_enumerator);
  EXPECT_EQ(lost.text, "当事者");
  const auto end = clean_line("【原告の主張】\0"s);
  EXPECT_TRUE(end.nul_end);
  EXPECT_EQ(end.text, "【原告の主張】");
  EXPECT_TRUE(clean_line("\0 \0\0\0\0\0\0"s).page_break);
  EXPECT_EQ(clean_line("同  四辻\U000E0100  明洋").text, "同  四辻  明洋");
  EXPECT_EQ(clean_line("原告\t株式会社").text, "原告 株式会社");
}

TEST(RulingPdfText, UndoesOverprintedBold) {
  using pdf_text::undo_bold_repetition;
  EXPECT_EQ(undo_bold_repetition("第第第第３３３３     争点争点争点争点"), "第３     争点");
  EXPECT_EQ(undo_bold_repetition("(1)     当事者当事者当事者当事者"), "(1)     当事者");
  EXPECT_EQ(undo_bold_repetition("につにつにつについていていていて"), "について");
  EXPECT_EQ(undo_bold_repetition("【【【【原告原告原告原告のののの主張主張主張主張】】】】"), "【原告の主張】");
  EXPECT_EQ(undo_bold_repetition("●●●●●●●●"), "●●●●●●●●");
  EXPECT_EQ(undo_bold_repetition("本件情報は，秘密として管理されていた。"), "本件情報は，秘密として管理されていた。");
}

TEST(RulingPdfText, PageNumbersAndSentenceEnds) {
  EXPECT_TRUE(pdf_text::is_page_number("- 12 -"));
  EXPECT_TRUE(pdf_text::is_page_number("－１２－"));
  EXPECT_TRUE(pdf_text::is_page_number("12/30"));
  EXPECT_FALSE(pdf_text::is_page_number("１２"));  // may be an enumerator standing alone
  EXPECT_FALSE(pdf_text::is_page_number("第１"));
  EXPECT_TRUE(pdf_text::ends_sentence("所論は理由がない。"));
  EXPECT_TRUE(pdf_text::ends_sentence("（以下「被控訴人会社」という。）"));
  EXPECT_FALSE(pdf_text::ends_sentence("このようにグンマジに関する本件情報は，「秘密として管理されている」"));
  EXPECT_TRUE(pdf_text::continues_on("に転職させた行為は，"));
  EXPECT_FALSE(pdf_text::continues_on("ところで，"));
}

TEST(RulingHeadings, RecognisesRootsEvenSpacedOut) {
  using Kind = ruling::HeadingLine::Kind;
  EXPECT_EQ(ruling::classify_heading("主     文", false).kind, Kind::Root);
  EXPECT_EQ(ruling::classify_heading("事実及び理 由", false).name, "事実及び理由");
  EXPECT_EQ(ruling::classify_heading("事 実 及 び 理 由", false).name, "事実及び理由");
  EXPECT_EQ(ruling::classify_heading("理        由", false).name, "理由");
  EXPECT_EQ(ruling::classify_heading("判     決", false).kind, Kind::Judgment);
  EXPECT_EQ(ruling::classify_heading("（別紙）", true).kind, Kind::Appendix);
  EXPECT_EQ(ruling::classify_heading("営 業 秘 密 目 録", true).kind, Kind::Appendix);
  EXPECT_EQ(ruling::classify_heading("当事者目録", false).kind, Kind::None);  // not before 主文
  EXPECT_EQ(ruling::classify_heading("（罪となるべき事実）", true).level, ruling::kCriminalPart);
  EXPECT_EQ(ruling::classify_heading("【量刑の理由】", true).level, ruling::kCriminalPart);
  EXPECT_EQ(ruling::classify_heading("〔控訴人の主張〕", true).level, ruling::kClaim);
  EXPECT_EQ(ruling::classify_heading("（以下「被控訴人会社」という。）", true).kind, Kind::None);
}

TEST(RulingHeadings, ReadsEnumeratorsAndTheirLevels) {
  using Kind = ruling::HeadingLine::Kind;
  auto levels = [](std::string_view line) {
    std::vector<int> out;
    for (const auto& e : ruling::classify_heading(line, true).enumerators) out.push_back(e.level);
    return out;
  };
  EXPECT_EQ(levels("第３  当裁判所の判断"), std::vector<int>{ruling::kDai});
  EXPECT_EQ(levels("２  争点１（秘密管理性）について"), std::vector<int>{ruling::kNumber});
  EXPECT_EQ(levels("⑴  当事者等"), std::vector<int>{ruling::kParenNumber});
  EXPECT_EQ(levels("(1) 当事者"), std::vector<int>{ruling::kParenNumber});
  EXPECT_EQ(levels("ア  本件ソースコード"), std::vector<int>{ruling::kKana});
  EXPECT_EQ(levels("(ｱ)  保管場所"), std::vector<int>{ruling::kParenKana});
  EXPECT_EQ(levels("ａ  控訴人と競合関係に立つ事業者に就職したり"), std::vector<int>{ruling::kLatin});
  EXPECT_EQ(levels("３(1)  人の氏名，肖像等"), (std::vector<int>{ruling::kNumber, ruling::kParenNumber}));
  EXPECT_EQ(levels("(イ)ａ  上記相違点について"), (std::vector<int>{ruling::kParenKana, ruling::kLatin}));
  EXPECT_EQ(levels("１"), std::vector<int>{ruling::kNumber});  // standing alone (85426)
  const auto h = ruling::classify_heading("第３  当裁判所の判断", true);
  EXPECT_EQ(h.kind, Kind::Enumerated);
  EXPECT_EQ(h.title, "当裁判所の判断");
  EXPECT_TRUE(h.spaced);
  // Not enumerators: words, numbers, article numbers, parenthesised evidence.
  EXPECT_EQ(ruling::classify_heading("アクセス制限が行われていた。", true).kind, Kind::None);
  EXPECT_EQ(ruling::classify_heading("００万円及びこれに対する", true).kind, Kind::None);
  EXPECT_EQ(ruling::classify_heading("第５５条  退職時において", true).kind, Kind::None);
  EXPECT_EQ(ruling::classify_heading("２（甲３）", true).kind, Kind::None);
  EXPECT_EQ(ruling::classify_heading("第三者に開示してはならない。", true).kind, Kind::None);
  EXPECT_TRUE(ruling::is_short_title("当裁判所の判断"));
  EXPECT_FALSE(ruling::is_short_title("本件控訴を棄却する。"));
  EXPECT_EQ(ruling::section_name("事案の概要（略称は，特に断らない限り，原判決に従う。）"), "事案の概要");
}

// --- the shared corpus ----------------------------------------------------------------------

struct ManifestRow {
  std::string id, court, date, case_number;
};

std::vector<ManifestRow> read_manifest(const fs::path& path) {
  std::vector<ManifestRow> rows;
  std::istringstream in(read_file(path));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
      f.push_back(line.substr(start, tab - start));
    f.push_back(line.substr(start));
    if (f.size() >= 4) rows.push_back({f[0], f[1], f[2], f[3]});
  }
  return rows;
}

TEST(RulingCorpus, CourtDateAndCaseNumberMatchTheManifests) {
  TSUBO_REQUIRE_CORPUS(corpus);
  std::set<std::string> failed;
  std::size_t checked = 0;
  const fs::path dir = fs::path(corpus) / "rulings";
  for (const auto& row : read_manifest(dir / "MANIFEST.tsv")) {
    const fs::path file = dir / (row.id + ".json");
    Document doc;
    try {
      doc = parse_ruling_json(read_file(file), file.string());
    } catch (const ImportError& e) {
      failed.insert(row.id);
      continue;
    }
    ++checked;
    EXPECT_EQ(doc.meta.court, row.court) << row.id;
    EXPECT_EQ(doc.meta.date, row.date) << row.id;
    EXPECT_EQ(normalize_nfkc(doc.meta.case_number), normalize_nfkc(row.case_number)) << row.id;
  }
  // 34697: contents empty and no gist; 80835: OCR debris and no gist.
  EXPECT_EQ(failed, (std::set<std::string>{"34697", "80835"}));
  EXPECT_EQ(checked, 43u);
}

TEST(RulingCorpus, EveryPassageIsCleanAndPointsIntoItsContents) {
  TSUBO_REQUIRE_CORPUS(corpus);
  std::size_t documents = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(corpus) / "rulings")) {
    if (entry.path().extension() != ".json") continue;
    const std::string json_text = read_file(entry.path());
    Document doc;
    try {
      doc = parse_ruling_json(json_text, entry.path().string());
    } catch (const ImportError&) {
      continue;
    }
    ++documents;
    const std::string contents = contents_of(json_text);
    for (std::size_t k = 0; k < doc.passages.size(); ++k) {
      const Passage& p = doc.passages[k];
      EXPECT_EQ(p.id, doc.id + "#p" + std::to_string(k + 1));
      EXPECT_EQ(p.text.find('\0'), std::string::npos) << p.id;
      EXPECT_FALSE(p.text.empty()) << p.id;
      EXPECT_FALSE(p.section.empty()) << p.id;
      EXPECT_FALSE(p.heading_path.empty()) << p.id;
      EXPECT_LE(p.source_begin, p.source_end) << p.id;
      EXPECT_LE(p.source_end, contents.size()) << p.id;
      EXPECT_LE(utf8::length(p.text), 4000u) << p.id;
    }
  }
  EXPECT_EQ(documents, 43u);
}

TEST(RulingCorpus, TheCourtsHoldingOnSecrecyManagementIsItsOwnPassage) {
  TSUBO_REQUIRE_CORPUS(corpus);
  const fs::path file = fs::path(corpus) / "rulings" / "88984.json";
  const Document doc = parse_ruling_json(read_file(file), file.string());
  // 88984 never writes 秘密管理性; the court holds the information was not
  // 「秘密として管理されている」 under 第４ 当裁判所の判断 › ３.
  const Passage* holding = nullptr;
  for (const auto& p : doc.passages)
    if (p.section == "当裁判所の判断" && p.text.find("「秘密として管理されている」情報とはいえず") != std::string::npos)
      holding = &p;
  ASSERT_NE(holding, nullptr);
  EXPECT_EQ(holding->heading_path,
            (Path{"事実及び理由", "第４ 当裁判所の判断", "３ 不正競争行為（営業秘密の使用行為等）の有無（争点３）について"}));
}

}  // namespace
}  // namespace tsubo
