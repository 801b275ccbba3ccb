// Worker threads parse and tokenise files (a MeCab tagger each); the calling thread alone writes.
#include "indexer/index_run.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include "corpus/importers.h"
#include "corpus/source_files.h"
#include "indexer/index_writer.h"
#include "indexer/passage_document.h"
#include "text/analyzer.h"

namespace tsubo {
namespace {

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

ParsedFile parse_one(const SourceFile& file, const Analyzer& analyzer) {
  ParsedFile out;
  out.path = file.path;
  out.doc_id = file.doc_id;
  std::error_code ec;
  out.bytes = static_cast<std::size_t>(std::filesystem::file_size(file.path, ec));
  try {
    const Document doc = import_source_file(file);
    out.passages.reserve(doc.passages.size());
    for (std::size_t i = 0; i < doc.passages.size(); ++i)
      out.passages.push_back(make_passage_document(doc, doc.passages[i], i, analyzer));
  } catch (const std::exception& e) {
    out.error = e.what();
    out.passages.clear();
  }
  return out;
}

}  // namespace

IndexStats index_paths(const std::vector<std::string>& paths, const IndexOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  IndexStats stats;
  const std::vector<SourceFile> files = find_source_files(paths, stats.missing_paths);
  stats.files_seen = files.size();

  // One analyzer first: it fails early on a missing dictionary and names the identity.
  const Analyzer probe(options.dictionary_dir);
  IndexWriter writer(options.db_path, probe.identity());

  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, std::max<std::size_t>(1, files.size()));
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
        for (std::size_t i; (i = next_file.fetch_add(1)) < files.size();) queue.push(parse_one(files[i], analyzer));
      } catch (const std::exception& e) {
        std::lock_guard lock(worker_error_mu);
        worker_error = e.what();
      }
      queue.producer_done();
    });
  }

  auto last_report = started;
  std::size_t since_commit = 0;
  std::size_t done = 0;
  auto report = [&](bool final) {
    const auto now = std::chrono::steady_clock::now();
    if (!options.progress || (!final && now - last_report < std::chrono::seconds(1))) return;
    last_report = now;
    const double secs = std::chrono::duration<double>(now - started).count();
    std::fprintf(stderr, "[index] %zu/%zu files, %zu passages, %.1f MB, %.1f MB/s%s", done, files.size(),
                 stats.passages, stats.bytes / 1e6, secs > 0 ? stats.bytes / 1e6 / secs : 0.0, final ? "\n" : "\r");
  };

  try {
    while (auto parsed = queue.pop()) {
      ++done;
      stats.bytes += parsed->bytes;
      if (parsed->error) {
        if (options.progress) std::fprintf(stderr, "\n");
        std::fprintf(stderr, "[index] skipped %s: %s\n", parsed->path.c_str(), parsed->error->c_str());
        stats.skipped.push_back({parsed->path, *parsed->error});
        report(false);
        continue;
      }
      stats.documents++;
      stats.passages += parsed->passages.size();
      since_commit += parsed->passages.size();
      writer.replace_document(parsed->doc_id, std::move(parsed->passages));
      if (since_commit >= options.commit_every_passages) {
        writer.commit();
        since_commit = 0;
      }
      report(false);
    }
  } catch (...) {
    // Let the workers finish before unwinding, then keep what was committed.
    while (queue.pop()) {}
    for (auto& w : workers) w.join();
    throw;
  }
  for (auto& w : workers) w.join();
  if (!worker_error.empty()) throw IndexError("[indexer] worker failed: " + worker_error);
  writer.commit();
  stats.passages_in_db = writer.passage_count();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  report(true);
  return stats;
}

}  // namespace tsubo
