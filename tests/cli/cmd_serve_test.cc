// tsubo serve as a user starts it: a second server on a port already taken must not start.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <string>

#include "cli/run_tsubo.h"
#include "test_support.h"

namespace tsubo::testing {
namespace {

// Two tsubo serve on one port both started (httplib sets SO_REUSEPORT) and took turns answering
// from two databases.
TEST(CmdServe, ASecondServerOnATakenPortExitsWithTheReason) {
  const int port = free_port();
  ASSERT_GT(port, 0);
  const std::string args = "--db " + shell_quote(web_corpus_db()) + " --web '' --threads 2 --port " + std::to_string(port);
  const ServeProcess first(args);
  ASSERT_EQ(first.first_line(), "tsubo serving " + web_corpus_db() + " at http://127.0.0.1:" + std::to_string(port) + "/\n");

  // `timeout`: without the fix the second server runs until killed.
  const std::string command = "timeout 20 " + shell_quote(TSUBO_BINARY) + " serve " + args + " 2>&1";
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  const int status = pclose(pipe);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1) << out;
  EXPECT_NE(out.find("[serve] cannot listen on 127.0.0.1:" + std::to_string(port) + ": address already in use"),
            std::string::npos)
      << out;
  EXPECT_EQ(out.find("tsubo serving"), std::string::npos) << out;
}

}  // namespace
}  // namespace tsubo::testing
