// Publishing a new database in one step: it is built beside the database's path, then renamed onto it.
#pragma once

#include <string>

namespace tsubo {

// Whether path holds a Xapian database (a folder with its version file, or a stub file), as opposed to
// nothing, an empty folder, or the remains of a swap an older tsubo left half done.
bool holds_database(const std::string& path);

// Moves the complete database at `built` (a folder on the same file system) to db_path in one rename,
// so that a reader or a later run sees the earlier state or the whole new database, never a mix, even
// when the process is killed at any moment. db_path may be missing, a folder without a database, or a
// database without passages: its own files are replaced, other files in the folder are kept. Throws
// IndexError when db_path gained passages meanwhile or the rename fails.
void publish_database(const std::string& built, const std::string& db_path);

}  // namespace tsubo
