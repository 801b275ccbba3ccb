// Runs the tsubo binary for the command-line tests.
#include "cli/run_tsubo.h"

#include <signal.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "test_support.h"

namespace tsubo::testing {

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

TsuboRun run_tsubo(const std::string& args) {
  static const std::string err_dir = temp_dir("cli-stderr");
  static int runs = 0;
  const std::string err_path = err_dir + "/" + std::to_string(++runs);
  TsuboRun r;
  const std::string command = shell_quote(TSUBO_BINARY) + " " + args + " 2>" + shell_quote(err_path);
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::array<char, 65536> buf;
  for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0;) r.out.append(buf.data(), n);
  const int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_path, std::ios::binary);
  std::stringstream ss;
  ss << err.rdbuf();
  r.err = ss.str();
  return r;
}

const std::string& web_corpus_db() {
  static const std::string db = [] {
    const std::string path = temp_dir("cli-db") + "/index";
    const TsuboRun r = run_tsubo("index -q --db " + shell_quote(path) + " " + shell_quote(fixture_path("web-corpus")));
    if (r.status != 0) throw std::runtime_error("indexing tests/fixtures/web-corpus failed: " + r.out + r.err);
    return path;
  }();
  return db;
}

ServeProcess::ServeProcess(const std::string& args) {
  // The shell prints its pid, then becomes tsubo: that pid is the server's.
  const std::string command = "echo $$; exec " + shell_quote(TSUBO_BINARY) + " serve " + args + " 2>&1";
  pipe_ = popen(command.c_str(), "r");
  char line[4096];
  if (pipe_ && std::fgets(line, sizeof line, pipe_)) pid_ = std::stoi(line);
  if (pipe_ && std::fgets(line, sizeof line, pipe_)) first_line_ = line;
}

ServeProcess::~ServeProcess() {
  if (pid_ > 0) kill(pid_, SIGTERM);
  if (pipe_) pclose(pipe_);
}

}  // namespace tsubo::testing
