// Dates and date ranges typed into a filter, in the Gregorian or the Japanese calendar.
#include "search/date_filter.h"

#include <gtest/gtest.h>

namespace tsubo {
namespace {

// first_day and last_day of what s names, or {0, 0} when it is not a date.
std::pair<int, int> span(std::string_view s) {
  const auto d = parse_filter_date(s);
  return d ? std::pair<int, int>{d->first_day(), d->last_day()} : std::pair<int, int>{0, 0};
}

TEST(DateFilter, YearsInEitherCalendar) {
  EXPECT_EQ(span("2019"), (std::pair<int, int>{20190101, 20191231}));
  EXPECT_EQ(span("２０１９年"), (std::pair<int, int>{20190101, 20191231}));
  EXPECT_EQ(span("平成29"), (std::pair<int, int>{20170101, 20171231}));
  EXPECT_EQ(span("平成二十九年"), (std::pair<int, int>{20170101, 20171231}));
  EXPECT_EQ(span("令和元年"), (std::pair<int, int>{20190101, 20191231}));
  EXPECT_EQ(span("H29"), (std::pair<int, int>{20170101, 20171231}));
  EXPECT_EQ(span("r1"), (std::pair<int, int>{20190101, 20191231}));
}

TEST(DateFilter, MonthsAndDays) {
  EXPECT_EQ(span("2019-10"), (std::pair<int, int>{20191001, 20191031}));
  EXPECT_EQ(span("2019年10月9日"), (std::pair<int, int>{20191009, 20191009}));
  EXPECT_EQ(span("2019/10/9"), (std::pair<int, int>{20191009, 20191009}));
  EXPECT_EQ(span("20191009"), (std::pair<int, int>{20191009, 20191009}));
  EXPECT_EQ(span("平成29年3月21日"), (std::pair<int, int>{20170321, 20170321}));
  EXPECT_EQ(span("平成二十九年三月二十一日"), (std::pair<int, int>{20170321, 20170321}));
  EXPECT_EQ(span("H29.3.21"), (std::pair<int, int>{20170321, 20170321}));
  EXPECT_EQ(span("平成29・3・21"), (std::pair<int, int>{20170321, 20170321}));
  EXPECT_EQ(span("H28.2"), (std::pair<int, int>{20160201, 20160229}));  // a leap year
  EXPECT_EQ(span("2100-2"), (std::pair<int, int>{21000201, 21000228}));  // not one
}

TEST(DateFilter, NotDates) {
  for (const char* s : {"秘密", "1200", "2019-13", "2019-02-30", "H29.0.1", "平成100年", "2019..2020", "2019--10",
                        "-2019", "2019-10-9-1", "20191332", ""})
    EXPECT_FALSE(parse_filter_date(s)) << s;
}

TEST(DateFilter, Ranges) {
  auto range = [](std::string_view s) {
    const auto r = parse_filter_range(s);
    return r ? std::pair<int, int>{r->from, r->to} : std::pair<int, int>{-1, -1};
  };
  EXPECT_EQ(range("2017..2020"), (std::pair<int, int>{20170101, 20201231}));
  EXPECT_EQ(range("平成29..令和2"), (std::pair<int, int>{20170101, 20201231}));
  EXPECT_EQ(range("H29〜R2"), (std::pair<int, int>{20170101, 20201231}));
  EXPECT_EQ(range("H29.4..R2.3.31"), (std::pair<int, int>{20170401, 20200331}));
  EXPECT_EQ(range("２０２０..２０１７"), (std::pair<int, int>{20170101, 20201231}));  // reversed: put in order
  EXPECT_EQ(range("2017-03-21.."), (std::pair<int, int>{20170321, 0}));
  EXPECT_EQ(range("..令和元年"), (std::pair<int, int>{0, 20191231}));
  EXPECT_EQ(range("令和元年"), (std::pair<int, int>{20190101, 20191231}));
  EXPECT_EQ(range(".."), (std::pair<int, int>{-1, -1}));
  EXPECT_EQ(range("2017..昔"), (std::pair<int, int>{-1, -1}));
  EXPECT_EQ(range("秘密..2019"), (std::pair<int, int>{-1, -1}));
}

TEST(DateFilter, BoundsFromFirstLastAndRange) {
  const DateBounds open = parse_date_bounds("", "", "");
  EXPECT_EQ(open.from, 0);
  EXPECT_EQ(open.to, 0);
  const DateBounds both = parse_date_bounds("令和2", "H29", "");  // reversed: the whole span
  EXPECT_EQ(both.from, 20170101);
  EXPECT_EQ(both.to, 20201231);
  const DateBounds days = parse_date_bounds("2017-03-21", "H29.3.21", "");
  EXPECT_EQ(days.from, 20170321);
  EXPECT_EQ(days.to, 20170321);
  const DateBounds range_wins = parse_date_bounds("2000", "2030", "2017..");  // the range names only its start
  EXPECT_EQ(range_wins.from, 20170101);
  EXPECT_EQ(range_wins.to, 20301231);
  try {
    parse_date_bounds("", "昔", "");
    FAIL() << "昔 is not a date";
  } catch (const DateFilterError& e) {
    EXPECT_NE(std::string(e.what()).find("«昔» is not a date"), std::string::npos) << e.what();
    EXPECT_EQ(e.input, DateInput::To);
  }
  try {
    parse_date_bounds("", "", "2017..昔");
    FAIL() << "2017..昔 is not a range";
  } catch (const DateFilterError& e) {
    EXPECT_EQ(e.input, DateInput::Range);
  }
}

}  // namespace
}  // namespace tsubo
