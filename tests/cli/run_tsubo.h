// Running the real tsubo binary from tests: exit status, stdout and stderr apart, and a small
// database built once from tests/fixtures/web-corpus.
#pragma once

#include <string>

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

}  // namespace tsubo::testing
