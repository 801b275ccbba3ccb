// One rename into place: renameat2(RENAME_EXCHANGE) swaps the new folder with the empty one in a single
// step; where the file system cannot, the empty one steps aside first. A Xapian stub file swapped by
// rename was the other way: it would make every database a file plus a hidden folder, and the folder of
// an older tsubo a special case. A folder renamed keeps --db a plain Xapian database (docs/reliability.md).
#include "indexer/publish.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <unistd.h>
#include <xapian.h>

#include "indexer/index_writer.h"
#include "indexer/kill_points.h"
#include "indexer/scratch_folders.h"

namespace tsubo {
namespace {

namespace fs = std::filesystem;

// Xapian 1.4's glass backend: iamglass (the version file), flintlock and the *.glass tables.
bool is_xapian_file(const fs::path& p) {
  const std::string name = p.filename().string();
  return name == "iamglass" || name == "flintlock" || p.extension() == ".glass";
}

// The rename itself is in the parent folder's entries: written to disk before the run says it is done.
void sync_folder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

[[noreturn]] void rename_failed(const fs::path& from, const fs::path& to, int error) {
  throw IndexError("[indexer] cannot move the new database " + from.string() + " into place at " + to.string() + ": " +
                   std::strerror(error));
}

// Tests reach the fallback of file systems without RENAME_EXCHANGE by setting this to 0.
bool exchange_allowed() {
  const char* env = std::getenv("TSUBO_TEST_RENAME_EXCHANGE");
  return !env || std::string(env) != "0";
}

}  // namespace

bool holds_database(const std::string& path) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) return true;  // a stub file naming databases
  return fs::exists(fs::path(path) / "iamglass", ec);
}

void publish_database(const std::string& built, const std::string& db_path) {
  const auto held = hold_scratch_folders();  // a SIGINT waits until the swap is over
  fs::path target = fs::absolute(db_path).lexically_normal();
  if (!target.has_filename()) target = target.parent_path();
  const fs::path parent = target.parent_path();
  std::error_code ec;
  if (!fs::exists(target, ec)) {
    kill_point("before-publish");
    if (std::rename(built.c_str(), target.c_str()) != 0) rename_failed(built, target, errno);
    sync_folder(parent);
    kill_point("published");
    return;
  }
  if (!fs::is_directory(target, ec))
    throw IndexError("[indexer] " + db_path + " is a file, not a database folder; choose another --db");
  if (holds_database(target.string())) {
    try {
      if (Xapian::Database(target.string()).get_doccount() != 0)
        throw IndexError("[indexer] " + db_path + " gained passages while the new database was built; not replacing it");
    } catch (const Xapian::Error&) {
      // Its files are replaced: a database that cannot be opened holds nothing to keep.
    }
  }
  // Files of the user's in the folder (not Xapian's) go with it: copied, so that they survive any kill.
  for (const auto& entry : fs::directory_iterator(target)) {
    if (is_xapian_file(entry.path())) continue;
    fs::copy(entry.path(), fs::path(built) / entry.path().filename(),
             fs::copy_options::recursive | fs::copy_options::copy_symlinks, ec);
    if (ec)
      throw IndexError("[indexer] cannot carry " + entry.path().string() + " over into the new database: " + ec.message());
  }
  kill_point("before-publish");
  if (exchange_allowed() && ::renameat2(AT_FDCWD, built.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
    sync_folder(parent);
    kill_point("published");
    fs::remove_all(built, ec);  // now the empty database
    return;
  }
  if (exchange_allowed() && errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) rename_failed(built, target, errno);
  // No atomic exchange here (an older kernel, some network file systems): the empty database steps
  // aside first. A kill between the two renames leaves no database at db_path, as before one was built;
  // the next run removes the retired one.
  const ScratchFolder retired(scratch_path(db_path, "retired"), false);
  if (std::rename(target.c_str(), retired.path().c_str()) != 0) rename_failed(target, retired.path(), errno);
  kill_point("retired");
  if (std::rename(built.c_str(), target.c_str()) != 0) {
    const int error = errno;
    std::rename(retired.path().c_str(), target.c_str());
    rename_failed(built, target, error);
  }
  sync_folder(parent);
  kill_point("published");
}

}  // namespace tsubo
