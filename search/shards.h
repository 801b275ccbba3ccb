// Several tsubo databases searched as one (Xapian multi-database): local folders and remote shards
// served by xapian-tcpsrv, with one global BM25 ranking.
#pragma once

#include <string>
#include <vector>

namespace Xapian {
class Database;
}

namespace tsubo {

// A shard is a database folder (or a Xapian stub file) or "tcp://host:port" (xapian-tcpsrv).
// Opens every shard it can and adds it to `db`; each shard that cannot be opened is appended to
// `missing` as "<shard>: <reason>". Throws SearchError for a malformed tcp:// address.
void open_shards(const std::vector<std::string>& shards, Xapian::Database& db, std::vector<std::string>& missing);

// Writes a Xapian stub database file listing the shards ("auto /abs/path", "remote host:port"), so
// that anything opening a database by path (tsubo search --db, tsubo serve --db, delve) searches
// them as one. Throws SearchError when the file cannot be written or a shard address is malformed.
void write_shard_stub(const std::vector<std::string>& shards, const std::string& stub_path);

// A short string that changes whenever what `db` would answer changes: a commit, a wholesale
// re-build, a shard added or missing. One local database: its UUID and revision. Several or remote
// ones (Xapian keeps no revision for those): the UUIDs with the passage count, last document id and
// total length, which a re-index moves because it deletes and adds passages. Throws Xapian::Error.
std::string database_fingerprint(const Xapian::Database& db);

}  // namespace tsubo
