// The security suite against the real binary: `tsubo serve --db public --db internal --config` with
// two private collections (社内規程: legal, compliance; 人事: hr) and three users — alice with a
// token (legal), harry named by the trusted proxy (hr), pat anonymous — on every endpoint, then
// the CLI commands with --as-groups. Also: cache isolation, forged proxy headers, bad tokens, a
// private document asked for by id, and the audit log.
#include <gtest/gtest.h>
#include <httplib.h>

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/run_tsubo.h"
#include "search/token_hash.h"
#include "test_support.h"

namespace tsubo::testing {
namespace {

using nlohmann::json;

const std::string kAliceToken = "alice-token-4f1d2c3b5a69788796a5b4c3d2e1f0ff";
const std::string kRobToken = "rob-token-revoked-0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const std::string kSecret = "社内規程:guidance/秘密管理規程";
const std::string kDiscipline = "人事:guidance/懲戒規程";
const std::string kEvaluation = "人事:guidance/評価規程";  // 人事/評価/.tsubo-acl: hr-lead only

// `tsubo serve` on `port` in the background, with the options every server here shares.
class Server {
 public:
  Server(const std::string& args, int port)
      : process_("--port " + std::to_string(port) + " --web '' --threads 4 " + args), port_(port) {}
  bool ready() const { return process_.serving(); }
  const std::string& first_line() const { return process_.first_line(); }
  int port() const { return port_; }

 private:
  ServeProcess process_;
  int port_;
};

struct User {
  const char* name;
  httplib::Headers headers;
};
const User kAlice{"alice", {{"Authorization", "Bearer " + kAliceToken}}};
const User kHarry{"harry", {{"X-Forwarded-User", "harry"}, {"X-Forwarded-Groups", "hr"}}};
const User kPat{"pat", {}};

class HttpThreeUsers : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(temp_dir("http-three-users"));
    const std::string internal = *dir_ + "/internal";
    const std::string company = fixture_path("acl/company");
    for (const auto& [collection, acl, folder] :
         {std::tuple{"社内規程", "legal,compliance", "/社内規程"}, std::tuple{"人事", "hr", "/人事"}}) {
      const TsuboRun r = run_tsubo("index -q --db " + shell_quote(internal) + " --collection " + collection + " --acl " +
                                   acl + " " + shell_quote(company + folder));
      if (r.status != 0) throw std::runtime_error("indexing " + std::string(collection) + " failed: " + r.out + r.err);
    }
    audit_ = new std::string(*dir_ + "/audit/audit.jsonl");
    const json config = {
        {"tokens",
         {{{"user", "alice"}, {"sha256", sha256_hex(kAliceToken)}, {"groups", {"legal"}}},
          {{"user", "rob"}, {"sha256", sha256_hex(kRobToken)}, {"groups", {"hr"}}, {"revoked", true}}}},
        {"trusted_proxies", {"127.0.0.1"}},
        {"audit_log", {{"path", *audit_}}}};
    std::ofstream(*dir_ + "/tsubo.conf") << config.dump(2);
    dbs_ = new std::string("--db " + shell_quote(web_corpus_db()) + " --db " + shell_quote(internal));
    server_ = new Server(*dbs_ + " --config " + shell_quote(*dir_ + "/tsubo.conf"), free_port());
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dbs_;
    delete audit_;
    delete dir_;
  }
  void SetUp() override { ASSERT_TRUE(server_->ready()) << server_->first_line(); }

  static httplib::Result get(const User& user, const std::string& path, int port = 0) {
    httplib::Client c("127.0.0.1", port ? port : server_->port());
    c.set_connection_timeout(5);
    c.set_read_timeout(30);
    return c.Get(path.c_str(), user.headers);
  }
  static json body(const httplib::Result& r) { return json::parse(r->body); }
  static std::vector<std::string> doc_ids(const json& search) {
    std::vector<std::string> out;
    for (const auto& h : search["hits"]) out.push_back(h["doc_id"]);
    return out;
  }
  static bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

  static std::string* dir_;
  static std::string* audit_;
  static std::string* dbs_;
  static Server* server_;
};
std::string* HttpThreeUsers::dir_ = nullptr;
std::string* HttpThreeUsers::audit_ = nullptr;
std::string* HttpThreeUsers::dbs_ = nullptr;
Server* HttpThreeUsers::server_ = nullptr;

