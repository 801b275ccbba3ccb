// Who is asking an HTTP request: an API token (Authorization: Bearer), or a user named by a trusted
// reverse proxy (X-Forwarded-User / X-Forwarded-Groups), or nobody (public documents only).
#pragma once

#include <string>
#include <vector>

namespace tsubo {

struct AccessConfig;

struct Identity {
  std::string user;                 // empty: anonymous
  std::vector<std::string> groups;  // what readable_by (search/search_query.h) lets through
  std::string via;                  // "token" | "proxy" | "" (anonymous)
};

// A request refused before any search: status 400, 401 or 403 with a code and a message that says
// what to fix without echoing the secret.
struct IdentityRefused {
  int status;
  std::string code, message;
};

// The request's headers as received and the peer address of the connection.
struct RequestCredentials {
  std::string remote_addr;
  std::string authorization;     // Authorization
  std::string forwarded_user;    // X-Forwarded-User
  std::string forwarded_groups;  // X-Forwarded-Groups, comma-separated
  bool has_forwarded_headers = false;  // either header present, even empty
};

// Without a configuration (config null): anonymous, every header ignored, as before --config.
// With one: a Bearer token must match a configured digest (compared in constant time with all of
// them) and not be revoked, else 401; a malformed Authorization header is 401 too. Forwarded headers
// are believed from a trusted proxy only; from any other address they are refused (403), never
// silently dropped, so a misconfigured proxy is noticed. A bad group name from the proxy is 400.
// Throws IdentityRefused.
Identity identify(const AccessConfig* config, const RequestCredentials& request);

}  // namespace tsubo
