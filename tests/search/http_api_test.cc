// The HTTP API over real HTTP on loopback: an in-process server on an ephemeral port, a temporary
// database of hand-made documents, httplib::Client as the browser.
#include "search/http_api.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "corpus/document.h"
#include "indexer/index_writer.h"
#include "indexer/passage_document.h"
#include "test_support.h"
#include "text/analyzer.h"

namespace tsubo {
namespace {

using nlohmann::json;

Document statute() {
  Document d;
  d.id = "statute/9001";
  d.type = DocType::Statute;
  d.title = "不正競争防止法";
  d.meta.law = "不正競争防止法";
  d.meta.date = "1993-05-19";
  d.passages = {
      {"statute/9001#art1", {"第一章　総則", "（目的）", "第一条"}, "第一条\nこの法律は、事業者間の公正な競争を確保することを目的とする。", 0, 10, "1", ""},
      {"statute/9001#art2", {"第一章　総則", "（定義）", "第二条"}, "第二条\n６　この法律において「営業秘密」とは、秘密として管理されている技術上又は営業上の情報をいう。", 10, 20, "2", ""},
  };
  return d;
}

Document ruling(const std::string& id, const std::string& court, const std::string& date) {
  Document d;
  d.id = "ruling/" + id;
  d.type = DocType::Ruling;
  d.title = "不正競争行為差止等請求事件";
  d.meta.court = court;
  d.meta.date = date;
  d.meta.right_type = "不正競争";
  d.passages = {
      {d.id + "#p1", {"主文"}, "本件控訴を棄却する。", 0, 10, "", "主文"},
      {d.id + "#p2", {"事実及び理由", "第３ 当裁判所の判断"}, "本件顧客名簿は秘密として管理されていたとはいえず、秘密管理性は認められない。", 10, 20, "", "当裁判所の判断"},
  };
  d.passages[1].cited_statutes = {"不正競争防止法/2", "不正競争防止法/2/6"};  // as corpus/citation_links.cc records them
  return d;
}

class HttpApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string dir = testing::temp_dir("http-api");
    db_ = new std::string(dir + "/db");
    web_ = new std::string(dir + "/web");
    std::filesystem::create_directories(*web_ + "/examples");
    std::ofstream(*web_ + "/index.html") << "<!doctype html><title>tsubo</title>";
    std::ofstream(dir + "/secret.txt") << "outside web/";
    {
      Analyzer analyzer;
      IndexWriter writer(*db_, analyzer.identity());
      for (const Document& d : {statute(), ruling("99001", "知的財産高等裁判所", "2019-10-09"),
                                ruling("99002", "東京地方裁判所", "2017-03-21")}) {
        std::vector<Xapian::Document> xdocs;
        for (std::size_t i = 0; i < d.passages.size(); ++i)
          xdocs.push_back(make_passage_document(d, d.passages[i], i, analyzer));
        writer.replace_document(d.id, std::move(xdocs));
      }
      writer.commit();
    }
    HttpOptions options;
    options.db_path = *db_;
    options.web_dir = *web_;
    options.allowed_origins = {"http://intranet.example"};
    options.threads = 4;
    server_ = new HttpServer(options);
    port_ = server_->bind("127.0.0.1", 0);
    thread_ = new std::thread([] { server_->run(); });
  }
  static void TearDownTestSuite() {
    server_->stop();
    thread_->join();
    delete thread_;
    delete server_;
    delete db_;
    delete web_;
  }

  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_connection_timeout(5);
    c.set_read_timeout(10);
    return c;
  }
  static json body(const httplib::Result& r) { return json::parse(r->body); }

  static std::string* db_;
  static std::string* web_;
  static HttpServer* server_;
  static std::thread* thread_;
  static int port_;
};

std::string* HttpApiTest::db_ = nullptr;
std::string* HttpApiTest::web_ = nullptr;
HttpServer* HttpApiTest::server_ = nullptr;
std::thread* HttpApiTest::thread_ = nullptr;
int HttpApiTest::port_ = 0;

