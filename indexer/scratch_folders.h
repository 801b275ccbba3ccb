// Scratch folders of an indexing run, beside the database (.<db>.<what>-<pid>): shards, unpacked
// archives, a database being built. Removed when their owner ends, on SIGINT/SIGTERM/SIGHUP, and, when
// a run was killed or crashed, by the next run on the same database.
#pragma once

#include <mutex>
#include <string>

namespace tsubo {

// ".<db name>.<what>-<pid>" in the database's parent folder (same file system, so a rename into place
// is one step).
std::string scratch_path(const std::string& db_path, const std::string& what);

// Owns one scratch folder: registered for removal on a signal while it lives, removed (with all it
// holds) when it goes. created: the folder is made empty now; else it is only owned (another object
// fills it, an unpacked archive).
class ScratchFolder {
 public:
  ScratchFolder(std::string path, bool created);
  ~ScratchFolder();
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Removes the scratch folders of earlier runs on this database whose process is gone (a kill -9 or a
// crash), saying so on stderr. A folder whose process still runs belongs to another indexer: kept.
void remove_stale_scratch(const std::string& db_path);

// From now on SIGINT, SIGTERM and SIGHUP remove the live scratch folders and end the process with
// 128 + the signal. Call before any other thread starts (the signals are blocked in the threads that
// follow and taken by a thread of their own).
void remove_scratch_on_signals();

// Held while a database is swapped into place: a signal then waits until the swap has ended, so that
// it never removes a folder half-way through being published.
std::unique_lock<std::recursive_mutex> hold_scratch_folders();

}  // namespace tsubo
