// Years and year ranges typed into a date filter, in the Gregorian or the Japanese calendar.
#include "search/year_filter.h"

#include <gtest/gtest.h>

namespace tsubo {
namespace {

TEST(YearFilter, GregorianAndEraYears) {
  EXPECT_EQ(parse_filter_year("2019"), 2019);
  EXPECT_EQ(parse_filter_year("２０１９年"), 2019);
  EXPECT_EQ(parse_filter_year("平成29"), 2017);
  EXPECT_EQ(parse_filter_year("平成二十九年"), 2017);
  EXPECT_EQ(parse_filter_year("令和元年"), 2019);
  EXPECT_EQ(parse_filter_year("H29"), 2017);
  EXPECT_FALSE(parse_filter_year("秘密"));
  EXPECT_FALSE(parse_filter_year("1200"));
}

TEST(YearFilter, RangesInEitherCalendar) {
  EXPECT_EQ(parse_filter_years("2017..2020"), (std::pair<int, int>{2017, 2020}));
  EXPECT_EQ(parse_filter_years("平成29..令和2"), (std::pair<int, int>{2017, 2020}));
  EXPECT_EQ(parse_filter_years("H29〜R2"), (std::pair<int, int>{2017, 2020}));
  EXPECT_EQ(parse_filter_years("２０２０..２０１７"), (std::pair<int, int>{2017, 2020}));
  EXPECT_EQ(parse_filter_years("2017.."), (std::pair<int, int>{2017, 0}));
  EXPECT_EQ(parse_filter_years("..令和元年"), (std::pair<int, int>{0, 2019}));
  EXPECT_EQ(parse_filter_years("令和元年"), (std::pair<int, int>{2019, 2019}));
  EXPECT_FALSE(parse_filter_years(".."));
  EXPECT_FALSE(parse_filter_years("2017..昔"));
  EXPECT_FALSE(parse_filter_years("秘密..2019"));
}

}  // namespace
}  // namespace tsubo
