// Opening a tsubo database for reading, with a message a user can act on when it is not there.
#pragma once

#include <string>
#include <vector>

namespace Xapian {
class Database;
}

namespace tsubo {

// Opens db_path read-only. Throws SearchError, tagged with stage ("info", "cites" …):
// "[info] no index at X; build one with: tsubo index --db X <folders>" when there is no database
// there (nothing, or a folder without one), "[info][xapian] cannot open X: <reason>" otherwise.
Xapian::Database open_database(const std::string& db_path, const std::string& stage);

// Several databases read as one (public law + private collections), each opened as above: one that
// cannot be opened fails the whole, with its reason. An empty list opens data/index.
Xapian::Database open_databases(const std::vector<std::string>& db_paths, const std::string& stage);

}  // namespace tsubo
