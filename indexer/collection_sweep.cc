// Finds a collection's documents by the XF term of their folder and drops those whose file is gone.
#include "indexer/collection_sweep.h"

#include <filesystem>
#include <set>

#include <xapian.h>

#include "indexer/collection_grants.h"
#include "indexer/index_writer.h"
#include "indexer/passage_document.h"
#include "indexer/schema.h"

namespace tsubo {

std::size_t remove_vanished_documents(const std::string& db_path, const std::vector<std::string>& folders) {
  try {
    Xapian::WritableDatabase db(db_path, Xapian::DB_OPEN);
    std::set<std::string> gone;  // doc ids
    for (const auto& folder : folders) {
      const std::string term = prefixed_term(schema::kPrefixSourceFolder, folder_fingerprint(folder));
      std::set<std::string> checked;  // source paths already looked at (a document has many passages)
      for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        const Xapian::Document doc = db.get_document(*it);
        const std::string path = doc.get_value(schema::kValueSourcePath);
        if (path.empty() || !checked.insert(path).second) continue;
        std::error_code ec;
        if (!std::filesystem::exists(path, ec) && !ec) gone.insert(doc.get_value(schema::kValueDocId));
      }
    }
    for (const auto& doc_id : gone) db.delete_document(prefixed_term(schema::kPrefixDocId, doc_id));
    if (!gone.empty()) db.commit();
    return gone.size();
  } catch (const Xapian::Error& e) {
    throw IndexError(xapian_failure("cannot remove the documents of vanished files from " + db_path, e));
  }
}

}  // namespace tsubo
