// One way to open a database for reading, shared by the commands that read one directly.
#include "search/open_database.h"

#include <filesystem>
#include <system_error>

#include <xapian.h>

#include "search/searcher.h"

namespace tsubo {

Xapian::Database open_database(const std::string& db_path, const std::string& stage) {
  const std::string missing =
      "[" + stage + "] no index at " + db_path + "; build one with: tsubo index --db " + db_path + " <folders>";
  std::error_code ec;
  if (!std::filesystem::exists(db_path, ec)) throw SearchError(missing);
  try {
    return Xapian::Database(db_path);
  } catch (const Xapian::DatabaseNotFoundError&) {  // a folder without a database in it
    throw SearchError(missing);
  } catch (const Xapian::Error& e) {
    throw SearchError("[" + stage + "][xapian] cannot open " + db_path + ": " + e.get_description());
  }
}

Xapian::Database open_databases(const std::vector<std::string>& db_paths, const std::string& stage) {
  if (db_paths.empty()) return open_database("data/index", stage);
  Xapian::Database all;
  for (const auto& path : db_paths) all.add_database(open_database(path, stage));
  return all;
}

}  // namespace tsubo
