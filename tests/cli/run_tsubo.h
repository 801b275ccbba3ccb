// Running the real tsubo binary from tests: exit status, stdout and stderr apart, and a small
// database built once from tests/fixtures/web-corpus.
#pragma once

#include <cstdio>
#include <string>

#include <sys/types.h>

namespace tsubo::testing {

struct TsuboRun {
  int status = -1;  // exit status; -1 when killed by a signal
  std::string out, err;
};

// Runs `tsubo <args>` through the shell (args are shell words: quote them with shell_quote).
TsuboRun run_tsubo(const std::string& args);

// 'text' for the shell, single quotes inside escaped.
std::string shell_quote(const std::string& text);

// A database of tests/fixtures/web-corpus (one statute, two rulings, one guideline), indexed by the
// binary on first use and kept for the rest of the test program.
const std::string& web_corpus_db();

// `tsubo serve <args>` in the background until destroyed (SIGTERM); its first line of output is read
// at once, so a server that started has printed "tsubo serving …".
class ServeProcess {
 public:
  explicit ServeProcess(const std::string& args);
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;
  bool serving() const { return first_line_.rfind("tsubo serving", 0) == 0; }
  const std::string& first_line() const { return first_line_; }

 private:
  FILE* pipe_ = nullptr;
  pid_t pid_ = 0;
  std::string first_line_;
};

}  // namespace tsubo::testing