TEST_F(HttpThreeUsers, SearchShowsEachUserTheirCollectionsAndCountsOnlyThose) {
  std::map<std::string, json> answers;
  for (const User* u : {&kAlice, &kHarry, &kPat}) {
    const auto r = get(*u, "/api/search?q=秘密管理措置&size=50&facets=1");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << u->name << ": " << r->body;
    answers[u->name] = body(r);
  }
  const auto alice = doc_ids(answers["alice"]), harry = doc_ids(answers["harry"]), pat = doc_ids(answers["pat"]);
  EXPECT_TRUE(has(alice, kSecret));
  EXPECT_FALSE(has(alice, kDiscipline));
  EXPECT_TRUE(has(harry, kDiscipline));
  EXPECT_FALSE(has(harry, kSecret));
  EXPECT_FALSE(has(harry, kEvaluation));  // hr-lead only, by the folder's .tsubo-acl
  EXPECT_FALSE(has(pat, kSecret));
  EXPECT_FALSE(has(pat, kDiscipline));
  const std::size_t public_total = answers["pat"]["total"];
  EXPECT_EQ(answers["alice"]["total"], public_total + 1);
  EXPECT_EQ(answers["harry"]["total"], public_total + 1);
  const auto guidance = [](const json& a) {
    for (const auto& f : a["facets"]["type"])
      if (f["value"] == "guidance") return f["count"].get<std::size_t>();
    return std::size_t{0};
  };
  EXPECT_EQ(guidance(answers["alice"]), guidance(answers["pat"]) + 1);
  for (const auto& h : answers["alice"]["hits"])
    if (h["doc_id"] == kSecret) {
      EXPECT_EQ(h["collection"], "社内規程");
    }
  // A body never names a document the user may not read, in any field.
  EXPECT_EQ(answers["pat"].dump().find("秘密管理規程"), std::string::npos);
  EXPECT_EQ(answers["harry"].dump().find("秘密管理規程"), std::string::npos);
}

TEST_F(HttpThreeUsers, APrivateDocumentAskedForByIdIsNotFoundForOthers) {
  const auto mine = get(kAlice, "/api/doc/" + kSecret);
  ASSERT_TRUE(mine);
  EXPECT_EQ(mine->status, 200);
  EXPECT_EQ(body(mine)["collection"], "社内規程");
  const auto none = get(kPat, "/api/doc/社内規程:guidance/no-such-document");
  for (const User* u : {&kHarry, &kPat}) {
    const auto r = get(*u, "/api/doc/" + kSecret);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404) << u->name;
    EXPECT_EQ(body(r)["error"]["code"], body(none)["error"]["code"]);  // the same answer as for nothing
    EXPECT_EQ(r->body.find("秘密管理措置"), std::string::npos);
  }
}

TEST_F(HttpThreeUsers, SimilarSuggestAndHealthRespectTheGroups) {
  // The source passage: whatever its local key, alice reaches it and pat does not.
  const std::string passage = body(get(kAlice, "/api/doc/" + kSecret))["passages"][0]["passage_id"];
  const auto encoded = httplib::detail::encode_query_param(passage);
  EXPECT_EQ(get(kAlice, "/api/similar?passage=" + encoded)->status, 200);
  EXPECT_EQ(get(kPat, "/api/similar?passage=" + encoded)->status, 404);
  EXPECT_EQ(get(kHarry, "/api/similar?passage=" + encoded)->status, 404);
  const auto pat_similar = get(kPat, "/api/similar?passage=statute%2F9101%23art2&size=20");
  if (pat_similar->status == 200) {
    EXPECT_EQ(pat_similar->body.find("社内規程"), std::string::npos);
  }

  const auto words = [&](const User& u) { return body(get(u, "/api/suggest?q=ゼブ"))["suggestions"].dump(); };
  EXPECT_NE(words(kAlice).find("ゼブラ"), std::string::npos);
  EXPECT_EQ(words(kHarry).find("ゼブラ"), std::string::npos);
  EXPECT_EQ(words(kPat).find("ゼブラ"), std::string::npos);
  const auto titles = [&](const User& u) { return body(get(u, "/api/suggest?q=懲戒"))["suggestions"].dump(); };
  EXPECT_NE(titles(kHarry).find("懲戒規程"), std::string::npos);
  EXPECT_EQ(titles(kAlice).find("懲戒規程"), std::string::npos);

  const std::size_t pat_passages = body(get(kPat, "/healthz"))["passages"];
  EXPECT_EQ(body(get(kAlice, "/healthz"))["passages"], pat_passages + 1);
}

TEST_F(HttpThreeUsers, ACachedAnswerForOneGroupIsNeverServedToAnother) {
  const std::string path = "/api/search?q=営業秘密&size=20&cache-isolation=1";
  const auto first = get(kAlice, path.substr(0, path.find("&cache")));
  const auto again = get(kAlice, path.substr(0, path.find("&cache")));
  ASSERT_TRUE(first && again);
  EXPECT_EQ(again->get_header_value("X-Tsubo-Cache"), "hit");
  EXPECT_TRUE(has(doc_ids(body(again)), kSecret));
  const auto pat = get(kPat, path.substr(0, path.find("&cache")));
  EXPECT_EQ(pat->get_header_value("X-Tsubo-Cache"), "miss");
  EXPECT_FALSE(has(doc_ids(body(pat)), kSecret));
  EXPECT_EQ(body(pat)["total"].get<std::size_t>() + 1, body(first)["total"].get<std::size_t>());
  const auto harry = get(kHarry, path.substr(0, path.find("&cache")));
  EXPECT_EQ(harry->get_header_value("X-Tsubo-Cache"), "miss");
  EXPECT_FALSE(has(doc_ids(body(harry)), kSecret));
}

