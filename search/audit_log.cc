// Appends JSON lines under a mutex; rotation renames path → path.1 → … → path.<keep>.
#include "search/audit_log.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "search/access_config.h"

namespace tsubo {
namespace {

std::string utc_now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

}  // namespace

AuditLog::AuditLog(const AuditSettings& settings)
    : path_(settings.path), max_bytes_(settings.max_bytes), keep_(settings.keep) {
  std::error_code ec;
  const std::filesystem::path parent = std::filesystem::path(path_).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  out_.open(path_, std::ios::binary | std::ios::app);
  if (!out_) throw std::runtime_error("[serve][audit] " + path_ + ": cannot be opened for appending");
  size_ = static_cast<std::size_t>(std::filesystem::file_size(path_, ec));
  if (ec) size_ = 0;
}

void AuditLog::rotate() {
  out_.close();
  std::error_code ec;
  if (keep_ == 0) {
    std::filesystem::remove(path_, ec);
  } else {
    std::filesystem::remove(path_ + "." + std::to_string(keep_), ec);
    for (std::size_t i = keep_; i > 1; --i)
      std::filesystem::rename(path_ + "." + std::to_string(i - 1), path_ + "." + std::to_string(i), ec);
    std::filesystem::rename(path_, path_ + ".1", ec);
  }
  out_.open(path_, std::ios::binary | std::ios::trunc);
  size_ = 0;
}

void AuditLog::record(const nlohmann::json& entry) {
  nlohmann::json line = {{"time", utc_now()}};
  for (const auto& [k, v] : entry.items()) line[k] = v;
  const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::lock_guard<std::mutex> lock(mutex_);
  if (size_ > 0 && size_ + text.size() > max_bytes_) rotate();
  out_ << text;
  out_.flush();
  if (!out_) {
    if (!failing_) std::cerr << "[serve][audit] " << path_ << ": cannot write the audit log\n";
    failing_ = true;
    out_.clear();
    return;
  }
  failing_ = false;
  size_ += text.size();
}

}  // namespace tsubo
