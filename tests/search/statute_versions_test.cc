// The version table over a real (in-memory) Xapian database: order, the version in force on a day,
// second copies of a revision, and how law IDs and days are written.
#include "search/statute_versions.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <xapian.h>

#include "corpus/document.h"
#include "indexer/statute_version_terms.h"

namespace tsubo {
namespace {

Document version(const std::string& id, const std::string& date, const std::string& amending) {
  Document d;
  d.id = id;
  d.type = DocType::Statute;
  d.title = "特許法";
  d.meta.law = "特許法";
  d.meta.law_number = "昭和三十四年法律第百二十一号";
  d.meta.version_date = date;
  d.meta.amending_law = amending;
  return d;
}

Xapian::Database database_of(const std::vector<Document>& docs) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const auto& d : docs) {
    Xapian::Document x;
    Passage p;
    p.id = d.id + "#art35";
    p.article = "35";
    p.text = "第三十五条　" + d.id;
    add_version_terms(x, d, p);
    db.add_document(x);
  }
  return db;
}

TEST(StatuteVersionTable, OrdersByDayThenAmendingLawAndFindsTheOneInForce) {
  const auto db = database_of({version("statute/b", "2016-04-01", "427AC0000000055"),
                               version("statute/a", "2016-04-01", "426AC0000000069"),
                               version("statute/first", "2015-08-01", ""), version("statute/export", "", "")});
  const StatuteVersions table(db);
  ASSERT_TRUE(table.any_versioned());
  std::size_t k = 0;
  const auto* versions = table.versions_of("statute/b", &k);
  ASSERT_NE(versions, nullptr);
  ASSERT_EQ(versions->size(), 4u);
  EXPECT_EQ((*versions)[0].doc_id, "statute/export");  // undated: before the first dated one
  EXPECT_EQ((*versions)[1].doc_id, "statute/first");
  EXPECT_EQ((*versions)[2].doc_id, "statute/a");  // same day: the earlier amending law first
  EXPECT_EQ(k, 3u);
  const std::string law = table.law_of("statute/b");
  EXPECT_EQ(table.in_force(law, 20160401)->doc_id, "statute/b");
  EXPECT_EQ(table.in_force(law, 20160331)->doc_id, "statute/first");
  EXPECT_EQ(table.in_force(law, 20150731)->doc_id, "statute/export");
  auto hidden = table.hidden_on(20160401);
  std::sort(hidden.begin(), hidden.end());
  EXPECT_EQ(hidden, (std::vector<std::string>{"statute/a", "statute/export", "statute/first"}));
}

TEST(StatuteVersionTable, ASecondCopyOfARevisionIsNeverShown) {
  const auto db = database_of({version("statute/x_20190701", "2019-07-01", "430AC0000000033"),
                               version("statute/copy", "2019-07-01", "430AC0000000033"),
                               version("statute/x_20150801", "2015-08-01", "")});
  const StatuteVersions table(db);
  EXPECT_EQ(table.duplicates(), std::vector<std::string>{"statute/x_20190701"});  // "copy" sorts first and is kept
  const auto hidden = table.hidden_on(20200101);
  EXPECT_NE(std::find(hidden.begin(), hidden.end(), "statute/x_20190701"), hidden.end());
  EXPECT_EQ(std::find(hidden.begin(), hidden.end(), "statute/copy"), hidden.end());
}

TEST(StatuteVersionTable, ALawWithOneVersionIsNeverHidden) {
  const auto db = database_of({version("statute/only", "2019-07-01", "430AC0000000033")});
  const StatuteVersions table(db);
  EXPECT_FALSE(table.any_versioned());
  EXPECT_TRUE(table.hidden_on(20000101).empty());
}

TEST(StatuteVersionTable, LawIdsAndDaysAsLawyersWriteThem) {
  EXPECT_EQ(law_id_label("430AC0000000033"), "平成30年法律第33号");
  EXPECT_EQ(law_id_label("501AC0000000003"), "令和元年法律第3号");
  EXPECT_EQ(law_id_label("not-an-id"), "not-an-id");
  EXPECT_EQ(day_before("20160101"), "20151231");
  EXPECT_EQ(day_before("20160301"), "20160229");  // a leap year
  EXPECT_EQ(iso_of("20190701"), "2019-07-01");
  EXPECT_EQ(iso_of("00000000"), "");
}

}  // namespace
}  // namespace tsubo
