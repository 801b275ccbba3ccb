// tsubo serve --config FILE: who may ask for what. A JSON file (nlohmann-json is already linked,
// its parser says the line and column of a mistake, and no new format has to be learnt):
//   {"tokens": [{"user": "alice", "sha256": "<64 hex digits>", "groups": ["legal"], "revoked": false}],
//    "trusted_proxies": ["127.0.0.1"],
//    "audit_log": {"path": "audit.jsonl", "max_mb": 10, "keep": 5}}
// Keys starting with "_" are comments; any other unknown key is an error (a typo must not open or
// close a door silently).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace tsubo {

struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ApiToken {
  std::string user;    // who, for the audit log
  std::string sha256;  // of the token sent as "Authorization: Bearer <token>" (tsubo token makes one)
  std::vector<std::string> groups;
  bool revoked = false;  // kept in the file so the audit log's user stays explained, refused on use
};

struct AuditSettings {
  std::string path;                            // empty: no audit log
  std::size_t max_bytes = 10 * 1024 * 1024;    // rotated when the next line would pass this
  std::size_t keep = 5;                        // rotated files kept: path.1 … path.<keep>
};

struct AccessConfig {
  std::vector<ApiToken> tokens;
  std::vector<std::string> trusted_proxies;  // peer addresses whose X-Forwarded-User/-Groups are believed
  AuditSettings audit;
};

// Reads and checks the whole file. Throws ConfigError "[serve][config] <file>: <reason>" for a file
// that cannot be read, is not JSON, has an unknown key, a digest that is not 64 hex digits, a bad
// group name, a repeated user or digest, or a proxy that is not an IP address.
AccessConfig read_access_config(const std::string& path);
AccessConfig parse_access_config(const std::string& text, const std::string& where);

}  // namespace tsubo
