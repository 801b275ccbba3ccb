// Dates typed into a search filter, in the Gregorian or the Japanese calendar, to the precision the
// user gives: a year (2019, 平成29, H29, 令和元年), a month (2019年10月, H29.3) or a day (2019-10-09,
// 平成29年3月21日, H29.3.21, 平成29・3・21).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tsubo {

// A date as far as it was written: month and day are 0 when not given.
struct FilterDate {
  int year = 0, month = 0, day = 0;
  // yyyymmdd of the first and the last day it covers (2019 → 20190101 … 20191231).
  int first_day() const;
  int last_day() const;
};

// nullopt for anything that is not such a date, an impossible one (2月30日), or a year outside 1868–2100.
std::optional<FilterDate> parse_filter_date(std::string_view s);

// A range of days as yyyymmdd, 0 where open.
struct DateBounds {
  int from = 0, to = 0;
};

// A range: 2017..2020, 平成29..令和2, H29.4〜R2.3.31, 2017-03-21.. (open end), ..2020, or one date
// (2019 → the whole year). The ends come out in order. nullopt when either side is not a date.
std::optional<DateBounds> parse_filter_range(std::string_view s);

// Which of parse_date_bounds' inputs was not a date, so that callers can name their own option or
// parameter for it (--from, from=…).
enum class DateInput { From, To, Range };

struct DateFilterError : std::invalid_argument {
  DateFilterError(DateInput which, const std::string& message) : std::invalid_argument(message), input(which) {}
  DateInput input;
};

// The bounds from the three ways a search can give them, each possibly empty: a first date, a last
// date, and a range (which wins for the ends it names). "from" starts at the first day of what it
// names and "to" ends at the last (to=2019 includes 31 December). Reversed bounds are put in order.
// Throws DateFilterError naming the value and the forms accepted.
DateBounds parse_date_bounds(std::string_view from, std::string_view to, std::string_view range);

// One day (the law as it stood on it, --as-of): 2017-03-21, H29.3.21, 平成29年3月21日; a year or a
// month stands for its first day. Throws DateFilterError (input From) naming the forms accepted.
int parse_day(std::string_view s);

}  // namespace tsubo
