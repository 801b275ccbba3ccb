// The audit log: one JSON object a line, rotated by size, the oldest beyond `keep` dropped.
#include "search/audit_log.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "search/access_config.h"
#include "test_support.h"

namespace tsubo {
namespace {

std::vector<nlohmann::json> lines_of(const std::string& path) {
  std::vector<nlohmann::json> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
  return out;
}

TEST(AuditLog, LinesAreJsonWithTheTime) {
  AuditSettings s;
  s.path = testing::temp_dir("audit") + "/logs/audit.jsonl";
  AuditLog log(s);
  log.record({{"user", "alice"}, {"query", "秘密管理措置"}, {"hits", 3}});
  const auto lines = lines_of(s.path);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["user"], "alice");
  EXPECT_EQ(lines[0]["hits"], 3);
  EXPECT_EQ(lines[0]["time"].get<std::string>().size(), std::string("2026-12-06T06:50:13.472Z").size());
}

TEST(AuditLog, RotatesBySizeKeepingTheNewestFiles) {
  AuditSettings s;
  s.path = testing::temp_dir("audit-rotate") + "/audit.jsonl";
  s.max_bytes = 300;
  s.keep = 2;
  AuditLog log(s);
  for (int i = 0; i < 20; ++i) log.record({{"user", "alice"}, {"n", i}, {"query", std::string(60, 'x')}});
  namespace fs = std::filesystem;
  EXPECT_TRUE(fs::exists(s.path + ".1"));
  EXPECT_TRUE(fs::exists(s.path + ".2"));
  EXPECT_FALSE(fs::exists(s.path + ".3"));
  for (const auto& f : {s.path, s.path + ".1", s.path + ".2"}) EXPECT_LE(fs::file_size(f), 300u) << f;
  const auto last = lines_of(s.path);
  ASSERT_FALSE(last.empty());
  EXPECT_EQ(last.back()["n"], 19);
  EXPECT_LT(lines_of(s.path + ".2").back()["n"].get<int>(), lines_of(s.path + ".1").front()["n"].get<int>());
}

TEST(AuditLog, AFolderThatCannotBeWrittenStopsTheStart) {
  AuditSettings s;
  s.path = "/proc/tsubo-audit/audit.jsonl";
  EXPECT_THROW(AuditLog{s}, std::runtime_error);
}

}  // namespace
}  // namespace tsubo
