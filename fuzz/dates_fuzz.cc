// Fuzzes the date parsers: search filters (search/date_filter.cc), dates in text, Japanese numbers, eras,
// article numbers (text/japanese_numbers.cc) and case numbers (text/case_numbers.cc).
#include <string>

#include "fuzz/fuzz_support.h"
#include "search/date_filter.h"
#include "text/case_numbers.h"
#include "text/japanese_numbers.h"

namespace {

void check_date(const tsubo::FilterDate& d, std::string_view input) {
  if (d.first_day() > d.last_day()) tsubo::fuzz::fail("date covers no day: " + std::string(input));
  if (d.year < 1868 || d.year > 2100) tsubo::fuzz::fail("date outside 1868-2100: " + std::string(input));
}

// Line n (from 0) of s; empty past the last.
std::string_view line(std::string_view s, int n) {
  for (; n > 0; --n) {
    const std::size_t nl = s.find('\n');
    if (nl == std::string_view::npos) return {};
    s.remove_prefix(nl + 1);
  }
  return s.substr(0, s.find('\n'));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = tsubo::fuzz::as_text(data, size);
  if (const auto d = tsubo::parse_filter_date(text)) check_date(*d, text);
  if (const auto r = tsubo::parse_filter_range(text); r && r->from && r->to && r->from > r->to)
    tsubo::fuzz::fail("range out of order: " + std::string(text));
  // from, to and dates= as three lines.
  try {
    const tsubo::DateBounds bounds = tsubo::parse_date_bounds(line(text, 0), line(text, 1), line(text, 2));
    if (bounds.from && bounds.to && bounds.from > bounds.to) tsubo::fuzz::fail("bounds out of order: " + std::string(text));
  } catch (const tsubo::DateFilterError&) {
  }
  try {
    tsubo::parse_day(text);
  } catch (const tsubo::DateFilterError&) {
  }
  tsubo::find_japanese_date(text);
  if (const auto n = tsubo::parse_japanese_number(text); n && (*n < 0 || *n > tsubo::kMaxJapaneseNumber))
    tsubo::fuzz::fail("number out of range: " + std::string(text));
  tsubo::parse_article_number(text);
  tsubo::era_to_gregorian(line(text, 0), static_cast<int>(size));
  tsubo::compact_date(text);
  tsubo::written_case_number(text);
  return 0;
}
