// Scratch folders: naming, ownership, removal on signals and after runs that did not finish.
#include "indexer/scratch_folders.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <set>
#include <thread>
#include <vector>

#include <signal.h>
#include <unistd.h>

namespace tsubo {
namespace {

// The kinds of scratch folder a run makes; only these are removed as left-overs of a dead run.
constexpr const char* kKinds[] = {"shards-", "unpack-", "build-", "retired-"};

std::recursive_mutex& registry_mutex() {
  static std::recursive_mutex mu;
  return mu;
}

std::set<std::string>& live_folders() {
  static std::set<std::string> folders;
  return folders;
}

}  // namespace

std::string scratch_path(const std::string& db_path, const std::string& what) {
  const std::filesystem::path db = std::filesystem::absolute(db_path).lexically_normal();
  const std::string name = db.has_filename() ? db.filename().string() : db.parent_path().filename().string();
  const std::filesystem::path parent = db.has_filename() ? db.parent_path() : db.parent_path().parent_path();
  return (parent / ("." + name + "." + what + "-" + std::to_string(::getpid()))).string();
}

ScratchFolder::ScratchFolder(std::string path, bool created) : path_(std::move(path)) {
  {
    std::lock_guard lock(registry_mutex());
    live_folders().insert(path_);
  }
  if (created) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
}

ScratchFolder::~ScratchFolder() {
  std::lock_guard lock(registry_mutex());
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
  live_folders().erase(path_);
}

// Scratch folders of runs on this database that were killed or crashed (.db.shards-<pid> and the
// others, 5–329 MB each) took the space of a full disk for good: removed at the next start when their
// process is gone.
void remove_stale_scratch(const std::string& db_path) {
  const std::filesystem::path probe = scratch_path(db_path, "x");  // .<db name>.x-<pid>
  const std::string name = probe.filename().string();
  const std::string lead = name.substr(0, name.size() - std::string("x-").size() - std::to_string(::getpid()).size());
  std::error_code ec;
  std::vector<std::filesystem::path> entries;
  for (std::filesystem::directory_iterator it(probe.parent_path(), ec), end; !ec && it != end; it.increment(ec))
    entries.push_back(it->path());
  for (const auto& path : entries) {
    const std::string entry = path.filename().string();
    if (entry.rfind(lead, 0) != 0) continue;
    const std::string what = entry.substr(lead.size());
    bool ours = false;
    for (const char* kind : kKinds) ours = ours || what.rfind(kind, 0) == 0;
    if (!ours) continue;
    const std::string pid_text = what.substr(what.rfind('-') + 1);
    if (pid_text.empty() || pid_text.size() > 9 || pid_text.find_first_not_of("0123456789") != std::string::npos) continue;
    const pid_t pid = static_cast<pid_t>(std::stol(pid_text));
    if (pid != ::getpid() && (::kill(pid, 0) == 0 || errno == EPERM)) continue;  // that run still goes on
    std::error_code removed;
    const std::uintmax_t count = std::filesystem::remove_all(path, removed);
    if (!removed && count > 0)
      std::fprintf(stderr, "[index] removed %s, left by an earlier run (process %s) that did not finish\n",
                   path.c_str(), pid_text.c_str());
  }
}

void remove_scratch_on_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  for (const int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&signals, s);
  if (pthread_sigmask(SIG_BLOCK, &signals, nullptr) != 0) return;  // the default action stays; next run cleans
  std::thread([signals] {
    int sig = 0;
    if (sigwait(&signals, &sig) != 0) return;
    // Waits for a swap into place to end; the database itself needs nothing: an update's pending
    // transaction is dropped as by a kill, a new database is either published or not.
    std::lock_guard lock(registry_mutex());
    for (const auto& folder : live_folders()) {
      std::error_code ec;
      std::filesystem::remove_all(folder, ec);
    }
    std::fprintf(stderr,
                 "\n[index] stopped by %s: scratch folders removed; the database keeps what was committed "
                 "(a new database is not published)\n",
                 strsignal(sig));
    std::_Exit(128 + sig);
  }).detach();
}

std::unique_lock<std::recursive_mutex> hold_scratch_folders() { return std::unique_lock(registry_mutex()); }

}  // namespace tsubo
