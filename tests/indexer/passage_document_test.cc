// Terms Xapian can always store: no control characters, never a key over its 255-byte limit.
#include "indexer/passage_document.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

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

}  // namespace
}  // namespace tsubo