TEST_F(HttpApiTest, SearchReturnsHitsFacetsAndPaging) {
  // 秘密管理性, rulings only (the thesaurus also finds the statute's 秘密として管理されている).
  auto r = client().Get("/api/search?q=%E7%A7%98%E5%AF%86%E7%AE%A1%E7%90%86%E6%80%A7&size=1&type=ruling");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
  const json j = body(r);
  EXPECT_EQ(j["api"], kApiVersion);
  EXPECT_EQ(j["query"], "秘密管理性");
  EXPECT_EQ(j["total"], 2);
  ASSERT_EQ(j["hits"].size(), 1u);
  EXPECT_NE(j["hits"][0]["snippet"].get<std::string>().find("<mark>"), std::string::npos);
  EXPECT_EQ(j["hits"][0]["type"], "ruling");
  ASSERT_TRUE(j.contains("facets"));
  EXPECT_EQ(j["facets"]["court"].size(), 2u);

  auto page2 = body(client().Get("/api/search?q=秘密管理性&size=1&page=2&type=ruling"));
  ASSERT_EQ(page2["hits"].size(), 1u);
  EXPECT_EQ(page2["hits"][0]["rank"], 2);
  EXPECT_NE(page2["hits"][0]["doc_id"], j["hits"][0]["doc_id"]);
}

TEST_F(HttpApiTest, SearchFiltersByCourtTypeAndWarekiYear) {
  auto court = body(client().Get("/api/search?q=秘密管理性&court=知的財産高等裁判所"));
  ASSERT_EQ(court["hits"].size(), 1u);
  EXPECT_EQ(court["hits"][0]["doc_id"], "ruling/99001");

  auto wareki = body(client().Get("/api/search?q=秘密管理性&from=令和元年"));
  EXPECT_EQ(wareki["from_year"], 2019);
  ASSERT_EQ(wareki["hits"].size(), 1u);
  EXPECT_EQ(wareki["hits"][0]["doc_id"], "ruling/99001");

  auto heisei = body(client().Get("/api/search?q=秘密管理性&to=H29&type=ruling"));
  ASSERT_EQ(heisei["hits"].size(), 1u);
  EXPECT_EQ(heisei["hits"][0]["doc_id"], "ruling/99002");

  auto statutes = body(client().Get("/api/search?q=営業秘密&type=statute"));
  ASSERT_FALSE(statutes["hits"].empty());
  for (const auto& h : statutes["hits"]) EXPECT_EQ(h["type"], "statute");

  auto by_date = body(client().Get("/api/search?q=秘密管理性&sort=date&type=ruling"));
  ASSERT_EQ(by_date["hits"].size(), 2u);
  EXPECT_EQ(by_date["hits"][0]["meta"]["date"], "2019-10-09");
}

TEST_F(HttpApiTest, DocumentComesWholeInOrderWithMarksAndCitationLinks) {
  auto r = client().Get("/api/doc/statute/9001?q=営業秘密");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const json j = body(r);
  EXPECT_EQ(j["doc_id"], "statute/9001");
  EXPECT_EQ(j["title"], "不正競争防止法");
  ASSERT_EQ(j["passages"].size(), 2u);
  EXPECT_EQ(j["passages"][0]["passage_id"], "statute/9001#art1");
  EXPECT_EQ(j["passages"][1]["passage_id"], "statute/9001#art2");
  EXPECT_NE(j["passages"][1]["html"].get<std::string>().find("<mark>営業秘密</mark>"), std::string::npos);
  ASSERT_TRUE(j["citations"].is_array());
  EXPECT_TRUE(j["citations"].empty());

  // A ruling's citations come as links to the indexed article, finest provision only.
  const json ruling = body(client().Get("/api/doc/ruling/99001"));
  ASSERT_EQ(ruling["citations"].size(), 1u) << ruling["citations"].dump();
  EXPECT_EQ(ruling["citations"][0]["text"], "不正競争防止法2条6項");
  EXPECT_EQ(ruling["citations"][0]["passage_id"], "statute/9001#art2");
  EXPECT_EQ(ruling["citations"][0]["doc_id"], "statute/9001");

  // The id may also come percent-encoded as one path segment.
  auto encoded = client().Get("/api/doc/ruling%2F99001");
  ASSERT_TRUE(encoded);
  EXPECT_EQ(encoded->status, 200);

  auto missing = client().Get("/api/doc/ruling/nope");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(body(missing)["error"]["code"], "no_such_document");
}

