// Who is asking: tokens by digest, revoked and malformed ones, proxy headers from the proxy only.
#include "search/request_identity.h"

#include <gtest/gtest.h>

#include "search/access_config.h"
#include "search/token_hash.h"

namespace tsubo {
namespace {

AccessConfig config() {
  AccessConfig c;
  c.tokens.push_back({"alice", sha256_hex("alice-token-0123456789"), {"legal"}, false});
  c.tokens.push_back({"rob", sha256_hex("rob-token-0123456789"), {"hr"}, true});
  c.trusted_proxies = {"10.0.0.5"};
  return c;
}

int refused(const AccessConfig* c, const RequestCredentials& r, std::string* code = nullptr) {
  try {
    identify(c, r);
  } catch (const IdentityRefused& e) {
    if (code) *code = e.code;
    return e.status;
  }
  return 0;
}

TEST(RequestIdentity, AValidTokenNamesItsUserAndGroups) {
  const AccessConfig c = config();
  const Identity who = identify(&c, {"192.0.2.1", "Bearer alice-token-0123456789", "", "", false});
  EXPECT_EQ(who.user, "alice");
  EXPECT_EQ(who.groups, std::vector<std::string>{"legal"});
  EXPECT_EQ(who.via, "token");
}

TEST(RequestIdentity, WrongRevokedAndMalformedTokensAre401) {
  const AccessConfig c = config();
  std::string code;
  EXPECT_EQ(refused(&c, {"192.0.2.1", "Bearer alice-token-0123456788", "", "", false}, &code), 401);
  EXPECT_EQ(code, "invalid_token");
  EXPECT_EQ(refused(&c, {"192.0.2.1", "Bearer rob-token-0123456789", "", "", false}, &code), 401);
  EXPECT_EQ(code, "revoked_token");
  EXPECT_EQ(refused(&c, {"192.0.2.1", "Bearer a b", "", "", false}, &code), 401);
  EXPECT_EQ(code, "malformed_token");
  EXPECT_EQ(refused(&c, {"192.0.2.1", "Basic YWxpY2U6eA==", "", "", false}, &code), 401);
  EXPECT_EQ(code, "malformed_authorization");
  EXPECT_EQ(refused(&c, {"192.0.2.1", "Bearer " + std::string(600, 'a'), "", "", false}, &code), 401);
}

TEST(RequestIdentity, ProxyHeadersAreBelievedFromTheProxyAndRefusedFromAnyoneElse) {
  const AccessConfig c = config();
  const Identity who = identify(&c, {"10.0.0.5", "", "harry", "hr, compliance", true});
  EXPECT_EQ(who.user, "harry");
  EXPECT_EQ(who.groups, (std::vector<std::string>{"compliance", "hr"}));
  EXPECT_EQ(who.via, "proxy");
  std::string code;
  EXPECT_EQ(refused(&c, {"192.0.2.1", "", "harry", "hr", true}, &code), 403);
  EXPECT_EQ(code, "untrusted_forwarded_headers");
  EXPECT_EQ(refused(&c, {"10.0.0.5", "", "harry", "hr,<script>", true}, &code), 400);
  EXPECT_EQ(code, "bad_group");
  EXPECT_EQ(refused(&c, {"10.0.0.5", "", "", "hr", true}, &code), 400);
}

TEST(RequestIdentity, WithoutAConfigurationEveryoneIsAnonymous) {
  const Identity who = identify(nullptr, {"192.0.2.1", "Bearer alice-token-0123456789", "harry", "hr", true});
  EXPECT_TRUE(who.user.empty());
  EXPECT_TRUE(who.groups.empty());
  const AccessConfig c = config();
  EXPECT_TRUE(identify(&c, {"192.0.2.1", "", "", "", false}).groups.empty());
}

TEST(TokenHash, DigestsAreSha256AndComparedWhole) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(same_secret("abc", "abc"));
  EXPECT_FALSE(same_secret("abc", "abd"));
  EXPECT_FALSE(same_secret("abc", "abcd"));
  EXPECT_EQ(new_token().size(), 64u);
  EXPECT_NE(new_token(), new_token());
}

TEST(AccessConfig, AGoodFileIsReadAndMistakesAreNamed) {
  const std::string digest(64, 'a');
  const AccessConfig c = parse_access_config(
      R"({"_comment": "x", "tokens": [{"user": "alice", "sha256": ")" + digest +
          R"(", "groups": ["legal"]}], "trusted_proxies": ["::1"], "audit_log": {"path": "a.jsonl", "max_mb": 2, "keep": 3}})",
      "t.conf");
  ASSERT_EQ(c.tokens.size(), 1u);
  EXPECT_EQ(c.audit.max_bytes, 2u * 1024 * 1024);
  const auto message = [](const std::string& text) {
    try {
      parse_access_config(text, "t.conf");
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_NE(message("{").find("[serve][config] t.conf: not JSON"), std::string::npos);
  EXPECT_NE(message(R"({"token": []})").find("unknown key «token»"), std::string::npos);
  EXPECT_NE(message(R"({"tokens": [{"user": "a", "sha256": "abc", "groups": []}]})").find("64 lower-case hex"),
            std::string::npos);
  EXPECT_NE(message(R"({"tokens": [{"user": "a", "sha256": ")" + digest + R"(", "groups": ["hr staff"]}]})")
                .find("is not a group name"),
            std::string::npos);
  EXPECT_NE(message(R"({"trusted_proxies": ["proxy.example"]})").find("is not an IP address"), std::string::npos);
}

}  // namespace
}  // namespace tsubo
