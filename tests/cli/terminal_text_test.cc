// Echoing input safely: control characters escaped, long input cut with its length.
#include "cli/terminal_text.h"

#include <gtest/gtest.h>

#include <string>

namespace tsubo::cli {
namespace {

TEST(TerminalText, ControlCharactersAreEscaped) {
  EXPECT_EQ(escape_controls("\x1b[31m営業秘密\x07"), "\\x1b[31m営業秘密\\x07");
  EXPECT_EQ(escape_controls("a\tb\nc\x7f"), "a\\x09b\\x0ac\\x7f");
  EXPECT_EQ(escape_controls("a\tb\nc", true), "a\tb\nc");
  EXPECT_EQ(escape_controls("\xc2\x9b" "2J"), "\\u009b2J");  // C1 CSI
  EXPECT_EQ(escape_controls("\xe5\x96"), "\\xe5\\x96");       // a cut UTF-8 character
  EXPECT_EQ(escape_controls("秘密\xEF\xBF\xBD"), "秘密\xEF\xBF\xBD");  // U+FFFD itself stays
}

TEST(TerminalText, LongInputIsCutWithItsLength) {
  EXPECT_EQ(echoed("営業秘密"), "«営業秘密»");
  std::string long_query;
  for (int i = 0; i < 8500; ++i) long_query += "営業秘密";
  const std::string e = echoed(long_query);
  std::string first100;
  for (int i = 0; i < 25; ++i) first100 += "営業秘密";
  EXPECT_EQ(e, "«" + first100 + "…» (102000 bytes)");
  EXPECT_EQ(echoed(std::string(100, 'a')), "«" + std::string(100, 'a') + "»");
}

TEST(TerminalText, MessagesKeepTheirLinesAndShortenWhatTheyQuote) {
  EXPECT_EQ(printable("[search] unknown type «\x1b[2J»: use statute\nnext line"),
            "[search] unknown type «\\x1b[2J»: use statute\nnext line");
  EXPECT_EQ(printable("[search] «" + std::string(5000, 'x') + "» is not an article number"),
            "[search] «" + std::string(100, 'x') + "…» (5000 bytes) is not an article number");
  EXPECT_EQ(printable("no quotes \x1b here"), "no quotes \\x1b here");
}

}  // namespace
}  // namespace tsubo::cli
