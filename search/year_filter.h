// Years typed into a date filter, Gregorian or 和暦: 2019, ２０１９年, 平成29, 平成二十九年, 令和元年, H29, R1.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace tsubo {

// The Gregorian year written in s: a four-digit year (2019, ２０１９年, 2019-10-09), an era year
// (平成29, 平成二十九年, 令和元年, 平成29年3月21日) or its romaji initial (M, T, S, H, R: H29, r1).
// nullopt for anything else or a year outside 1868–2100.
std::optional<int> parse_filter_year(std::string_view s);

// A year range: 2017..2020, 平成29..令和2, H29〜R2, 2017.. (open end: 0), ..2020, or one year (2019 → 2019..2019).
// The years come out in order. nullopt when either side is not a year.
std::optional<std::pair<int, int>> parse_filter_years(std::string_view s);

// A search's year bounds, 0 where open.
struct YearBounds {
  int from = 0, to = 0;
};

// Which of parse_year_bounds' inputs was not a year, so that callers can name their own option or
// parameter for it (--from-year, from=…).
enum class YearInput { From, To, Range };

struct YearFilterError : std::invalid_argument {
  YearFilterError(YearInput which, const std::string& message) : std::invalid_argument(message), input(which) {}
  YearInput input;
};

// The bounds from the three ways a search can give them, each possibly empty: a first year, a last
// year, and a range (which wins for the ends it names). Reversed bounds are put in order. Throws
// YearFilterError, naming the value and the forms accepted, when one is not a year (range).
YearBounds parse_year_bounds(std::string_view from, std::string_view to, std::string_view range);

}  // namespace tsubo
