// Opening a tsubo database for reading, with a message a user can act on when it is not there.
#pragma once

#include <string>

namespace Xapian {
class Database;
}

namespace tsubo {

// Opens db_path read-only. Throws SearchError, tagged with stage ("info", "cites" …):
// "[info] no index at X; build one with: tsubo index --db X <folders>" when there is no database
// there (nothing, or a folder without one), "[info][xapian] cannot open X: <reason>" otherwise.
Xapian::Database open_database(const std::string& db_path, const std::string& stage);

}  // namespace tsubo
