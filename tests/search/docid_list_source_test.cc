// DocidRangeSource under AND_NOT over a real (in-memory) database: exactly the documents outside the
// ranges remain, whatever order Xapian steps or skips in.
#include "search/docid_list_source.h"

#include <gtest/gtest.h>

#include <xapian.h>

namespace tsubo {
namespace {

std::vector<Xapian::docid> matches(const Xapian::Database& db, const Xapian::Query& q) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  std::vector<Xapian::docid> out;
  const Xapian::MSet m = enquire.get_mset(0, db.get_doccount());
  for (auto it = m.begin(); it != m.end(); ++it) out.push_back(*it);
  return out;
}

TEST(DocidRangeSource, AndNotLeavesExactlyTheDocumentsOutsideTheRanges) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 1; i <= 20; ++i) {
    Xapian::Document d;
    d.add_term("all");
    if (i % 3 == 0) d.add_term("third");
    db.add_document(d);
  }
  const auto ranges = std::make_shared<const DocidRanges>(merged({{15, 16}, {2, 4}, {5, 5}, {10, 12}}));
  ASSERT_EQ(*ranges, (DocidRanges{{2, 5}, {10, 12}, {15, 16}}));  // 2-4 and 5 touch: one range
  const Xapian::Query hidden((new DocidRangeSource(ranges))->release());
  EXPECT_EQ(matches(db, Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query("all"), hidden)),
            (std::vector<Xapian::docid>{1, 6, 7, 8, 9, 13, 14, 17, 18, 19, 20}));
  // A sparse left side makes the matcher skip rather than step.
  EXPECT_EQ(matches(db, Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query("third"), hidden)),
            (std::vector<Xapian::docid>{6, 9, 18}));
  EXPECT_EQ(matches(db, hidden).size(), 9u);
}

}  // namespace
}  // namespace tsubo
