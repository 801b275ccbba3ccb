// The Xapian document of a passage: terms Xapian can always store (no control characters, never a key
// over its 255-byte limit), and what its heading context and metadata add to the terms.
#include "indexer/passage_document.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

#include <nlohmann/json.hpp>

#include "indexer/schema.h"
#include "test_support.h"
#include "text/analyzer.h"

namespace tsubo {
namespace {

const std::string kCourt = "知的財産高等裁判所";

TEST(PassageDocument, TermsDropControlCharacters) {
  EXPECT_EQ(prefixed_term(schema::kPrefixCourt, kCourt + std::string(130, '\0')), "XC" + kCourt);
  EXPECT_EQ(prefixed_term(schema::kPrefixCourt, "東京\x01地方\x7F裁判所"), "XC東京地方裁判所");
}

TEST(PassageDocument, LongTermsAreCutAtACharacter) {
  std::string value;
  while (value.size() < 1000) value += kCourt + std::string(7, '\0');
  const std::string term = prefixed_term(schema::kPrefixCourt, value);
  EXPECT_LE(term_key_bytes(term), 240u);
  EXPECT_GE(term.size(), 230u);
  EXPECT_EQ((term.size() - 2) % 3, 0u) << "cut inside a character";
  EXPECT_EQ(term_key_bytes(std::string("a\0b", 3)), 4u);
}

// 知的財産高等裁判所 and 130 NULs as court_name: alone an uncaught Xapian::InvalidArgumentError
// (Key too long: length was 289 bytes) when the database was written; now a court like any other.
TEST(PassageDocument, ACourtNameWithNulsIsStoredAndFound) {
  Document doc;
  doc.id = "ruling/99109";
  doc.type = DocType::Ruling;
  doc.title = "営業秘密侵害差止等請求控訴事件";
  doc.meta.court = kCourt + std::string(130, '\0');
  Passage passage;
  passage.id = "ruling/99109#p1";
  passage.text = "営業秘密の秘密管理性について判断する。";
  doc.passages.push_back(passage);
  const Analyzer analyzer;
  const std::string path = testing::temp_dir("passage-nul-court") + "/db";
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
    db.add_document(make_passage_document(doc, doc.passages[0], 0, analyzer));
    ASSERT_NO_THROW(db.commit());
  }
  const Xapian::Database db(path);
  EXPECT_EQ(db.get_termfreq("XC" + kCourt), 1u);
}



bool has_term(const Xapian::Document& doc, const std::string& term) {
  auto it = doc.termlist_begin();
  it.skip_to(term);
  return it != doc.termlist_end() && *it == term;
}

// 最二小決平成30年12月3日 starts at 主文: its case number is only in the metadata.
TEST(PassageDocument, ARulingsFirstPassageHoldsItsCaseNumberInBothForms) {
  Document doc;
  doc.id = "ruling/88168";
  doc.type = DocType::Ruling;
  doc.title = "不正競争防止法違反被告事件";
  doc.meta.case_number = "平成30(あ)582";
  doc.meta.decision_kind = "決定";
  for (const char* text : {"本件上告を棄却する。", "よって，主文のとおり決定する。"}) {
    Passage p;
    p.id = doc.id + "#p" + std::to_string(doc.passages.size() + 1);
    p.heading_path = {doc.passages.empty() ? "主文" : "理由"};
    p.text = text;
    doc.passages.push_back(p);
  }
  Analyzer analyzer;
  const Xapian::Document first = make_passage_document(doc, doc.passages[0], 0, analyzer);
  for (const char* term : {"582", "平成", "30", "年", "第", "号"}) EXPECT_TRUE(has_term(first, term)) << term;
  const Xapian::Document second = make_passage_document(doc, doc.passages[1], 1, analyzer);
  EXPECT_FALSE(has_term(second, "582"));
  EXPECT_EQ(passage_record(doc, doc.passages[0], 0)["meta"]["decision_kind"], "決定");
}

}  // namespace
}  // namespace tsubo