TEST_F(HttpThreeUsers, BadRevokedAndMalformedTokensAreRefusedWithNothingShown) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Bearer " + kAliceToken + "x", "invalid_token"},
      {"Bearer " + kRobToken, "revoked_token"},
      {"Bearer " + std::string("a b"), "malformed_token"},
      {"Basic YWxpY2U6cGFzcw==", "malformed_authorization"},
      {"Bearer", "malformed_authorization"}};
  for (const auto& [header, code] : cases) {
    const User u{"bad", {{"Authorization", header}}};
    for (const std::string& path :
         std::vector<std::string>{"/api/search?q=秘密管理措置", "/api/doc/" + kSecret, "/api/suggest?q=ゼブ", "/healthz"}) {
      const auto r = get(u, path);
      ASSERT_TRUE(r);
      EXPECT_EQ(r->status, 401) << header << " " << path;
      EXPECT_EQ(body(r)["error"]["code"], code) << header;
      EXPECT_EQ(r->get_header_value("WWW-Authenticate"), "Bearer");
      EXPECT_EQ(r->body.find(kAliceToken), std::string::npos);
    }
  }
  const User odd{"odd", {{"X-Forwarded-User", "harry"}, {"X-Forwarded-Groups", "hr,<script>"}}};
  const auto r = get(odd, "/api/search?q=秘密管理措置");
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(body(r)["error"]["code"], "bad_group");
}

TEST_F(HttpThreeUsers, ForgedProxyHeadersFromAnAddressNotTrustedAreRefused) {
  // A second server trusting only 10.9.9.9: the test's 127.0.0.1 is not its proxy.
  const std::string conf = *dir_ + "/other-proxy.conf";
  std::ofstream(conf) << R"({"trusted_proxies": ["10.9.9.9"]})";
  const Server other(*dbs_ + " --config " + shell_quote(conf), free_port());
  ASSERT_TRUE(other.ready()) << other.first_line();
  const User forged{"forged", {{"X-Forwarded-User", "harry"}, {"X-Forwarded-Groups", "hr,legal"}}};
  for (const std::string& path : std::vector<std::string>{"/api/search?q=秘密管理措置", "/api/doc/" + kDiscipline, "/healthz"}) {
    const auto r = get(forged, path, other.port());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403) << path;
    EXPECT_EQ(body(r)["error"]["code"], "untrusted_forwarded_headers");
    EXPECT_EQ(r->body.find("懲戒"), std::string::npos);
  }
  // Without the headers, the same address is an anonymous reader of the public documents.
  const auto r = get(kPat, "/api/search?q=秘密管理措置&size=50", other.port());
  ASSERT_EQ(r->status, 200);
  EXPECT_FALSE(has(doc_ids(body(r)), kDiscipline));
}

TEST_F(HttpThreeUsers, TheAuditLogSaysWhoLookedAtWhatAndLeavesAnonymousReadersOut) {
  get(kAlice, "/api/search?q=ゼブラ計画");
  get(kAlice, "/api/doc/" + kSecret);
  get(kHarry, "/api/doc/" + kDiscipline);
  get(kPat, "/api/search?q=ゼブラ計画&audit-pat=1");
  std::vector<json> lines;
  std::ifstream in(*audit_);
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  const auto found = [&](const std::string& user, const std::string& endpoint, const std::string& key, const std::string& value) {
    return std::any_of(lines.begin(), lines.end(), [&](const json& l) {
      return l.value("user", "") == user && l.value("endpoint", "") == endpoint && l.value(key, "") == value;
    });
  };
  EXPECT_TRUE(found("alice", "search", "query", "ゼブラ計画"));
  EXPECT_TRUE(found("alice", "doc", "doc_id", kSecret));
  EXPECT_TRUE(found("harry", "doc", "doc_id", kDiscipline));
  for (const auto& l : lines) {
    EXPECT_TRUE(l.contains("time"));
    EXPECT_NE(l.value("user", ""), "");  // never an anonymous line
  }
  for (const auto& l : lines)
    if (l.value("user", "") == "alice" && l.value("endpoint", "") == "search" && l.value("query", "") == "ゼブラ計画") {
      EXPECT_EQ(l["groups"], json::array({"legal"}));
      EXPECT_EQ(l["via"], "token");
      EXPECT_GE(l["hits"].get<int>(), 1);
    }
}

