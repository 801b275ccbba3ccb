// The best statute and guidance passages move up to a fixed rank; nothing else changes order.
#include "search/type_mix.h"

#include <gtest/gtest.h>

namespace tsubo {
namespace {

using Order = std::vector<std::size_t>;

std::vector<RankedEntry> rulings(std::size_t n, double top = 30) {
  std::vector<RankedEntry> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back({"ruling", top - static_cast<double>(i)});
  return out;
}

TEST(TypeMix, BestStatuteInTheRankingMovesUpToItsRank) {
  auto entries = rulings(8);
  entries[6] = {"statute", 24};
  EXPECT_EQ(mix_types(entries, entries.size(), TypeMix{}), (Order{0, 1, 2, 3, 6, 4, 5, 7}));
}

TEST(TypeMix, ATypeAlreadyShownEarlyStaysWhereItIs) {
  auto entries = rulings(8);
  entries[2] = {"statute", 28};
  entries[7] = {"statute", 23};  // a second statute is not promoted
  EXPECT_EQ(mix_types(entries, entries.size(), TypeMix{}), (Order{0, 1, 2, 3, 4, 5, 6, 7}));
  EXPECT_EQ(types_missing(entries, TypeMix{}), (std::vector<std::string>{"guidance"}));
}

TEST(TypeMix, ExtraEntriesFromFilteredSearchesAreInsertedByScore) {
  auto entries = rulings(6);
  entries.push_back({"guidance", 12});  // found outside the ranking
  entries.push_back({"statute", 15});
  EXPECT_EQ(mix_types(entries, 6, TypeMix{}), (Order{0, 1, 2, 3, 7, 6, 4, 5}));
}

TEST(TypeMix, WeakPassagesAreNotPromoted) {
  auto entries = rulings(6);
  entries.push_back({"statute", 5});  // under a fifth of the top score 30
  EXPECT_EQ(mix_types(entries, 6, TypeMix{}), (Order{0, 1, 2, 3, 4, 5}));
}

TEST(TypeMix, ShortListsAndSwitchingOff) {
  std::vector<RankedEntry> entries = {{"ruling", 10}, {"statute", 9}};
  EXPECT_EQ(mix_types(entries, 2, TypeMix{}), (Order{0, 1}));
  entries = {{"ruling", 10}, {"ruling", 9}, {"guidance", 8}};
  TypeMix first{};
  first.by_rank = 1;  // the promoted passage leads
  EXPECT_EQ(mix_types(entries, 3, first), (Order{2, 0, 1}));
  TypeMix off{};
  off.by_rank = 0;
  EXPECT_EQ(mix_types(entries, 3, off), (Order{0, 1, 2}));
  EXPECT_TRUE(types_missing(entries, off).empty());
  EXPECT_TRUE(mix_types({}, 0, TypeMix{}).empty());
  // An extra entry with an empty ranking is not shown: there is no top hit to place it beside.
  EXPECT_TRUE(mix_types({{"statute", 3}}, 0, TypeMix{}).empty());
}

}  // namespace
}  // namespace tsubo
