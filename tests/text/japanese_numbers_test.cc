// Kanji numerals, eras and dates as written in statutes and rulings.
#include "text/japanese_numbers.h"

#include <gtest/gtest.h>

namespace tsubo {

TEST(JapaneseNumbers, PositionalKanji) {
  EXPECT_EQ(parse_japanese_number("二十四"), 24);
  EXPECT_EQ(parse_japanese_number("十一"), 11);
  EXPECT_EQ(parse_japanese_number("百五"), 105);
  EXPECT_EQ(parse_japanese_number("千二百三十四"), 1234);
  EXPECT_EQ(parse_japanese_number("二万五千"), 25000);
}

TEST(JapaneseNumbers, DigitStringsAndWidths) {
  EXPECT_EQ(parse_japanese_number("二四"), 24);
  EXPECT_EQ(parse_japanese_number("１０"), 10);
  EXPECT_EQ(parse_japanese_number("2013"), 2013);
  EXPECT_EQ(parse_japanese_number("元"), 1);
  EXPECT_FALSE(parse_japanese_number("").has_value());
  EXPECT_FALSE(parse_japanese_number("条").has_value());
  EXPECT_EQ(fold_digits("２条６項"), "2条6項");
}

TEST(JapaneseNumbers, EraToGregorian) {
  EXPECT_EQ(era_to_gregorian("令和", 1), 2019);
  EXPECT_EQ(era_to_gregorian("平成", 31), 2019);
  EXPECT_EQ(era_to_gregorian("Heisei", 29), 2017);
  EXPECT_EQ(era_to_gregorian("昭和", 64), 1989);
  EXPECT_FALSE(era_to_gregorian("天保", 3).has_value());
}

TEST(JapaneseNumbers, FindsDatesInRulingHeaders) {
  EXPECT_EQ(find_japanese_date("令和元年１０月９日判決言渡"), "2019-10-09");
  EXPECT_EQ(find_japanese_date("平成２８年（う）第９７４号\n平成２９年３月２１日  東京高等裁判所"), "2017-03-21");
  EXPECT_EQ(find_japanese_date("（平成五年五月十九日法律第四十七号）"), "1993-05-19");
  EXPECT_EQ(find_japanese_date("2020年 7月21日"), "2020-07-21");
  EXPECT_FALSE(find_japanese_date("平成２８年（う）第９７４号").has_value());
  EXPECT_FALSE(find_japanese_date("平成29年13月1日").has_value());
}

TEST(JapaneseNumbers, ArticleNumbers) {
  EXPECT_EQ(parse_article_number("第二条"), "2");
  EXPECT_EQ(parse_article_number("第十九条の二"), "19の2");
  EXPECT_EQ(parse_article_number("第二百三十条の二の三"), "230の2の3");
  EXPECT_EQ(parse_article_number("第２条"), "2");
  EXPECT_FALSE(parse_article_number("第一章　総則").has_value());
  EXPECT_FALSE(parse_article_number("第二条第六項").has_value());
}

// article=99999999999999999999999999 and --article 第九九…条 (26 digits): UBSan signed overflow.
TEST(JapaneseNumbers, NumbersTooLargeAreRefusedNotOverflowed) {
  std::string nines, kanji_nines;
  for (int i = 0; i < 26; ++i) {
    nines += "9";
    kanji_nines += "九";
  }
  EXPECT_FALSE(parse_japanese_number(nines).has_value());
  EXPECT_FALSE(parse_japanese_number(kanji_nines).has_value());
  EXPECT_FALSE(parse_article_number("第" + kanji_nines + "条").has_value());
  EXPECT_FALSE(parse_japanese_number(kanji_nines + "千").has_value());
  EXPECT_FALSE(parse_japanese_number(nines + "万").has_value());
  EXPECT_EQ(parse_japanese_number("999999999999999"), kMaxJapaneseNumber);
  EXPECT_FALSE(parse_japanese_number("1000000000000000").has_value());
  EXPECT_EQ(parse_japanese_number("九千九百九十九万"), 99990000);
}

}  // namespace tsubo