TEST_F(HttpApiTest, SuggestCompletesTitlesAndWords) {
  auto r = client().Get("/api/suggest?q=不正");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const json j = body(r);
  ASSERT_FALSE(j["suggestions"].empty());
  bool law = false;
  for (const auto& s : j["suggestions"]) law |= s["text"] == "不正競争防止法";
  EXPECT_TRUE(law) << j.dump();

  // The last word is completed from indexed words (MeCab's), the earlier ones are kept.
  auto words = body(client().Get("/api/suggest?q=営業%20秘"));
  bool completed = false;
  for (const auto& s : words["suggestions"]) completed |= s["text"] == "営業 秘密" && s["kind"] == "term";
  EXPECT_TRUE(completed) << words.dump();

  EXPECT_TRUE(body(client().Get("/api/suggest?q="))["suggestions"].empty());
}

TEST_F(HttpApiTest, SimilarPassagesLeaveOutTheSourceDocument) {
  auto r = client().Get("/api/similar?passage=ruling/99001%23p2");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const json j = body(r);
  ASSERT_FALSE(j["hits"].empty());
  EXPECT_EQ(j["hits"][0]["passage_id"], "ruling/99002#p2");
  for (const auto& h : j["hits"]) EXPECT_NE(h["doc_id"], "ruling/99001");
  EXPECT_EQ(client().Get("/api/similar?passage=nope")->status, 404);
}

TEST_F(HttpApiTest, HealthzReportsTheIndex) {
  auto r = client().Get("/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(body(r)["status"], "ok");
  EXPECT_EQ(body(r)["passages"], 6);
}

TEST_F(HttpApiTest, SecurityHeadersOnEveryResponse) {
  for (const char* path : {"/", "/api/search?q=秘密", "/nope"}) {
    auto r = client().Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_FALSE(r->get_header_value("Content-Security-Policy").empty()) << path;
  }
}

TEST_F(HttpApiTest, HugeQueryIsRefusedWithJson) {
  const std::string long_query(2000, 'a');
  auto r = client().Get("/api/search?q=" + long_query);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(body(r)["error"]["code"], "query_too_long");

  // Longer than httplib's request line limit: still a JSON error.
  auto huge = client().Get("/api/search?q=" + std::string(20000, 'a'));
  ASSERT_TRUE(huge);
  EXPECT_EQ(huge->status, 414);
  EXPECT_EQ(body(huge)["error"]["status"], 414);
}

TEST_F(HttpApiTest, BadUtf8IsRefused) {
  auto r = client().Get("/api/search?q=%E7%A7%FF%FE");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(body(r)["error"]["code"], "bad_utf8");
  auto doc = client().Get("/api/doc/%FF%FE");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->status, 400);
}

TEST_F(HttpApiTest, NoFileOutsideWebIsServed) {
  auto index = client().Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->body.find("tsubo"), std::string::npos);
  for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/examples/../../secret.txt",
                           "/examples/%2e%2e/%2e%2e/secret.txt", "/..%5csecret.txt", "/%2e%2e%2f%2e%2e%2fetc/passwd",
                           "/.hidden", "/index.html%00.txt"}) {
    auto r = client().Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_TRUE(r->status == 400 || r->status == 404) << path << " → " << r->status;
    EXPECT_EQ(r->body.find("outside web/"), std::string::npos) << path;
    EXPECT_EQ(r->body.find("root:"), std::string::npos) << path;
  }
}

