// The result cache: hits by fingerprint and request, least recently used evicted by count and bytes.
#include "search/response_cache.h"

#include <gtest/gtest.h>

namespace tsubo {
namespace {

std::shared_ptr<const std::string> body(std::size_t bytes, char c = 'x') {
  return std::make_shared<const std::string>(bytes, c);
}

TEST(ResponseCache, AHitIsTheStoredBodyForTheSameRevisionOnly) {
  ResponseCache cache(10, 1 << 20);
  cache.insert("rev1", "q=秘密管理性", body(100, 'a'));
  const auto hit = cache.find("rev1", "q=秘密管理性");
  ASSERT_TRUE(hit);
  EXPECT_EQ(*hit, std::string(100, 'a'));
  EXPECT_FALSE(cache.find("rev2", "q=秘密管理性"));  // re-indexed: a different fingerprint misses
  EXPECT_FALSE(cache.find("rev1", "q=営業秘密"));
}

TEST(ResponseCache, LeastRecentlyUsedGoesFirstWhenFull) {
  ResponseCache cache(2, 1 << 20);
  cache.insert("r", "a", body(10));
  cache.insert("r", "b", body(10));
  ASSERT_TRUE(cache.find("r", "a"));  // a is now the most recent
  cache.insert("r", "c", body(10));
  EXPECT_TRUE(cache.find("r", "a"));
  EXPECT_FALSE(cache.find("r", "b"));
  EXPECT_TRUE(cache.find("r", "c"));
  EXPECT_EQ(cache.entries(), 2u);
}

TEST(ResponseCache, BytesAreBounded) {
  ResponseCache cache(100, 1000);
  for (int i = 0; i < 10; ++i) cache.insert("r", std::to_string(i), body(300));
  EXPECT_LE(cache.bytes(), 1000u);
  EXPECT_TRUE(cache.find("r", "9"));
  EXPECT_FALSE(cache.find("r", "0"));
  cache.insert("r", "huge", body(5000));  // bigger than the whole budget: not kept, nothing evicted for it
  EXPECT_FALSE(cache.find("r", "huge"));
  EXPECT_TRUE(cache.find("r", "9"));
}

TEST(ResponseCache, StoringTheSameKeyAgainReplacesIt) {
  ResponseCache cache(10, 1 << 20);
  cache.insert("r", "a", body(10, 'a'));
  cache.insert("r", "a", body(20, 'b'));
  EXPECT_EQ(cache.entries(), 1u);
  EXPECT_EQ(*cache.find("r", "a"), std::string(20, 'b'));
}

TEST(ResponseCache, ZeroSizeDisablesIt) {
  ResponseCache cache(0, 0);
  EXPECT_FALSE(cache.enabled());
  cache.insert("r", "a", body(10));
  EXPECT_FALSE(cache.find("r", "a"));
}

}  // namespace
}  // namespace tsubo
