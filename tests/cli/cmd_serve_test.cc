// tsubo serve as a user starts it: a second server on a port already taken must not start.
#include <gtest/gtest.h>

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>

#include "cli/run_tsubo.h"
#include "test_support.h"

namespace tsubo::testing {
namespace {

// A port nothing listens on now (the kernel's choice for port 0).
int free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof addr;
  const bool ok = bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
                  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size) == 0;
  close(fd);
  return ok ? ntohs(addr.sin_port) : 0;
}

// `tsubo serve` in the background until the test ends; started() once it printed its address.
class Server {
 public:
  explicit Server(const std::string& args) {
    // The shell prints its pid, then becomes tsubo: that pid is the server's.
    const std::string command = "echo $$; exec " + shell_quote(TSUBO_BINARY) + " serve " + args + " 2>&1";
    pipe_ = popen(command.c_str(), "r");
    char line[4096];
    if (pipe_ && std::fgets(line, sizeof line, pipe_)) pid_ = std::stoi(line);
    if (pipe_ && std::fgets(line, sizeof line, pipe_)) first_line_ = line;
  }
  ~Server() {
    if (pid_ > 0) kill(pid_, SIGTERM);
    if (pipe_) pclose(pipe_);
  }
  const std::string& first_line() const { return first_line_; }

 private:
  FILE* pipe_ = nullptr;
  pid_t pid_ = 0;
  std::string first_line_;
};

// Two tsubo serve on one port both started (httplib sets SO_REUSEPORT) and took turns answering
// from two databases.
TEST(CmdServe, ASecondServerOnATakenPortExitsWithTheReason) {
  const int port = free_port();
  ASSERT_GT(port, 0);
  const std::string args = "--db " + shell_quote(web_corpus_db()) + " --web '' --threads 2 --port " + std::to_string(port);
  const Server first(args);
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
