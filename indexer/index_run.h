// A whole indexing run: files → parsed documents (in worker threads) → Xapian shards or one writer.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace tsubo {

struct IndexOptions {
  std::string db_path;
  std::string dictionary_dir;   // empty = the analyzer's default
  unsigned jobs = 0;            // parser/tokeniser threads; 0 = all cores
  bool progress = true;         // a progress line on stderr about once a second
  // Commits fall between documents only. Xapian committed on its own every 10,000 changes (a replaced
  // passage is two: its delete and its add); inside the per-document transactions it no longer does,
  // and with fewer commits an update reused fewer blocks (the default corpus re-indexed: 230 MB with
  // one commit, 185 MB every 10,000 passages, 166 MB every 5,000 as before).
  std::size_t commit_every_passages = 5000;
  // A new (empty) database is built as one shard per worker run, then compacted into db_path; off,
  // or when updating a database, one thread writes while the workers tokenise.
  bool shards = true;
  // Each shard is committed every this many passages (between files), well below Xapian's default
  // flush threshold of 10,000: the writer's in-memory batch of terms and positions then stays small
  // enough for the caches, 10-15 % less indexing CPU and half the peak RSS (docs/scaling.md). The
  // shards are compacted afterwards, so the database is the same size.
  std::size_t shard_commit_passages = 1000;
  // A named collection (indexer/collection_grants.h): its documents' ids are prefixed by it, and
  // re-indexing its folders removes the documents of files no longer there. acl_groups: who may
  // read them (empty: anyone); a .tsubo-acl file in a folder overrides them below it.
  std::string collection;
  std::vector<std::string> acl_groups;
};

struct SkippedFile {
  std::string path;
  std::string reason;
};

struct IndexStats {
  std::size_t files_seen = 0;
  std::size_t documents = 0;
  std::size_t passages = 0;
  std::size_t bytes = 0;
  double seconds = 0;
  std::size_t passages_in_db = 0;
  std::vector<SkippedFile> skipped;
  std::vector<std::string> missing_paths;
  std::size_t removed_documents = 0;  // a collection's documents whose files are gone from its folders
};

// Indexes every source file found under paths. A file that cannot be read or parsed is recorded
// in `skipped` and the rest goes on; what was committed before stays. Throws IndexError when the
// database cannot be opened or belongs to another analyzer, AclError for a bad collection or group.
IndexStats index_paths(const std::vector<std::string>& paths, const IndexOptions& options);

}  // namespace tsubo
