// Worker threads parse and tokenise files (a MeCab tagger each). A new database is built beside its
// path (in shards, one Xapian writer per worker, then compacted) and published in one rename; an
// existing one is updated by the calling thread alone, one transaction per document.
#include "indexer/index_run.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include <unistd.h>

#include "corpus/archive.h"
#include "corpus/importers.h"
#include "corpus/source_files.h"
#include "indexer/collection_grants.h"
#include "indexer/collection_sweep.h"
#include "indexer/index_writer.h"
#include "indexer/kill_points.h"
#include "indexer/passage_document.h"
#include "indexer/publish.h"
#include "indexer/schema.h"
#include "indexer/scratch_folders.h"
#include "text/analyzer.h"
#include "text/human_size.h"

namespace tsubo {
namespace {

// The progress line: rewritten in place (\r) about once a second on a terminal; in a log (stderr
// not a terminal) a whole line every five seconds, so that lines neither glue together nor flood.
struct ProgressStyle {
  bool terminal = ::isatty(STDERR_FILENO) == 1;
  std::chrono::seconds every{terminal ? 1 : 5};
  const char* end(bool final) const { return final || !terminal ? "\n" : "\r"; }
  // What goes before another message while a line may be open: a line break on a terminal.
  const char* interrupt(bool progress) const { return progress && terminal ? "\n" : ""; }
};

std::string progress_line(std::size_t files_done, std::size_t files, std::size_t passages, std::size_t bytes,
                          double seconds) {
  return "[index] " + std::to_string(files_done) + "/" + std::to_string(files) + " files, " + std::to_string(passages) +
         " passages, " + human_size(static_cast<double>(bytes)) + ", " +
         human_size(seconds > 0 ? static_cast<double>(bytes) / seconds : 0.0) + "/s";
}

// What a worker hands the writer for one file.
struct ParsedFile {
  std::string path;
  std::string doc_id;
  std::size_t bytes = 0;
  std::vector<Xapian::Document> passages;
  std::optional<std::string> error;
};

// A bounded queue, so memory stays flat however large the corpus.
class ParsedQueue {
 public:
  explicit ParsedQueue(std::size_t capacity) : capacity_(capacity) {}
  void push(ParsedFile item) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_; });
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }
  // Empty optional once every producer is done and the queue is drained.
  std::optional<ParsedFile> pop() {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !items_.empty() || producers_left_ == 0; });
    if (items_.empty()) return std::nullopt;
    ParsedFile item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }
  void set_producers(int n) { producers_left_ = n; }
  void producer_done() {
    std::lock_guard lock(mu_);
    if (--producers_left_ == 0) not_empty_.notify_all();
  }

 private:
  std::size_t capacity_;
  std::deque<ParsedFile> items_;
  int producers_left_ = 0;
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
};

ParsedFile parse_one(const SourceFile& file, const Analyzer& analyzer, const CollectionGrants& grants) {
  ParsedFile out;
  out.path = file.path;
  out.doc_id = file.doc_id;
  std::error_code ec;
  out.bytes = static_cast<std::size_t>(std::filesystem::file_size(file.path, ec));
  try {
    Document doc = import_source_file(file);
    grants.apply(doc, file.path);  // its collection and readers; a bad .tsubo-acl refuses the file
    out.doc_id = doc.id;  // a ruling's id comes from its JSON (lawsuit_id), not from the file name
    out.passages.reserve(doc.passages.size());
    for (std::size_t i = 0; i < doc.passages.size(); ++i) {
      out.passages.push_back(make_passage_document(doc, doc.passages[i], i, analyzer));
      grants.mark_source(out.passages.back(), file.path);
    }
  } catch (const std::exception& e) {
    out.error = e.what();
    out.passages.clear();
  } catch (const Xapian::Error& e) {
    out.error = "[indexer][xapian] " + e.get_description();
    out.passages.clear();
  }
  return out;
}

unsigned job_count(const IndexOptions& options, std::size_t files) {
  const unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  return std::min<unsigned>(jobs, std::max<std::size_t>(1, files));
}

