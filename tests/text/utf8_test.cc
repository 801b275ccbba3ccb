// The UTF-8 helpers every parser leans on: broken bytes never stall a walk, code points round-trip.
#include "text/utf8.h"

#include <gtest/gtest.h>

namespace tsubo {
namespace {

TEST(Utf8, CodePointsRoundTrip) {
  const std::string text = "第２条（定義）𠮷";
  const std::u32string cps = utf8::to_u32(text);
  EXPECT_EQ(cps, U"第２条（定義）𠮷");
  EXPECT_EQ(utf8::from_u32(cps), text);
  EXPECT_EQ(utf8::length(text), cps.size());
}

TEST(Utf8, BrokenBytesBecomeReplacementCharacters) {
  const std::string broken = std::string("秘") + "\xff" + "\xe5\xaf";  // a stray byte, then a cut sequence
  const std::u32string cps = utf8::to_u32(broken);
  ASSERT_GE(cps.size(), 3u);
  EXPECT_EQ(cps[0], U'秘');
  EXPECT_EQ(cps[1], U'\uFFFD');
  EXPECT_TRUE(utf8::valid(utf8::from_u32(cps)));
  EXPECT_FALSE(utf8::valid(broken));
  EXPECT_TRUE(utf8::valid(utf8::sanitize(broken)));
}

TEST(Utf8, SpacesIncludeTheIdeographicSpace) {
  EXPECT_EQ(utf8::trim("\u3000 営業秘密\t\u3000"), "営業秘密");
  EXPECT_EQ(utf8::remove_spaces("営業 秘密\u3000管理"), "営業秘密管理");
}

}  // namespace
}  // namespace tsubo
