// tsubo token: a new token with its digest, and the digest of a given token, as --config wants it.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "cli/run_tsubo.h"
#include "search/token_hash.h"
#include "test_support.h"

namespace tsubo::testing {
namespace {

TEST(CmdToken, PrintsANewTokenAndTheDigestThatHashMakesOfIt) {
  const TsuboRun made = run_tsubo("token");
  ASSERT_EQ(made.status, 0) << made.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(made.out, m, std::regex("token:  ([0-9a-f]{64}).*\nsha256: ([0-9a-f]{64})"))) << made.out;
  const std::string token = m[1], digest = m[2];
  EXPECT_EQ(sha256_hex(token), digest);
  const std::string file = temp_dir("token") + "/token.txt";
  std::ofstream(file) << token << "\n";
  const TsuboRun hashed = run_tsubo("token --hash < " + shell_quote(file));
  EXPECT_EQ(hashed.out, digest + "\n");
  EXPECT_NE(run_tsubo("token").out, made.out);
  const TsuboRun empty = run_tsubo("token --hash < /dev/null");
  EXPECT_EQ(empty.status, 1);
  EXPECT_NE(empty.err.find("[token] no token on standard input"), std::string::npos);
}

}  // namespace
}  // namespace tsubo::testing
