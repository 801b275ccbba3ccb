// Byte counts printed for people, not as 3.9e-05 MB.
#include "text/human_size.h"

#include <gtest/gtest.h>

namespace tsubo {
namespace {

TEST(HumanSize, PicksTheUnitThatReads) {
  EXPECT_EQ(human_size(0), "0 B");
  EXPECT_EQ(human_size(41), "41 B");
  EXPECT_EQ(human_size(999), "999 B");
  EXPECT_EQ(human_size(1000), "1.0 KB");
  EXPECT_EQ(human_size(3900), "3.9 KB");
  EXPECT_EQ(human_size(999960), "1.0 MB");
  EXPECT_EQ(human_size(12.3e6), "12.3 MB");
  EXPECT_EQ(human_size(6892640), "6.9 MB");
  EXPECT_EQ(human_size(1.2e9), "1.2 GB");
  EXPECT_EQ(human_size(-1), "0 B");
}

}  // namespace
}  // namespace tsubo
