// Kanji numerals, era years and dates: the number formats of Japanese legal text.
#include "text/japanese_numbers.h"

#include <array>
#include <cstdio>
#include <utility>
#include <vector>

#include "text/utf8.h"

namespace tsubo {
namespace {

int digit_value(char32_t cp) {
  if (cp >= U'0' && cp <= U'9') return static_cast<int>(cp - U'0');
  if (cp >= U'０' && cp <= U'９') return static_cast<int>(cp - U'０');
  switch (cp) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

long unit_value(char32_t cp) {
  switch (cp) {
    case U'十': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    default: return 0;
  }
}

std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  std::size_t i = 0;
  while (i < s.size()) out.push_back(utf8::next(s, i));
  return out;
}

}  // namespace

std::string fold_digits(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t at = i;
    const char32_t cp = utf8::next(s, i);
    if (cp >= U'０' && cp <= U'９')
      out += static_cast<char>('0' + (cp - U'０'));
    else
      out.append(s.substr(at, i - at));
  }
  return out;
}

std::optional<long> parse_japanese_number(std::string_view s) {
  const auto cps = code_points(s);
  if (cps.empty()) return std::nullopt;
  if (cps.size() == 1 && cps[0] == U'元') return 1;
  bool has_unit = false;
  for (char32_t cp : cps) {
    if (unit_value(cp) || cp == U'万') has_unit = true;
    else if (digit_value(cp) < 0) return std::nullopt;
  }
  // Every step stays at most kMaxJapaneseNumber before it is multiplied (by 10, 1000 or 10000), so
  // nothing overflows: a 26-digit article= was signed overflow, undefined behaviour.
  if (!has_unit) {  // a digit string: 二四, 2013, １０
    long v = 0;
    for (char32_t cp : cps) {
      v = v * 10 + digit_value(cp);
      if (v > kMaxJapaneseNumber) return std::nullopt;
    }
    return v;
  }
  // Positional kanji: 千二百三十四, 二万五千, 十一.
  long total = 0, section = 0, digit = -1;
  for (char32_t cp : cps) {
    if (cp == U'万') {
      section += (digit < 0 ? 0 : digit);
      if (section > kMaxJapaneseNumber / 10000) return std::nullopt;
      total += (section == 0 ? 1 : section) * 10000;
      section = 0;
      digit = -1;
    } else if (long u = unit_value(cp)) {
      section += (digit < 0 ? 1 : digit) * u;
      digit = -1;
    } else {
      const int d = digit_value(cp);
      digit = (digit < 0 ? 0 : digit * 10) + d;
    }
    if (total > kMaxJapaneseNumber || section > kMaxJapaneseNumber || digit > kMaxJapaneseNumber) return std::nullopt;
  }
  const long value = total + section + (digit < 0 ? 0 : digit);
  if (value > kMaxJapaneseNumber) return std::nullopt;
  return value;
}

std::optional<int> era_to_gregorian(std::string_view era, int year_of_era) {
  static const std::array<std::pair<std::string_view, int>, 10> kEras = {{
      {"明治", 1867}, {"大正", 1911}, {"昭和", 1925}, {"平成", 1988}, {"令和", 2018},
      {"Meiji", 1867}, {"Taisho", 1911}, {"Showa", 1925}, {"Heisei", 1988}, {"Reiwa", 2018},
  }};
  if (year_of_era < 1) return std::nullopt;
  for (const auto& [name, base] : kEras)
    if (name == era) return base + year_of_era;
  return std::nullopt;
}

std::optional<std::string> find_japanese_date(std::string_view s) {
  const auto cps = code_points(s);
  auto read_number = [&](std::size_t& k) -> std::optional<long> {
    std::string digits;
    while (k < cps.size() && utf8::is_space(cps[k])) ++k;
    while (k < cps.size() && (digit_value(cps[k]) >= 0 || unit_value(cps[k]) || cps[k] == U'元' ||
                              (utf8::is_space(cps[k]) && !digits.empty()))) {
      if (!utf8::is_space(cps[k])) utf8::append(digits, cps[k]);
      ++k;
    }
    return parse_japanese_number(digits);
  };
  for (std::size_t start = 0; start < cps.size(); ++start) {
    std::size_t k = start;
    std::optional<int> year;
    std::string era;
    if (k + 1 < cps.size()) {
      utf8::append(era, cps[k]);
      utf8::append(era, cps[k + 1]);
    }
    if (era_to_gregorian(era, 1)) {
      k += 2;
      auto y = read_number(k);
      if (!y || *y < 1 || *y > 99) continue;
      year = era_to_gregorian(era, static_cast<int>(*y));
    } else if (digit_value(cps[k]) >= 0 && (start == 0 || digit_value(cps[start - 1]) < 0)) {
      std::size_t k2 = k;
      while (k2 < cps.size() && digit_value(cps[k2]) >= 0 && unit_value(cps[k2]) == 0) ++k2;
      if (k2 - k != 4) continue;
      std::string digits;
      for (std::size_t j = k; j < k2; ++j) utf8::append(digits, cps[j]);
      auto y = parse_japanese_number(digits);
      if (!y || *y < 1868 || *y > 2100) continue;
      year = static_cast<int>(*y);
      k = k2;
    } else {
      continue;
    }
    while (k < cps.size() && utf8::is_space(cps[k])) ++k;
    if (k >= cps.size() || cps[k] != U'年') continue;
    ++k;
    auto month = read_number(k);
    if (!month || k >= cps.size() || cps[k] != U'月') continue;
    ++k;
    auto day = read_number(k);
    if (!day || k >= cps.size() || cps[k] != U'日') continue;
    if (*month < 1 || *month > 12 || *day < 1 || *day > 31) continue;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02ld-%02ld", *year, *month, *day);
    return std::string(buf);
  }
  return std::nullopt;
}

std::optional<std::string> parse_article_number(std::string_view s) {
  const std::string t = utf8::trim(s);
  const auto cps = code_points(t);
  if (cps.size() < 3 || cps[0] != U'第') return std::nullopt;
  std::size_t k = 1;
  std::string number;
  while (k < cps.size() && cps[k] != U'条') utf8::append(number, cps[k++]);
  if (k >= cps.size()) return std::nullopt;
  auto main = parse_japanese_number(number);
  if (!main) return std::nullopt;
  std::string out = std::to_string(*main);
  ++k;  // past 条
  while (k < cps.size() && cps[k] == U'の') {
    ++k;
    std::string sub;
    while (k < cps.size() && cps[k] != U'の' && !utf8::is_space(cps[k])) utf8::append(sub, cps[k++]);
    auto v = parse_japanese_number(sub);
    if (!v) return std::nullopt;
    out += "の" + std::to_string(*v);
  }
  while (k < cps.size() && utf8::is_space(cps[k])) ++k;
  if (k != cps.size()) return std::nullopt;
  return out;
}

std::string compact_date(std::string_view iso) {
  std::string digits;
  for (char c : iso)
    if (c >= '0' && c <= '9') digits += c;
  return digits.size() == 8 ? digits : std::string();
}

}  // namespace tsubo
