// Filter dates: widths folded, an optional era (or its initial), then up to three numbers separated
// by 年 月 日 - / . ・ — or a Gregorian year of four digits, or eight digits yyyymmdd.
#include "search/date_filter.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "text/japanese_numbers.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

bool all_ascii_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "29年3月21日" → {"29", "3", "21"}; "h29.3" → {"29", "3"}. A separator may end the text (2019年).
std::optional<std::vector<std::string>> number_parts(std::string_view s) {
  static constexpr std::array<std::string_view, 7> kSeparators = {"年", "月", "日", "-", "/", ".", "・"};
  std::vector<std::string> parts(1);
  std::size_t i = 0;
  while (i < s.size()) {
    const auto sep = std::find_if(kSeparators.begin(), kSeparators.end(),
                                  [&](std::string_view p) { return s.substr(i, p.size()) == p; });
    if (sep == kSeparators.end()) {
      parts.back().push_back(s[i++]);
      continue;
    }
    if (parts.back().empty()) return std::nullopt;  // two separators in a row, or one at the start
    i += sep->size();
    if (i < s.size()) parts.emplace_back();
  }
  if (parts.back().empty() || parts.size() > 3) return std::nullopt;
  return parts;
}

std::optional<FilterDate> checked(long y, long m, long d) {
  if (y < 1868 || y > 2100 || m < 0 || m > 12 || d < 0 || (m == 0 && d != 0)) return std::nullopt;
  if (d > 0 && d > days_in_month(static_cast<int>(y), static_cast<int>(m))) return std::nullopt;
  return FilterDate{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

// The parts' numbers as a date; the year is of `era` when one is given (平成29 → 2017).
std::optional<FilterDate> from_parts(const std::vector<std::string>& parts, std::string_view era) {
  std::array<long, 3> n = {0, 0, 0};
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const auto v = parse_japanese_number(parts[k]);
    if (!v) return std::nullopt;
    n[k] = *v;
  }
  if ((parts.size() >= 2 && n[1] == 0) || (parts.size() == 3 && n[2] == 0)) return std::nullopt;
  long year = n[0];
  if (!era.empty()) {
    if (year < 1 || year > 99) return std::nullopt;
    const auto y = era_to_gregorian(era, static_cast<int>(year));
    if (!y) return std::nullopt;
    year = *y;
  }
  return checked(year, n[1], n[2]);
}

}  // namespace

int FilterDate::first_day() const { return year * 10000 + std::max(month, 1) * 100 + std::max(day, 1); }

int FilterDate::last_day() const {
  const int m = month ? month : 12;
  return year * 10000 + m * 100 + (day ? day : days_in_month(year, m));
}

std::optional<FilterDate> parse_filter_date(std::string_view input) {
  std::string s = utf8::remove_spaces(fold_digits(normalize_nfkc(input)));
  if (s.empty() || s.size() > 64) return std::nullopt;
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');

  if (s.size() == 8 && all_ascii_digits(s))  // 20170321
    return checked(std::stol(s.substr(0, 4)), std::stol(s.substr(4, 2)), std::stol(s.substr(6, 2)));

  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kEras = {{
      {"明治", "明治"}, {"大正", "大正"}, {"昭和", "昭和"}, {"平成", "平成"}, {"令和", "令和"},
      {"m", "明治"}, {"t", "大正"}, {"s", "昭和"}, {"h", "平成"}, {"r", "令和"},
  }};
  for (const auto& [prefix, era] : kEras) {
    if (s.rfind(prefix, 0) != 0) continue;
    const auto parts = number_parts(std::string_view(s).substr(prefix.size()));
    if (!parts) return std::nullopt;
    return from_parts(*parts, era);
  }

  const auto parts = number_parts(s);
  if (!parts || parts->front().size() != 4 || !all_ascii_digits(parts->front())) return std::nullopt;
  return from_parts(*parts, "");
}

std::optional<DateBounds> parse_filter_range(std::string_view input) {
  const std::string s = utf8::remove_spaces(normalize_nfkc(input));
  std::size_t cut = std::string::npos, width = 0;
  for (std::string_view sep : {"..", "〜", "~"}) {
    cut = s.find(sep);
    if (cut != std::string::npos) {
      width = sep.size();
      break;
    }
  }
  if (cut == std::string::npos) {
    const auto d = parse_filter_date(s);
    if (!d) return std::nullopt;
    return DateBounds{d->first_day(), d->last_day()};
  }
  const std::string from = s.substr(0, cut), to = s.substr(cut + width);
  if (from.empty() && to.empty()) return std::nullopt;
  const auto a = from.empty() ? std::optional<FilterDate>(FilterDate{}) : parse_filter_date(from);
  const auto b = to.empty() ? std::optional<FilterDate>(FilterDate{}) : parse_filter_date(to);
  if (!a || !b) return std::nullopt;
  DateBounds out{a->year ? a->first_day() : 0, b->year ? b->last_day() : 0};
  if (out.from && out.to && out.from > out.to) out = DateBounds{b->first_day(), a->last_day()};
  return out;
}

DateBounds parse_date_bounds(std::string_view from, std::string_view to, std::string_view range) {
  static const std::string kForms = "write 2019, 平成29, 令和元年, H29, 2019-10-09 or 平成29年3月21日";
  auto date = [&](std::string_view text, DateInput input) -> std::optional<FilterDate> {
    if (text.empty()) return std::nullopt;
    const auto d = parse_filter_date(text);
    if (!d) throw DateFilterError(input, "«" + std::string(text) + "» is not a date: " + kForms);
    return d;
  };
  const auto first = date(from, DateInput::From), last = date(to, DateInput::To);
  DateBounds bounds{first ? first->first_day() : 0, last ? last->last_day() : 0};
  // Reversed (from=2019, to=2017): the span from the earlier to the end of the later.
  if (first && last && bounds.from > bounds.to) bounds = DateBounds{last->first_day(), first->last_day()};
  if (!range.empty()) {
    const auto r = parse_filter_range(range);
    if (!r)
      throw DateFilterError(DateInput::Range, "«" + std::string(range) +
                                                  "» is not a date range: write 2017..2020, 平成29..令和2, H29.4..R2.3.31 or 2017..");
    if (r->from) bounds.from = r->from;
    if (r->to) bounds.to = r->to;
  }
  if (bounds.from && bounds.to && bounds.from > bounds.to) std::swap(bounds.from, bounds.to);
  return bounds;
}

int parse_day(std::string_view s) {
  const auto d = parse_filter_date(s);
  if (!d) throw DateFilterError(DateInput::From, "«" + std::string(s) + "» is not a day: write 2017-03-21, H29.3.21 or 平成29年3月21日");
  return d->first_day();
}

}  // namespace tsubo
