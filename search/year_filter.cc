// Filter years: digits folded, then either a Gregorian year or an era name (or initial) and its year.
#include "search/year_filter.h"

#include <array>
#include <string>

#include "text/japanese_numbers.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

bool in_range(long y) { return y >= 1868 && y <= 2100; }

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// 平成29年3月21日 → "29": the year part after the era, up to 年 or a separator.
std::string year_part(std::string_view rest) {
  static constexpr std::array<std::string_view, 5> kEnds = {"年", "-", "/", ".", "・"};
  std::size_t cut = rest.size();
  for (auto end : kEnds) cut = std::min(cut, rest.find(end));
  return std::string(rest.substr(0, cut));
}

}  // namespace

std::optional<std::pair<int, int>> parse_filter_years(std::string_view input) {
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
    const auto y = parse_filter_year(s);
    return y ? std::optional<std::pair<int, int>>({*y, *y}) : std::nullopt;
  }
  const std::string from = s.substr(0, cut), to = s.substr(cut + width);
  if (from.empty() && to.empty()) return std::nullopt;
  const auto a = from.empty() ? std::optional<int>(0) : parse_filter_year(from);
  const auto b = to.empty() ? std::optional<int>(0) : parse_filter_year(to);
  if (!a || !b) return std::nullopt;
  if (*a && *b && *a > *b) return std::pair<int, int>{*b, *a};
  return std::pair<int, int>{*a, *b};
}

std::optional<int> parse_filter_year(std::string_view input) {
  const std::string s = utf8::remove_spaces(fold_digits(normalize_nfkc(input)));
  if (s.empty() || s.size() > 64) return std::nullopt;

  // 2019, 2019年, 2019-10-09, 2019/10/9
  if (s.size() >= 4 && is_ascii_digit(s[0]) && is_ascii_digit(s[1]) && is_ascii_digit(s[2]) && is_ascii_digit(s[3]) &&
      (s.size() == 4 || !is_ascii_digit(s[4]))) {
    const std::string rest = s.substr(4);
    if (!rest.empty() && rest != "年" && rest[0] != '-' && rest[0] != '/' && rest.rfind("年", 0) != 0)
      return std::nullopt;
    const long y = std::stol(s.substr(0, 4));
    return in_range(y) ? std::optional<int>(static_cast<int>(y)) : std::nullopt;
  }

  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kEras = {{
      {"明治", "明治"}, {"大正", "大正"}, {"昭和", "昭和"}, {"平成", "平成"}, {"令和", "令和"},
      {"m", "明治"}, {"t", "大正"}, {"s", "昭和"}, {"h", "平成"}, {"r", "令和"},
  }};
  std::string lower = s;
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (const auto& [prefix, era] : kEras) {
    if (lower.rfind(prefix, 0) != 0) continue;
    const auto n = parse_japanese_number(year_part(std::string_view(lower).substr(prefix.size())));
    if (!n || *n < 1 || *n > 99) return std::nullopt;
    const auto y = era_to_gregorian(era, static_cast<int>(*n));
    return y && in_range(*y) ? y : std::nullopt;
  }
  return std::nullopt;
}

YearBounds parse_year_bounds(std::string_view from, std::string_view to, std::string_view range) {
  YearBounds bounds;
  struct Bound {
    std::string_view text;
    int* target;
    YearInput input;
  };
  for (const Bound& b : {Bound{from, &bounds.from, YearInput::From}, Bound{to, &bounds.to, YearInput::To}}) {
    const auto [text, target, input] = b;
    if (text.empty()) continue;
    const auto year = parse_filter_year(text);
    if (!year)
      throw YearFilterError(input, "«" + std::string(text) + "» is not a year: write 2019, 平成29, 平成二十九年, 令和元年 or H29");
    *target = *year;
  }
  if (!range.empty()) {
    const auto years = parse_filter_years(range);
    if (!years)
      throw YearFilterError(YearInput::Range, "«" + std::string(range) + "» is not a year range: write 2017..2020, 平成29..令和2 or H29..");
    if (years->first) bounds.from = years->first;
    if (years->second) bounds.to = years->second;
  }
  if (bounds.from && bounds.to && bounds.from > bounds.to) std::swap(bounds.from, bounds.to);
  return bounds;
}

}  // namespace tsubo
