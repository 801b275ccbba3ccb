// TSUBO_TEST_KILL_AT, read once.
#include "indexer/kill_points.h"

#include <atomic>
#include <cstdlib>
#include <string>

#include <signal.h>
#include <unistd.h>

namespace tsubo {
namespace {

struct KillAt {
  std::string name;
  long nth = 1;
  int signal = SIGKILL;  // TSUBO_TEST_KILL_SIGNAL=15: a SIGTERM instead, an exit tsubo controls
  std::atomic<long> seen{0};
  KillAt() {
    const char* env = std::getenv("TSUBO_TEST_KILL_AT");
    if (!env || !*env) return;
    name = env;
    if (const std::size_t colon = name.find(':'); colon != std::string::npos) {
      nth = std::strtol(name.c_str() + colon + 1, nullptr, 10);
      name.resize(colon);
    }
    if (const char* sig = std::getenv("TSUBO_TEST_KILL_SIGNAL"); sig && *sig) signal = std::atoi(sig);
  }
};

}  // namespace

void kill_point(const char* name) {
  static KillAt at;
  if (at.name.empty() || at.name != name) return;
  if (++at.seen == at.nth) ::kill(::getpid(), at.signal);
}

}  // namespace tsubo
