// Named moments of an indexing run where the kill -9 tests stop it (tests/indexer/index_kill_test.cc).
#pragma once

namespace tsubo {

// With TSUBO_TEST_KILL_AT=<name>[:<n>] in the environment, the process sends itself SIGKILL the n-th
// time (default: the first) it reaches kill_point(<name>); TSUBO_TEST_KILL_SIGNAL=<number> sends that
// signal instead. For tests only; unset, it does nothing.
void kill_point(const char* name);

}  // namespace tsubo
