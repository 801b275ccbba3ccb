// The audit log of private collections: one JSON object a line (time, user, groups, what was asked,
// how many hits), rotated by size, so that compliance teams can answer who looked at what.
#pragma once

#include <cstddef>
#include <fstream>
#include <mutex>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace tsubo {

struct AuditSettings;

class AuditLog {
 public:
  // Opens (appends to) settings.path. Throws std::runtime_error "[serve][audit] <path>: <reason>"
  // when it cannot be opened: a server told to audit does not start without its log.
  explicit AuditLog(const AuditSettings& settings);

  // Appends entry as one line, with "time" (UTC, ISO 8601 with milliseconds) added. When the line
  // would take the file past max_bytes, the file is first renamed to path.1 (path.1 to path.2 …,
  // the oldest beyond `keep` dropped) and a new one begun. Thread-safe. A write that fails is
  // reported on stderr once per failure streak; the request is still answered.
  void record(const nlohmann::json& entry);

 private:
  void rotate();
  std::string path_;
  std::size_t max_bytes_, keep_;
  std::mutex mutex_;
  std::ofstream out_;
  std::size_t size_ = 0;
  bool failing_ = false;
};

}  // namespace tsubo
