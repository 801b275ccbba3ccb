// Token first, then the trusted proxy's headers, else anonymous; every refusal says why.
#include "search/request_identity.h"

#include <algorithm>

#include "indexer/collection_grants.h"
#include "search/access_config.h"
#include "search/token_hash.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

constexpr std::size_t kMaxTokenBytes = 512;
constexpr std::size_t kMaxUserBytes = 128;

// RFC 6750's b64token: letters, digits and -._~+/ then '=' padding.
bool is_token_syntax(const std::string& t) {
  if (t.empty() || t.size() > kMaxTokenBytes) return false;
  std::size_t i = 0;
  for (; i < t.size(); ++i) {
    const char c = t[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                    c == '_' || c == '~' || c == '+' || c == '/';
    if (!ok) break;
  }
  if (i == 0) return false;
  for (; i < t.size(); ++i)
    if (t[i] != '=') return false;
  return true;
}

Identity from_token(const AccessConfig& config, const std::string& header) {
  const std::string scheme = "Bearer ";
  if (header.size() <= scheme.size() || header.compare(0, scheme.size(), scheme) != 0)
    throw IdentityRefused{401, "malformed_authorization", "the Authorization header must be \"Bearer <token>\""};
  const std::string token = utf8::trim(header.substr(scheme.size()));
  if (!is_token_syntax(token)) throw IdentityRefused{401, "malformed_token", "the bearer token is malformed"};
  const std::string digest = sha256_hex(token);
  // Every digest is compared, so the time taken does not say which user's token came close.
  const ApiToken* match = nullptr;
  for (const ApiToken& t : config.tokens)
    if (same_secret(digest, t.sha256)) match = &t;
  if (!match) throw IdentityRefused{401, "invalid_token", "the token is not valid"};
  if (match->revoked) throw IdentityRefused{401, "revoked_token", "the token was revoked; ask for a new one"};
  return {match->user, match->groups, "token"};
}

Identity from_proxy(const RequestCredentials& r) {
  const std::string user = utf8::trim(r.forwarded_user);
  if (user.empty()) {
    if (!utf8::trim(r.forwarded_groups).empty())
      throw IdentityRefused{400, "bad_forwarded_user", "X-Forwarded-Groups without X-Forwarded-User"};
    return {};
  }
  if (user.size() > kMaxUserBytes || !utf8::valid(user) || utf8::sanitize(user) != user)
    throw IdentityRefused{400, "bad_forwarded_user", "X-Forwarded-User must be 1 to 128 printable characters"};
  Identity who{user, {}, "proxy"};
  if (!utf8::trim(r.forwarded_groups).empty()) {
    try {
      who.groups = parse_group_list(r.forwarded_groups, "X-Forwarded-Groups");
    } catch (const AclError& e) {
      throw IdentityRefused{400, "bad_group", e.what()};
    }
  }
  return who;
}

}  // namespace

Identity identify(const AccessConfig* config, const RequestCredentials& request) {
  if (!config) return {};
  if (!request.authorization.empty()) return from_token(*config, request.authorization);
  if (!request.has_forwarded_headers) return {};
  const auto& proxies = config->trusted_proxies;
  if (std::find(proxies.begin(), proxies.end(), request.remote_addr) == proxies.end())
    throw IdentityRefused{403, "untrusted_forwarded_headers",
                          "X-Forwarded-User / X-Forwarded-Groups are only accepted from the trusted proxy"};
  return from_proxy(request);
}

}  // namespace tsubo
