// The --config file read strictly: every field checked, nothing guessed.
#include "search/access_config.h"

#include <arpa/inet.h>

#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "indexer/collection_grants.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& where, const std::string& reason) {
  throw ConfigError("[serve][config] " + where + ": " + reason);
}

void only_keys(const json& object, const std::set<std::string>& known, const std::string& where, const std::string& what) {
  if (!object.is_object()) fail(where, what + " must be an object");
  for (const auto& [key, value] : object.items())
    if (!known.count(key) && key.rfind('_', 0) != 0) fail(where, "unknown key «" + utf8::sanitize(key) + "» in " + what);
}

std::string string_field(const json& object, const char* key, const std::string& where, const std::string& what) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) fail(where, what + " needs \"" + key + "\" as a string");
  return it->get<std::string>();
}

bool is_ip_address(const std::string& s) {
  unsigned char buf[16];
  return inet_pton(AF_INET, s.c_str(), buf) == 1 || inet_pton(AF_INET6, s.c_str(), buf) == 1;
}

}  // namespace

AccessConfig parse_access_config(const std::string& text, const std::string& where) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& e) {
    fail(where, std::string("not JSON: ") + e.what());
  }
  only_keys(root, {"tokens", "trusted_proxies", "audit_log"}, where, "the file");
  AccessConfig config;
  std::set<std::string> users, digests;
  if (root.contains("tokens")) {
    if (!root["tokens"].is_array()) fail(where, "\"tokens\" must be a list");
    for (std::size_t i = 0; i < root["tokens"].size(); ++i) {
      const json& t = root["tokens"][i];
      const std::string what = "token " + std::to_string(i + 1);
      only_keys(t, {"user", "sha256", "groups", "revoked"}, where, what);
      ApiToken token;
      token.user = string_field(t, "user", where, what);
      if (token.user.empty() || token.user.size() > 128 || !utf8::valid(token.user) || utf8::sanitize(token.user) != token.user)
        fail(where, what + ": the user must be 1 to 128 printable characters");
      token.sha256 = string_field(t, "sha256", where, what);
      if (token.sha256.size() != 64 || token.sha256.find_first_not_of("0123456789abcdef") != std::string::npos)
        fail(where, what + " (" + token.user + "): \"sha256\" must be 64 lower-case hex digits (tsubo token prints them)");
      if (!t.contains("groups") || !t["groups"].is_array()) fail(where, what + " (" + token.user + ") needs \"groups\" as a list");
      for (const auto& g : t["groups"]) {
        if (!g.is_string() || !is_group_name(g.get<std::string>()))
          fail(where, what + " (" + token.user + "): " + utf8::sanitize(g.dump()) + " is not a group name (A-Z a-z 0-9 _ - .)");
        token.groups.push_back(g.get<std::string>());
      }
      if (t.contains("revoked")) {
        if (!t["revoked"].is_boolean()) fail(where, what + ": \"revoked\" must be true or false");
        token.revoked = t["revoked"].get<bool>();
      }
      if (!users.insert(token.user).second) fail(where, "the user «" + token.user + "» has two tokens; give each its own user");
      if (!digests.insert(token.sha256).second) fail(where, what + " (" + token.user + ") repeats another token's digest");
      config.tokens.push_back(std::move(token));
    }
  }
  if (root.contains("trusted_proxies")) {
    if (!root["trusted_proxies"].is_array()) fail(where, "\"trusted_proxies\" must be a list of IP addresses");
    for (const auto& p : root["trusted_proxies"]) {
      if (!p.is_string() || !is_ip_address(p.get<std::string>()))
        fail(where, "trusted proxy " + utf8::sanitize(p.dump()) + " is not an IP address (write 10.0.0.5 or ::1)");
      config.trusted_proxies.push_back(p.get<std::string>());
    }
  }
  if (root.contains("audit_log")) {
    const json& a = root["audit_log"];
    only_keys(a, {"path", "max_mb", "keep"}, where, "\"audit_log\"");
    config.audit.path = string_field(a, "path", where, "\"audit_log\"");
    if (config.audit.path.empty()) fail(where, "\"audit_log\".path is empty");
    if (a.contains("max_mb")) {
      if (!a["max_mb"].is_number_unsigned() || a["max_mb"].get<std::size_t>() < 1 || a["max_mb"].get<std::size_t>() > 100000)
        fail(where, "\"audit_log\".max_mb must be a whole number of megabytes, 1 to 100000");
      config.audit.max_bytes = a["max_mb"].get<std::size_t>() * 1024 * 1024;
    }
    if (a.contains("keep")) {
      if (!a["keep"].is_number_unsigned() || a["keep"].get<std::size_t>() > 1000)
        fail(where, "\"audit_log\".keep must be a whole number, 0 to 1000");
      config.audit.keep = a["keep"].get<std::size_t>();
    }
  }
  return config;
}

AccessConfig read_access_config(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, "cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  return parse_access_config(text.str(), path);
}

}  // namespace tsubo