TEST_F(HttpApiTest, CorsOnlyForConfiguredOrigins) {
  auto allowed = client().Get("/api/search?q=秘密", {{"Origin", "http://intranet.example"}});
  ASSERT_TRUE(allowed);
  EXPECT_EQ(allowed->get_header_value("Access-Control-Allow-Origin"), "http://intranet.example");

  auto other = client().Get("/api/search?q=秘密", {{"Origin", "http://evil.example"}});
  ASSERT_TRUE(other);
  EXPECT_FALSE(other->has_header("Access-Control-Allow-Origin"));

  auto preflight = client().Options("/api/search", {{"Origin", "http://intranet.example"},
                                                    {"Access-Control-Request-Method", "GET"}});
  ASSERT_TRUE(preflight);
  EXPECT_EQ(preflight->status, 204);
  auto bad_preflight = client().Options("/api/search", {{"Origin", "http://evil.example"}});
  ASSERT_TRUE(bad_preflight);
  EXPECT_EQ(bad_preflight->status, 403);
  EXPECT_FALSE(bad_preflight->has_header("Access-Control-Allow-Origin"));
}

TEST_F(HttpApiTest, PageSizeAndPageAreLimited) {
  for (const char* path : {"/api/search?q=秘密&size=101", "/api/search?q=秘密&size=0", "/api/search?q=秘密&size=ten",
                           "/api/search?q=秘密&page=100000", "/api/search?q=秘密&size=99999999999999999999"}) {
    auto r = client().Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 400) << path;
    EXPECT_TRUE(body(r).contains("error")) << path;
  }
  EXPECT_EQ(client().Get("/api/search?q=秘密&size=100")->status, 200);
}

TEST_F(HttpApiTest, BadQuerySyntaxGivesTheParsersMessage) {
  auto r = client().Get("/api/search?q=%22%E7%A7%98%E5%AF%86");  // "秘密  (unbalanced quote)
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  const json j = body(r);
  EXPECT_EQ(j["error"]["code"], "bad_query");
  EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());

  EXPECT_EQ(client().Get("/api/search?q=")->status, 400);
  EXPECT_EQ(client().Get("/api/search?q=秘密&type=blog")->status, 400);
  auto year = client().Get("/api/search?q=秘密&from=昔");
  EXPECT_EQ(year->status, 400);
  EXPECT_EQ(body(year)["error"]["code"], "bad_year");
}

TEST_F(HttpApiTest, OnlyGetIsServedAndBodiesAreLimited) {
  auto post = client().Post("/api/search", "q=秘密", "application/x-www-form-urlencoded");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  auto big = client().Post("/api/search", std::string(100 * 1024, 'x'), "text/plain");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
}

TEST_F(HttpApiTest, UnknownApiPathIsJson404) {
  auto r = client().Get("/api/nothing");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_TRUE(body(r).contains("error"));
}

TEST(HttpServerReindex, ANewDocumentShowsUpWithoutARestart) {
  const std::string db = testing::temp_dir("http-reindex") + "/db";
  Analyzer analyzer;
  auto add = [&](const Document& d) {
    IndexWriter writer(db, analyzer.identity());
    std::vector<Xapian::Document> xdocs;
    for (std::size_t i = 0; i < d.passages.size(); ++i) xdocs.push_back(make_passage_document(d, d.passages[i], i, analyzer));
    writer.replace_document(d.id, std::move(xdocs));
    writer.commit();
  };
  add(statute());
  HttpOptions options;
  options.db_path = db;
  options.threads = 2;
  HttpServer server(options);
  const int port = server.bind("127.0.0.1", 0);
  std::thread runner([&] { server.run(); });
  httplib::Client client("127.0.0.1", port);
  const std::string query = "/api/search?q=顧客名簿";  // only in the ruling added later
  EXPECT_EQ(json::parse(client.Get(query)->body)["total"], 0);
  add(ruling("99003", "大阪地方裁判所", "2020-01-01"));
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));  // readers check for a new revision each second
  EXPECT_EQ(json::parse(client.Get(query)->body)["total"], 1);
  server.stop();
  runner.join();
}

TEST(HttpServerStart, MissingDatabaseFailsWithTheReason) {
  HttpOptions options;
  options.db_path = testing::temp_dir("http-missing") + "/nothing";
  try {
    HttpServer server(options);
    FAIL() << "expected an error";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("no index"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace tsubo