// The CLI commands read through the same filter: --as-groups, the public only without it.
TEST_F(HttpThreeUsers, CliSearchPassagesCitesAndCitedByRespectAsGroups) {
  const auto search = [&](const std::string& groups) {
    return run_tsubo("search --json -n 50 " + *dbs_ + (groups.empty() ? "" : " --as-groups " + groups) + " 秘密管理措置");
  };
  const auto alice = search("legal"), harry = search("hr"), pat = search("");
  ASSERT_EQ(alice.status, 0) << alice.err;
  EXPECT_TRUE(has(doc_ids(json::parse(alice.out)), kSecret));
  EXPECT_FALSE(has(doc_ids(json::parse(harry.out)), kSecret));
  EXPECT_TRUE(has(doc_ids(json::parse(harry.out)), kDiscipline));
  EXPECT_FALSE(has(doc_ids(json::parse(pat.out)), kDiscipline));
  EXPECT_EQ(json::parse(pat.out)["total"].get<std::size_t>() + 1, json::parse(alice.out)["total"].get<std::size_t>());

  const auto passages = [&](const std::string& groups) {
    return run_tsubo("passages " + *dbs_ + (groups.empty() ? "" : " --as-groups " + groups)).out;
  };
  EXPECT_NE(passages("legal").find(kSecret), std::string::npos);
  EXPECT_EQ(passages("legal").find(kDiscipline), std::string::npos);
  EXPECT_EQ(passages("").find("社内規程"), std::string::npos);
  EXPECT_EQ(passages("").find("人事:"), std::string::npos);

  const auto cites = [&](const std::string& groups) {
    return json::parse(run_tsubo("cites --json " + *dbs_ + (groups.empty() ? "" : " --as-groups " + groups) +
                                 " 不正競争防止法2条6項").out);
  };
  const std::size_t public_cites = cites("")["total"];
  EXPECT_EQ(cites("hr")["total"], public_cites + 1);
  EXPECT_EQ(cites("hr,legal")["total"], public_cites + 2);
  EXPECT_EQ(cites("").dump().find("懲戒"), std::string::npos);

  const auto cited_by = [&](const std::string& groups) {
    return json::parse(run_tsubo("cited-by --json " + *dbs_ + (groups.empty() ? "" : " --as-groups " + groups) +
                                 " 不正競争防止法2条").out)["counts"][0]["passages"].get<std::size_t>();
  };
  EXPECT_EQ(cited_by("legal"), cited_by("") + 1);
  const auto bad = run_tsubo("search " + *dbs_ + " --as-groups 'hr staff' 秘密管理措置");
  EXPECT_EQ(bad.status, 1);
  EXPECT_NE(bad.err.find("is not a group name"), std::string::npos) << bad.err;
}

TEST_F(HttpThreeUsers, IndexRefusesBadGrantsWithTheReasonAndIndexesNothingAsPublic) {
  const std::string db = *dir_ + "/refused";
  const std::string company = fixture_path("acl/company");
  const TsuboRun no_collection = run_tsubo("index -q --db " + shell_quote(db) + " --acl hr " + shell_quote(company + "/人事"));
  EXPECT_EQ(no_collection.status, 1);
  EXPECT_NE(no_collection.err.find("[acl] --acl needs --collection"), std::string::npos) << no_collection.err;
  const TsuboRun odd = run_tsubo("index -q --db " + shell_quote(db) + " --collection 人事 --acl 'hr,<b>' " +
                                 shell_quote(company + "/人事"));
  EXPECT_EQ(odd.status, 1);
  EXPECT_NE(odd.err.find("«<b>» is not a group name"), std::string::npos) << odd.err;
  // A grant file that does not parse: its files are skipped with the reason (exit 2), none is public.
  const TsuboRun bad_file = run_tsubo("index -q --db " + shell_quote(db) + " --collection 社内規程 --acl legal " +
                                      shell_quote(fixture_path("acl/bad-acl")));
  EXPECT_EQ(bad_file.status, 2);
  EXPECT_NE(bad_file.err.find(".tsubo-acl:2: «hr staff» is not a group name"), std::string::npos) << bad_file.err;
  EXPECT_EQ(run_tsubo("passages --db " + shell_quote(db) + " --as-groups legal").out, "");
}

TEST_F(HttpThreeUsers, AConfigFileThatDoesNotParseStopsTheServerWithTheReason) {
  const std::string conf = *dir_ + "/broken.conf";
  std::ofstream(conf) << R"({"tokens": [{"user": "x", "sha256": "abc", "groups": []}]})";
  const TsuboRun r = run_tsubo("serve --port 0 --web '' " + *dbs_ + " --config " + shell_quote(conf));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("[serve][config] " + conf + ": token 1 (x): \"sha256\" must be 64 lower-case hex digits"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace tsubo::testing
