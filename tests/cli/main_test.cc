// The tsubo entry point: a mistyped subcommand is named, with the one meant.
#include <gtest/gtest.h>

#include "cli/run_tsubo.h"

namespace tsubo::testing {
namespace {

TEST(CliMain, AMistypedSubcommandIsNamedWithTheNearestOne) {
  const TsuboRun r = run_tsubo("serach 営業秘密");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "unknown subcommand «serach»; did you mean «search»?\n");
  EXPECT_EQ(run_tsubo("citedby").err, "unknown subcommand «citedby»; did you mean «cited-by»?\n");
  EXPECT_EQ(run_tsubo("indx").err, "unknown subcommand «indx»; did you mean «index»?\n");
}

TEST(CliMain, AWordFarFromEverySubcommandListsThem) {
  const TsuboRun r = run_tsubo("営業秘密");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err.rfind("unknown subcommand «営業秘密»; the subcommands are: index, search, ", 0), 0u) << r.err;
}

TEST(CliMain, ArgumentsCli11RefusesAreEchoedEscaped) {
  const TsuboRun r = run_tsubo("info " + shell_quote("--bogus\x1b[2J"));
  EXPECT_NE(r.status, 0);
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--bogus\\x1b[2J"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace tsubo::testing
