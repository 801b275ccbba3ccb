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

TEST(YearFilter, BoundsFromFirstLastAndRange) {
  const YearBounds open = parse_year_bounds("", "", "");
  EXPECT_EQ(open.from, 0);
  EXPECT_EQ(open.to, 0);
  const YearBounds both = parse_year_bounds("令和2", "H29", "");  // reversed: put in order
  EXPECT_EQ(both.from, 2017);
  EXPECT_EQ(both.to, 2020);
  const YearBounds range_wins = parse_year_bounds("2000", "2030", "2017..");  // the range names only its start
  EXPECT_EQ(range_wins.from, 2017);
  EXPECT_EQ(range_wins.to, 2030);
  try {
    parse_year_bounds("", "昔", "");
    FAIL() << "昔 is not a year";
  } catch (const YearFilterError& e) {
    EXPECT_NE(std::string(e.what()).find("«昔» is not a year"), std::string::npos) << e.what();
    EXPECT_EQ(e.input, YearInput::To);
  }
  try {
    parse_year_bounds("", "", "2017..昔");
    FAIL() << "2017..昔 is not a range";
  } catch (const YearFilterError& e) {
    EXPECT_EQ(e.input, YearInput::Range);
  }
}

}  // namespace
}  // namespace tsubo
