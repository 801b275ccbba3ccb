// Japanese numerals, eras and dates as they appear in statutes and rulings.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tsubo {

// Full-width digits ０-９ become ASCII; everything else is copied.
std::string fold_digits(std::string_view s);

// The largest number parse_japanese_number reads (15 digits; article, case and year numbers have
// at most 5): larger ones are refused, never overflowed.
inline constexpr long kMaxJapaneseNumber = 999'999'999'999'999;

// Value of a number written in kanji (二十四, 百五, 千二百, 〇), in kanji digit strings
// (二四 as in 平成二四年), in ASCII or full-width digits, or 元 (= 1, the first year of an era).
// nullopt when s is empty, holds anything else, or its value is over kMaxJapaneseNumber.
std::optional<long> parse_japanese_number(std::string_view s);

// Gregorian year of a year of a Japanese era (明治, 大正, 昭和, 平成, 令和; also the romanised
// Meiji/Taisho/Showa/Heisei/Reiwa of courts.go.jp metadata). nullopt for an unknown era.
std::optional<int> era_to_gregorian(std::string_view era, int year_of_era);

// The first date written in s as 令和元年１０月９日, 平成二十九年三月二十一日 or 2020年7月21日,
// as ISO yyyy-mm-dd; nullopt when there is none or it is impossible (month 13).
std::optional<std::string> find_japanese_date(std::string_view s);

// An ISO date as the eight digits stored and compared in the index: 2019-07-01 → 20190701; empty when
// it does not hold exactly eight digits.
std::string compact_date(std::string_view iso);

// Article number as used in IDs and citations: 第十九条の二 → 19の2, 第２条 → 2, 第二条の二の三 → 2の2の3.
// nullopt when s is not an article heading.
std::optional<std::string> parse_article_number(std::string_view s);

}  // namespace tsubo
