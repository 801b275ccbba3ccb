// The HTTP server's result cache: an LRU of response bodies keyed by the normalised request and the
// database fingerprint (database_fingerprint in search/shards.h), so a re-index never serves stale results.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace tsubo {

class ResponseCache {
 public:
  // At most max_entries bodies and max_bytes of keys + bodies; either 0 disables the cache.
  ResponseCache(std::size_t max_entries, std::size_t max_bytes);

  bool enabled() const { return max_entries_ > 0 && max_bytes_ > 0; }

  // The body stored for (fingerprint, request), marked most recently used; null when absent.
  // Thread-safe; the body is shared, so it stays valid after eviction.
  std::shared_ptr<const std::string> find(const std::string& fingerprint, const std::string& request);

  // Stores a body, evicting the least recently used ones to stay within both bounds. A body larger
  // than the whole byte budget is not stored. Thread-safe.
  void insert(const std::string& fingerprint, const std::string& request, std::shared_ptr<const std::string> body);

  std::size_t entries() const;
  std::size_t bytes() const;

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const std::string> body;
  };
  static std::string key_of(const std::string& fingerprint, const std::string& request);
  static std::size_t cost(const Entry& e) { return e.key.size() + e.body->size() + kEntryOverhead; }
  void evict_to_fit();

  // Roughly what an entry costs beyond its key and body (list node, hash node, shared_ptr block).
  static constexpr std::size_t kEntryOverhead = 128;

  const std::size_t max_entries_, max_bytes_;
  mutable std::mutex mutex_;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  std::size_t bytes_ = 0;
};

}  // namespace tsubo