// Consecutive runs of files of about equal size; shard k holds run k, so that compacting the shards
// in order numbers the passages exactly as one writer taking the files in order would.
std::vector<std::pair<std::size_t, std::size_t>> file_runs(const std::vector<SourceFile>& files, std::size_t runs) {
  std::vector<std::uintmax_t> sizes;
  std::uintmax_t total = 0;
  for (const auto& f : files) {
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(f.path, ec);
    sizes.push_back(ec ? 0 : size);
    total += sizes.back();
  }
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t begin = 0;
  std::uintmax_t seen = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    seen += sizes[i];
    if (seen * runs >= total * (out.size() + 1) || i + 1 == files.size()) {
      out.emplace_back(begin, i + 1);
      begin = i + 1;
    }
  }
  return out;
}

// The scratch folder of the shards, removed whatever happens.
class ShardFolder {
 public:
  explicit ShardFolder(const std::string& db_path) : folder_(scratch_path(db_path, "shards"), true) {}
  std::string shard(std::size_t k) const { return folder_.path() + "/shard-" + std::to_string(k); }
  std::string compacted() const { return folder_.path() + "/compacted"; }

 private:
  ScratchFolder folder_;
};

// Xapian creates the database's own folder, not the folders above it: tsubo index --db a/b/c in an
// empty folder failed with DatabaseCreateError (mkdir failed).
void create_parent_folders(const std::string& db_path) {
  const std::filesystem::path parent = std::filesystem::absolute(db_path).lexically_normal().parent_path();
  std::error_code ec;
  if (std::filesystem::is_directory(parent, ec)) return;
  std::filesystem::create_directories(parent, ec);
  if (ec)
    throw IndexError("[indexer] cannot create the folder " + parent.string() + " for the database " + db_path + ": " +
                     ec.message());
}

bool has_duplicate_ids(const std::vector<SourceFile>& files) {
  std::set<std::string> ids;
  for (const auto& f : files)
    if (!ids.insert(f.doc_id).second) return true;
  return false;
}

// Xapian 1.4 can end the process (std::terminate inside WritableDatabase::commit: rc 134 with 2 workers
// on a 3 MB tmpfs) when the disk fills while it writes, so the room is checked before each commit and
// before the compaction. An index takes about 3 times its source text (6 MB for the 2 MB of rulings),
// shards more before compaction: kRoomPerSourceByte is generous.
constexpr std::uintmax_t kRoomPerSourceByte = 8;
constexpr std::uintmax_t kRoomMarginBytes = std::uintmax_t{1} << 20;

void ensure_room(const std::filesystem::path& folder, std::uintmax_t needed, const std::string& what) {
  std::error_code ec;
  const std::filesystem::space_info space = std::filesystem::space(folder, ec);
  if (ec || space.available >= needed) return;
  throw IndexError("[indexer] no space left on device: " + human_size(static_cast<double>(space.available)) +
                   " free in " + folder.string() + ", and " + what + " needs about " +
                   human_size(static_cast<double>(needed)));
}

