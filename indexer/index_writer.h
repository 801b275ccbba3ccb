// The writable side of a tsubo database: opens or creates it, guards the analyzer identity,
// replaces whole documents so that re-indexing never duplicates.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

namespace tsubo {

struct IndexError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class IndexWriter {
 public:
  // Opens (creating when missing) the database at path. Throws IndexError when it was built by
  // another analyzer or dictionary (re-index into a fresh folder, or use the same dictionary).
  IndexWriter(const std::string& path, const std::string& analyzer_identity);

  // Removes every passage of doc_id, then adds the given passage documents in order.
  void replace_document(const std::string& doc_id, std::vector<Xapian::Document> passages);

  void commit();
  Xapian::doccount passage_count() const { return db_.get_doccount(); }

 private:
  Xapian::WritableDatabase db_;
};

// Merges the shard databases, in order (passage numbers follow), into a new database at scratch,
// then moves it into db_path, which must hold no passages (an empty database made by IndexWriter
// or nothing). Throws IndexError with Xapian's reason.
void compact_shards(const std::vector<std::string>& shards, const std::string& scratch, const std::string& db_path);

}  // namespace tsubo
