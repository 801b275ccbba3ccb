// Fixture and corpus locations for the test suite.
#include "test_support.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace fs = std::filesystem;

namespace tsubo::testing {

std::string fixture_path(const std::string& name) { return std::string(TSUBO_FIXTURES) + "/" + name; }

std::string tsubo_binary() { return TSUBO_BINARY_PATH; }

std::string read_fixture(const std::string& name) {
  std::ifstream in(fixture_path(name), std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string shared_corpus() {
  if (const char* env = std::getenv("TSUBO_CORPUS"); env && *env) return fs::is_directory(env) ? env : "";
  const fs::path beside = fs::path(TSUBO_SOURCE_DIR).parent_path() / "shared" / "corpus";
  return fs::is_directory(beside) ? beside.string() : "";
}

namespace {
struct TempDirs {
  std::vector<fs::path> dirs;
  ~TempDirs() {
    std::error_code ec;
    for (const auto& d : dirs) fs::remove_all(d, ec);
  }
};
TempDirs& temp_dirs() {
  static TempDirs t;
  return t;
}
}  // namespace

std::string temp_dir(const std::string& label) {
  std::string pattern = (fs::temp_directory_path() / ("tsubo-" + label + "-XXXXXX")).string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  temp_dirs().dirs.emplace_back(pattern);
  return pattern;
}

int free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 0;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof addr;
  const bool ok = bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
                  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size) == 0;
  close(fd);
  return ok ? ntohs(addr.sin_port) : 0;
}

}  // namespace tsubo::testing