std::uintmax_t folder_bytes(const std::filesystem::path& folder) {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (std::filesystem::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  return total;
}

// Adds one file's passages to a shard; when Xapian refuses one, takes back those added and says why.
std::optional<std::string> add_to_shard(Xapian::WritableDatabase& shard, const std::vector<Xapian::Document>& passages) {
  std::vector<Xapian::docid> added;
  try {
    for (const auto& p : passages) added.push_back(shard.add_document(p));
  } catch (const Xapian::InvalidArgumentError& e) {
    for (const Xapian::docid id : added) shard.delete_document(id);
    return "[indexer][xapian] " + e.get_description();
  }
  return std::nullopt;
}

// Builds a new database: each worker tokenises a run of files and writes it to its own shard; the
// shards are then compacted, in order, into db_path. No thread waits on a single writer.
void index_into_shards(const std::vector<SourceFile>& files, const IndexOptions& options,
                       const CollectionGrants& grants, const std::string& analyzer_identity, IndexStats& stats,
                       std::chrono::steady_clock::time_point started) {
  const unsigned jobs = job_count(options, files.size());
  // A few runs per worker, so that one slow run does not leave the other cores idle at the end.
  const auto runs = file_runs(files, jobs == 1 ? 1 : std::min<std::size_t>(files.size(), 4 * jobs));
  ShardFolder folder(options.db_path);

  std::atomic<std::size_t> next_run{0}, files_done{0}, bytes_done{0}, passages_done{0}, documents_done{0};
  std::mutex mu;  // guards skipped and worker_error
  std::string worker_error;
  std::atomic<unsigned> workers_left{jobs};
  const ProgressStyle style;
  std::vector<std::thread> workers;
  for (unsigned j = 0; j < jobs; ++j) {
    workers.emplace_back([&] {
      try {
        const Analyzer analyzer(options.dictionary_dir);
        for (std::size_t r; (r = next_run.fetch_add(1)) < runs.size();) {
          // No fsync: a shard is scratch, compacted into a new database that is synced when published.
          Xapian::WritableDatabase shard(folder.shard(r), Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
          shard.set_metadata(schema::kMetaAnalyzer, analyzer_identity);
          shard.set_metadata(schema::kMetaSchema, schema::kSchemaVersion);
          std::uintmax_t run_bytes = 0, uncommitted_bytes = 0;
          std::size_t uncommitted = 0;
          for (std::size_t i = runs[r].first; i < runs[r].second; ++i) {
            ParsedFile parsed = parse_one(files[i], analyzer, grants);
            if (parsed.error) {
              std::lock_guard lock(mu);
              std::fprintf(stderr, "%s[index] skipped %s: %s\n", style.interrupt(options.progress), parsed.path.c_str(),
                           parsed.error->c_str());
              stats.skipped.push_back({parsed.path, *parsed.error});
            } else if (const auto refused = add_to_shard(shard, parsed.passages)) {
              std::lock_guard lock(mu);
              std::fprintf(stderr, "%s[index] skipped %s: %s\n", style.interrupt(options.progress), parsed.path.c_str(),
                           refused->c_str());
              stats.skipped.push_back({parsed.path, *refused});
            } else {
              documents_done++;
              passages_done += parsed.passages.size();
              uncommitted += parsed.passages.size();
              kill_point("shard-document");
            }
            bytes_done += parsed.bytes;
            run_bytes += parsed.bytes;
            uncommitted_bytes += parsed.bytes;
            files_done++;
            if (uncommitted >= options.shard_commit_passages) {
              ensure_room(folder.shard(r), kRoomPerSourceByte * uncommitted_bytes + kRoomMarginBytes,
                          "writing shard " + std::to_string(r));
              shard.commit();
              uncommitted = 0;
              uncommitted_bytes = 0;
            }
          }
          ensure_room(folder.shard(r), kRoomPerSourceByte * run_bytes + kRoomMarginBytes, "writing shard " + std::to_string(r));
          shard.commit();
        }
      } catch (const Xapian::Error& e) {
        std::lock_guard lock(mu);
        worker_error = xapian_failure("cannot write a shard", e);
        next_run = runs.size();  // the others stop after their current run
      } catch (const std::exception& e) {
        std::lock_guard lock(mu);
        worker_error = e.what();
        next_run = runs.size();
      } catch (...) {  // anything else escaping a thread would end the process
        std::lock_guard lock(mu);
        worker_error = "unknown error";
        next_run = runs.size();
      }
      workers_left--;
    });
  }

  auto report = [&](bool final) {
    if (!options.progress) return;
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::lock_guard lock(mu);
    std::fprintf(stderr, "%s%s",
                 progress_line(files_done.load(), files.size(), passages_done.load(), bytes_done.load(), secs).c_str(),
                 style.end(final));
  };
  for (auto last = started; workers_left > 0;) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (std::chrono::steady_clock::now() - last >= style.every) {
      last = std::chrono::steady_clock::now();
      report(false);
    }
  }
  for (auto& w : workers) w.join();
  if (!worker_error.empty()) throw IndexError("[indexer] worker failed: " + worker_error);
  kill_point("shards-written");
  stats.bytes = bytes_done;
  stats.documents = documents_done;
  stats.passages = passages_done;
  std::sort(stats.skipped.begin(), stats.skipped.end(),
            [](const SkippedFile& a, const SkippedFile& b) { return a.path < b.path; });
  report(true);

  std::vector<std::string> shards;
  for (std::size_t r = 0; r < runs.size(); ++r) shards.push_back(folder.shard(r));
  if (options.progress) std::fprintf(stderr, "[index] compacting %zu shards into %s\n", shards.size(), options.db_path.c_str());
  std::uintmax_t shard_bytes = 0;
  for (const auto& shard : shards) shard_bytes += folder_bytes(shard);
  ensure_room(std::filesystem::path(folder.compacted()).parent_path(), shard_bytes + kRoomMarginBytes,
              "compacting the shards");
  compact_shards(shards, folder.compacted());
  kill_point("compacted");
  publish_database(folder.compacted(), options.db_path);
}

// Updates an existing database: workers tokenise, this thread replaces documents in order of arrival.
void index_with_one_writer(const std::vector<SourceFile>& files, const IndexOptions& options,
                           const CollectionGrants& grants, IndexWriter& writer,
                           IndexStats& stats, std::chrono::steady_clock::time_point started) {
  const unsigned jobs = job_count(options, files.size());
  ParsedQueue queue(4 * jobs + 4);
  queue.set_producers(static_cast<int>(jobs));
  std::atomic<std::size_t> next_file{0};
  std::vector<std::thread> workers;
  std::mutex worker_error_mu;
  std::string worker_error;
  for (unsigned j = 0; j < jobs; ++j) {
    workers.emplace_back([&] {
      try {
        const Analyzer analyzer(options.dictionary_dir);
        for (std::size_t i; (i = next_file.fetch_add(1)) < files.size();) queue.push(parse_one(files[i], analyzer, grants));
      } catch (const std::exception& e) {
        std::lock_guard lock(worker_error_mu);
        worker_error = e.what();
      } catch (const Xapian::Error& e) {
        std::lock_guard lock(worker_error_mu);
        worker_error = "[xapian] " + e.get_description();
      } catch (...) {
        std::lock_guard lock(worker_error_mu);
        worker_error = "unknown error";
      }
      queue.producer_done();
    });
  }

  auto last_report = started;
  std::size_t since_commit = 0;
  std::uintmax_t bytes_since_commit = 0;
  auto commit = [&] {
    ensure_room(std::filesystem::absolute(options.db_path).parent_path(),
                kRoomPerSourceByte * bytes_since_commit + kRoomMarginBytes, "updating the database");
    writer.commit();
    kill_point("committed");
    since_commit = 0;
    bytes_since_commit = 0;
  };
  std::size_t done = 0;
  const ProgressStyle style;
  auto report = [&](bool final) {
    const auto now = std::chrono::steady_clock::now();
    if (!options.progress || (!final && now - last_report < style.every)) return;
    last_report = now;
    const double secs = std::chrono::duration<double>(now - started).count();
    std::fprintf(stderr, "%s%s", progress_line(done, files.size(), stats.passages, stats.bytes, secs).c_str(),
                 style.end(final));
  };

  try {
    while (auto parsed = queue.pop()) {
      ++done;
      stats.bytes += parsed->bytes;
      if (parsed->error) {
        std::fprintf(stderr, "%s[index] skipped %s: %s\n", style.interrupt(options.progress), parsed->path.c_str(),
                     parsed->error->c_str());
        stats.skipped.push_back({parsed->path, *parsed->error});
        report(false);
        continue;
      }
      const std::size_t passages = parsed->passages.size();
      try {
        writer.replace_document(parsed->doc_id, std::move(parsed->passages));
      } catch (const DocumentRefused& e) {
        std::fprintf(stderr, "%s[index] skipped %s: %s\n", style.interrupt(options.progress), parsed->path.c_str(), e.what());
        stats.skipped.push_back({parsed->path, e.what()});
        report(false);
        continue;
      }
      stats.documents++;
      stats.passages += passages;
      since_commit += passages;
      bytes_since_commit += parsed->bytes;
      if (since_commit >= options.commit_every_passages) commit();
      report(false);
    }
  } catch (...) {
    // Let the workers finish before unwinding, then keep what was committed.
    while (queue.pop()) {}
    for (auto& w : workers) w.join();
    try {
      throw;
    } catch (const Xapian::Error& e) {
      throw IndexError(xapian_failure("cannot update " + options.db_path, e));
    }
  }
  for (auto& w : workers) w.join();
  if (!worker_error.empty()) throw IndexError("[indexer] worker failed: " + worker_error);
  commit();
  report(true);
}


// A new database: in shards compacted beside db_path when there are several files, else by one
// writer into a folder beside it; either way moved onto db_path in one rename when complete.
void build_new_database(const std::vector<SourceFile>& files, const IndexOptions& options,
                        const CollectionGrants& grants, const std::string& analyzer_identity, IndexStats& stats,
                        std::chrono::steady_clock::time_point started) {
  if (options.shards && files.size() > 1 && !has_duplicate_ids(files))
    return index_into_shards(files, options, grants, analyzer_identity, stats, started);
  const ScratchFolder build(scratch_path(options.db_path, "build"), false);
  {
    IndexWriter writer(build.path(), analyzer_identity);
    index_with_one_writer(files, options, grants, writer, stats, started);
  }  // closed before it moves
  publish_database(build.path(), options.db_path);
}

IndexStats index_paths_unguarded(const std::vector<std::string>& paths, const IndexOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  IndexStats stats;
  create_parent_folders(options.db_path);
  remove_stale_scratch(options.db_path);
  // Archives are unpacked beside the database first and indexed as the folders they hold.
  std::vector<std::unique_ptr<ScratchFolder>> unpacked_folders;  // removed on a signal too
  std::vector<UnpackedArchive> archives;
  std::vector<std::string> sources;
  for (const auto& path : paths) {
    std::error_code ec;
    if (!is_archive_name(path) || !std::filesystem::is_regular_file(path, ec)) {
      sources.push_back(path);
      continue;
    }
    if (options.progress) std::fprintf(stderr, "[index] unpacking %s\n", path.c_str());
    try {
      const std::string folder = scratch_path(options.db_path, "unpack-" + std::to_string(archives.size()));
      unpacked_folders.push_back(std::make_unique<ScratchFolder>(folder, false));
      archives.emplace_back(path, folder);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "[index] skipped %s: %s\n", path.c_str(), e.what());
      stats.skipped.push_back({path, e.what()});
      continue;
    }
    const UnpackedArchive& a = archives.back();
    for (const auto& problem : a.problems()) {
      std::fprintf(stderr, "[index] skipped in %s: %s\n", path.c_str(), problem.c_str());
      stats.skipped.push_back({path, problem});
    }
    if (options.progress)
      std::fprintf(stderr, "[index] unpacked %zu files, %s in %.1f s\n", a.files(),
                   human_size(static_cast<double>(a.bytes())).c_str(),
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    sources.push_back(a.folder());
  }
  const CollectionGrants grants(options.collection, options.acl_groups, sources);
  const std::vector<SourceFile> files = find_source_files(sources, stats.missing_paths);
  stats.files_seen = files.size();
  // Before Xapian writes anything: blocks written and then not committed stay allocated in its files.
  std::uintmax_t source_bytes = 0;
  for (const auto& f : files) {
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(f.path, ec);
    if (!ec) source_bytes += size;
  }
  ensure_room(std::filesystem::absolute(options.db_path).parent_path(),
              kRoomPerSourceByte * source_bytes + kRoomMarginBytes,
              "indexing " + human_size(static_cast<double>(source_bytes)) + " of sources");

  // One analyzer first: it fails early on a missing dictionary and names the identity.
  const Analyzer probe(options.dictionary_dir);
  // A database with passages is updated in place, one transaction per document. Anything else (no
  // database yet, an empty one) gets a new database, built beside and published whole.
  std::optional<IndexWriter> writer;
  if (holds_database(options.db_path)) {
    writer.emplace(options.db_path, probe.identity());
    if (writer->passage_count() == 0) writer.reset();
  } else if (std::error_code ec; std::filesystem::exists(std::filesystem::path(options.db_path) / "postlist.glass", ec)) {
    std::fprintf(stderr, "[index] %s holds Xapian tables but no version file (iamglass), left by a swap an older tsubo did "
                 "not finish; a new database takes its place\n", options.db_path.c_str());
  }
  if (writer) {
    index_with_one_writer(files, options, grants, *writer, stats, started);
    writer.reset();
  } else {
    build_new_database(files, options, grants, probe.identity(), stats, started);
  }
  if (!grants.folders().empty())  // a collection's folders: files gone from them leave the index
    stats.removed_documents = remove_vanished_documents(options.db_path, grants.folders());
  stats.passages_in_db = Xapian::Database(options.db_path).get_doccount();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats;
}

}  // namespace

IndexStats index_paths(const std::vector<std::string>& paths, const IndexOptions& options) {
  try {
    return index_paths_unguarded(paths, options);
  } catch (const Xapian::Error& e) {  // not a std::exception: it would end the process
    throw IndexError(xapian_failure(options.db_path, e));
  }
}

}  // namespace tsubo
