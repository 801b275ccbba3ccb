// Helpers shared by tests: fixture paths, the shared corpus location, temporary folders.
#pragma once

#include <string>

namespace tsubo::testing {

// Path of a file under tests/fixtures.
std::string fixture_path(const std::string& name);
// Whole contents of a fixture file.
std::string read_fixture(const std::string& name);

// The shared corpus folder: $TSUBO_CORPUS, else ../shared/corpus beside the checkout.
// Empty when it is missing; under CI=true a missing corpus is a test failure (see corpus_or_skip).
std::string shared_corpus();

// The tsubo program built beside these tests (TSUBO_BINARY below, for the integration tests).
std::string tsubo_binary();

// A fresh empty temporary folder, removed when the test program exits.
std::string temp_dir(const std::string& label);

// A loopback port nothing listens on now (the kernel's choice for port 0); 0 when none was given.
int free_port();

}  // namespace tsubo::testing

#define TSUBO_BINARY (::tsubo::testing::tsubo_binary())

// Skips the test when the shared corpus is missing locally, fails it under CI=true.
#define TSUBO_REQUIRE_CORPUS(var)                                                              \
  const std::string var = ::tsubo::testing::shared_corpus();                                   \
  if (var.empty()) {                                                                           \
    const char* ci = std::getenv("CI");                                                        \
    if (ci && std::string(ci) == "true") FAIL() << "shared corpus missing (../shared/corpus or TSUBO_CORPUS)"; \
    GTEST_SKIP() << "shared corpus missing (../shared/corpus or TSUBO_CORPUS)";                \
  }
