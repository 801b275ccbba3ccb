// LRU over a list (recency order) and a hash map into it, one mutex: lookups are a hash and a splice,
// far below the cost of a search, so finer locking would not pay.
#include "search/response_cache.h"

namespace tsubo {

ResponseCache::ResponseCache(std::size_t max_entries, std::size_t max_bytes)
    : max_entries_(max_entries), max_bytes_(max_bytes) {}

std::string ResponseCache::key_of(const std::string& fingerprint, const std::string& request) {
  // The fingerprint holds no NUL, so the pair cannot be confused with another split of the same bytes.
  std::string key;
  key.reserve(fingerprint.size() + 1 + request.size());
  key += fingerprint;
  key += '\0';
  key += request;
  return key;
}

std::shared_ptr<const std::string> ResponseCache::find(const std::string& fingerprint, const std::string& request) {
  if (!enabled()) return nullptr;
  const std::string key = key_of(fingerprint, request);
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->body;
}

void ResponseCache::insert(const std::string& fingerprint, const std::string& request,
                           std::shared_ptr<const std::string> body) {
  if (!enabled() || !body) return;
  Entry entry{key_of(fingerprint, request), std::move(body)};
  if (cost(entry) > max_bytes_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = index_.find(entry.key);
  if (it != index_.end()) {  // two workers missed at once: keep the newer body
    bytes_ -= cost(*it->second);
    lru_.erase(it->second);
    index_.erase(it);
  }
  bytes_ += cost(entry);
  lru_.push_front(std::move(entry));
  index_.emplace(lru_.front().key, lru_.begin());
  evict_to_fit();
}

void ResponseCache::evict_to_fit() {
  while (!lru_.empty() && (lru_.size() > max_entries_ || bytes_ > max_bytes_)) {
    bytes_ -= cost(lru_.back());
    index_.erase(lru_.back().key);
    lru_.pop_back();
  }
}

std::size_t ResponseCache::entries() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return lru_.size();
}

std::size_t ResponseCache::bytes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return bytes_;
}

}  // namespace tsubo
