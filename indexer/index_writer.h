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

// Xapian refused one document (a term it cannot store…): that file is skipped, the run goes on.
struct DocumentRefused : IndexError {
  using IndexError::IndexError;
};

// "[indexer][xapian] <what>: <Xapian's description>", led by "no space left on device" when that is
// the cause, for an error that ends the run (the database as a whole cannot be written or read).
std::string xapian_failure(const std::string& what, const Xapian::Error& e);

class IndexWriter {
 public:
  // Opens (creating when missing) the database at path. Throws IndexError when it was built by
  // another analyzer or dictionary (re-index into a fresh folder, or use the same dictionary).
  IndexWriter(const std::string& path, const std::string& analyzer_identity);

  // Removes every passage of doc_id, then adds the given passage documents in order, as one
  // transaction: a commit or a kill never leaves part of them. Throws DocumentRefused when Xapian
  // refuses one of them (none of doc_id's passages are left then), and IndexError for a failure of the
  // database (disk full…).
  void replace_document(const std::string& doc_id, std::vector<Xapian::Document> passages);

  // Throws IndexError (xapian_failure) when the changes cannot be written.
  void commit();
  Xapian::doccount passage_count() const { return db_.get_doccount(); }

 private:
  Xapian::WritableDatabase db_;
};

// Merges the shard databases, in order (passage numbers follow), into a new database at `into`
// (published afterwards by publish_database). Throws IndexError with Xapian's reason.
void compact_shards(const std::vector<std::string>& shards, const std::string& into);

}  // namespace tsubo
