// Opening, guarding and updating the Xapian database.
#include "indexer/index_writer.h"

#include <optional>

#include "indexer/kill_points.h"
#include "indexer/passage_document.h"
#include "indexer/schema.h"

namespace tsubo {

IndexWriter::IndexWriter(const std::string& path, const std::string& analyzer_identity) {
  try {
    db_ = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::Error& e) {
    throw IndexError(xapian_failure("cannot open " + path, e));
  }
  const std::string stored = db_.get_metadata(schema::kMetaAnalyzer);
  if (stored.empty()) {
    if (db_.get_doccount() != 0)
      throw IndexError("[indexer] " + path + " is a Xapian database not made by tsubo; choose another --db");
    db_.set_metadata(schema::kMetaAnalyzer, analyzer_identity);
    db_.set_metadata(schema::kMetaSchema, schema::kSchemaVersion);
  } else if (stored != analyzer_identity) {
    throw IndexError("[indexer] " + path + " was built with analyzer «" + stored + "» but this run uses «" +
                     analyzer_identity + "»; mixing them would make queries miss. Index into a new --db, or " +
                     "use the same dictionary (TSUBO_MECAB_DIC / --dict).");
  }
}

std::string xapian_failure(const std::string& what, const Xapian::Error& e) {
  const std::string description = e.get_description();
  const bool no_space = description.find("No space left") != std::string::npos ||
                        (e.get_error_string() && std::string(e.get_error_string()).find("No space left") != std::string::npos);
  return "[indexer][xapian] " + what + ": " + (no_space ? "no space left on device (" + description + ")" : description);
}

// One unflushed transaction per document: Xapian then flushes on its own only between documents, never
// with half of one (a kill during an update left statute/3394 with 89 of its 137 passages), and the
// transaction costs no commit of its own.
void IndexWriter::replace_document(const std::string& doc_id, std::vector<Xapian::Document> passages) {
  const std::string id_term = prefixed_term(schema::kPrefixDocId, doc_id);
  try {
    db_.begin_transaction(false);
    db_.delete_document(id_term);
    std::optional<std::string> refused;
    try {
      for (std::size_t i = 0; i < passages.size(); ++i) {
        db_.add_document(passages[i]);
        if (i == passages.size() / 2) kill_point("mid-document");
      }
    } catch (const Xapian::InvalidArgumentError& e) {
      db_.delete_document(id_term);  // no half document
      refused = "[indexer][xapian] " + e.get_description();
    }
    db_.commit_transaction();
    if (refused) throw DocumentRefused(*refused);
  } catch (const Xapian::Error& e) {
    throw IndexError(xapian_failure("cannot write the passages of " + doc_id, e));
  }
}

void IndexWriter::commit() {
  try {
    db_.commit();
  } catch (const Xapian::Error& e) {
    throw IndexError(xapian_failure("cannot commit to the database", e));
  }
}

void compact_shards(const std::vector<std::string>& shards, const std::string& into) {
  try {
    Xapian::Database all;
    for (const auto& s : shards) all.add_database(Xapian::Database(s));
    all.compact(into);
  } catch (const Xapian::Error& e) {
    throw IndexError("[indexer][xapian] cannot compact the shards into " + into + ": " + e.get_description());
  }
}

}  // namespace tsubo
