// Re-indexing a collection's folder: the documents of files that disappeared from it are removed.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace tsubo {

// Deletes every passage of each document indexed from one of `folders` (its XF term) whose source
// file (value kValueSourcePath) no longer exists, and commits. Returns how many documents went.
// Opens its own writer: no other may be open on db_path. Throws IndexError (xapian_failure).
std::size_t remove_vanished_documents(const std::string& db_path, const std::vector<std::string>& folders);

}  // namespace tsubo
