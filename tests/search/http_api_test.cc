// The HTTP API over real HTTP on loopback: an in-process server on an ephemeral port, a temporary
// database of hand-made documents, httplib::Client as the browser.
#include "search/http_api.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "corpus/document.h"
#include "indexer/index_run.h"
#include "indexer/index_writer.h"
#include "indexer/passage_document.h"
#include "search/searcher.h"
#include "search/search_fixtures.h"
#include "test_support.h"
#include "text/analyzer.h"

namespace tsubo {
namespace {

using testing::two_article_statute;

using nlohmann::json;

Document ruling(const std::string& id, const std::string& court, const std::string& date,
               const std::string& kind = "判決") {
  Document d;
  d.id = "ruling/" + id;
  d.type = DocType::Ruling;
  d.title = "不正競争行為差止等請求事件";
  d.meta.court = court;
  d.meta.date = date;
  d.meta.right_type = "不正競争";
  d.meta.decision_kind = kind;
  d.passages = {
      {d.id + "#p1", {"主文"}, "本件控訴を棄却する。", 0, 10, "", "主文", {}, {}, ""},
      {d.id + "#p2", {"事実及び理由", "第３ 当裁判所の判断"}, "本件顧客名簿は秘密として管理されていたとはいえず、秘密管理性は認められない。", 10, 20, "", "当裁判所の判断", {}, {}, ""},
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
      for (const Document& d : {two_article_statute(), ruling("99001", "知的財産高等裁判所", "2019-10-09"),
                                ruling("99002", "東京地方裁判所", "2017-03-21", "決定")}) {
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
  auto r = client().Get("/api/search?q=%E7%A7%98%E5%AF%86%E7%AE%A1%E7%90%86%E6%80%A7&size=1&type=ruling&facets=1");
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

TEST_F(HttpApiTest, RulingHitsSayWhetherTheyAreAJudgmentOrADecision) {
  const json j = body(client().Get("/api/search?q=%E7%A7%98%E5%AF%86%E7%AE%A1%E7%90%86%E6%80%A7&type=ruling"));
  ASSERT_EQ(j["hits"].size(), 2u);
  std::map<std::string, std::string> kinds;
  for (const auto& h : j["hits"]) kinds[h["doc_id"]] = h["meta"].value("decision_kind", "");
  EXPECT_EQ(kinds["ruling/99001"], "判決");
  EXPECT_EQ(kinds["ruling/99002"], "決定");
  EXPECT_EQ(body(client().Get("/api/doc/ruling/99002"))["meta"]["decision_kind"], "決定");
}

TEST_F(HttpApiTest, ExplainSaysWhyEachHitMatchedOnlyWhenAsked) {
  const std::string q = "/api/search?q=%E7%A7%98%E5%AF%86%E7%AE%A1%E7%90%86%E6%80%A7&type=ruling";
  const json plain = body(client().Get(q));  // cached first: explain must be part of the cache key
  ASSERT_FALSE(plain["hits"].empty());
  EXPECT_FALSE(plain["hits"][0].contains("explain"));
  const json explained = body(client().Get(q + "&explain=1"));
  ASSERT_FALSE(explained["hits"].empty());
  ASSERT_TRUE(explained["hits"][0].contains("explain")) << explained["hits"][0].dump();
  EXPECT_FALSE(explained["hits"][0]["explain"]["matched_words"].empty());
  EXPECT_EQ(explained["hits"][0]["explain"]["role"], "reasoning");
  auto bad = client().Get(q + "&explain=yes");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(body(bad)["error"]["code"], "bad_explain");
}

// group=document: one hit a ruling with its other matching passages counted; doc= lists them.
TEST_F(HttpApiTest, GroupedSearchIsOneHitARulingAndDocListsItsPassages) {
  const std::string q = "/api/search?q=%E6%9C%AC%E4%BB%B6&type=ruling";  // 本件: in both passages of each ruling
  const json flat = body(client().Get(q));  // cached first: group must be part of the cache key
  EXPECT_EQ(flat["hits"].size(), 4u) << flat.dump();
  EXPECT_EQ(flat["grouped"], false);
  const json grouped = body(client().Get(q + "&group=document"));
  EXPECT_EQ(grouped["grouped"], true);
  ASSERT_EQ(grouped["hits"].size(), 2u) << grouped.dump();
  EXPECT_EQ(grouped["total"], 2u);
  std::set<std::string> docs;
  for (const auto& h : grouped["hits"]) {
    docs.insert(h["doc_id"].get<std::string>());
    EXPECT_EQ(h["more_in_document"], 1u) << h.dump();
  }
  EXPECT_EQ(docs, (std::set<std::string>{"ruling/99001", "ruling/99002"}));
  EXPECT_EQ(body(client().Get(q + "&group=passage"))["hits"].size(), 4u);

  const json rest = body(client().Get(q + "&doc=ruling/99001"));
  ASSERT_EQ(rest["hits"].size(), 2u) << rest.dump();
  for (const auto& h : rest["hits"]) EXPECT_EQ(h["doc_id"], "ruling/99001");

  auto bad = client().Get(q + "&group=court");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(body(bad)["error"]["code"], "bad_group");
}

TEST_F(HttpApiTest, ACachedSearchIsTheSameBodyWhateverTheParameterOrder) {
  auto first = client().Get("/api/search?q=%E5%96%B6%E6%A5%AD%E7%A7%98%E5%AF%86&size=3&type=statute");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->get_header_value("X-Tsubo-Cache"), "miss");
  auto again = client().Get("/api/search?type=statute&size=3&q=%E5%96%B6%E6%A5%AD%E7%A7%98%E5%AF%86");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
  EXPECT_EQ(again->get_header_value("X-Tsubo-Cache"), "hit");
  EXPECT_EQ(again->body, first->body);
  EXPECT_EQ(again->get_header_value("Content-Type"), "application/json; charset=utf-8");
  // Another page, or facets on, is another request.
  EXPECT_EQ(client().Get("/api/search?q=%E5%96%B6%E6%A5%AD%E7%A7%98%E5%AF%86&size=3&type=statute&facets=1")
                ->get_header_value("X-Tsubo-Cache"),
            "miss");
  // Every filter is part of the key: article=1 must not be answered from the article=2 entry.
  auto art2 = client().Get("/api/search?q=%E5%96%B6%E6%A5%AD%E7%A7%98%E5%AF%86&type=statute&article=2");
  auto art1 = client().Get("/api/search?q=%E5%96%B6%E6%A5%AD%E7%A7%98%E5%AF%86&type=statute&article=1");
  ASSERT_TRUE(art2 && art1);
  EXPECT_EQ(art1->get_header_value("X-Tsubo-Cache"), "miss");
  EXPECT_EQ(body(art2)["total"], 1);
  EXPECT_EQ(body(art1)["total"], 0);
  auto cites = client().Get("/api/search?q=%E5%96%B6%E6%A5%AD%E7%A7%98%E5%AF%86&type=statute&article=2&cites=%E6%B0%91%E6%B3%95709%E6%9D%A1");
  ASSERT_TRUE(cites);
  EXPECT_EQ(cites->get_header_value("X-Tsubo-Cache"), "miss");
  EXPECT_EQ(body(cites)["total"], 0);
}

TEST_F(HttpApiTest, FacetsOnlyWhenAskedAndTheySayWhetherTheyAreExact) {
  const json with = body(client().Get("/api/search?q=秘密管理性&facets=1"));
  ASSERT_TRUE(with.contains("facets"));
  EXPECT_EQ(with["facets_estimated"], false);  // three documents: every match counted
  EXPECT_EQ(with["facets"]["type"].size(), 2u);
  for (const char* off : {"/api/search?q=秘密管理性", "/api/search?q=秘密管理性&facets=0"}) {
    const json without = body(client().Get(off));
    EXPECT_FALSE(without.contains("facets")) << off;
    EXPECT_FALSE(without.contains("facets_estimated")) << off;
    EXPECT_EQ(without["hits"], with["hits"]) << off;
  }
  auto bad = client().Get("/api/search?q=秘密管理性&facets=yes");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(body(bad)["error"]["code"], "bad_facets");
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

  // Down to the day: 99001 is of 2019-10-09, 99002 of 2017-03-21.
  auto from_day = body(client().Get("/api/search?q=秘密管理性&from=令和元年10月10日"));
  EXPECT_EQ(from_day["hits"].size(), 0u) << from_day.dump();
  EXPECT_EQ(from_day["from_date"], "2019-10-10");
  auto on_day = body(client().Get("/api/search?q=秘密管理性&dates=H29.3.21..平成29年3月21日"));
  ASSERT_EQ(on_day["hits"].size(), 1u);
  EXPECT_EQ(on_day["hits"][0]["doc_id"], "ruling/99002");
  EXPECT_EQ(on_day["to_date"], "2017-03-21");
  auto month = body(client().Get("/api/search?q=秘密管理性&years=2019-10"));  // the old parameter name still works
  ASSERT_EQ(month["hits"].size(), 1u);
  EXPECT_EQ(month["hits"][0]["doc_id"], "ruling/99001");

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
  EXPECT_EQ(body(year)["error"]["code"], "bad_date");
  // The message names the parameter at fault, not only the value.
  EXPECT_EQ(body(year)["error"]["message"].get<std::string>().rfind("from: ", 0), 0u) << body(year).dump();
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

// answer() is the socket-free path of the HTTP fuzz target: the same routes, headers and errors.
TEST_F(HttpApiTest, AnswerServesRawRequestsWithoutASocket) {
  const std::string one = server_->answer("GET /api/search?q=%E7%A7%98%E5%AF%86&type=ruling HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_EQ(one.rfind("HTTP/1.1 200", 0), 0u) << one.substr(0, 200);
  EXPECT_NE(one.find("X-Content-Type-Options: nosniff"), std::string::npos);
  EXPECT_NE(one.find("\"ruling/99001\""), std::string::npos);
  // Pipelined requests are answered in turn, a malformed request line with a 400 of its own.
  const std::string three = server_->answer(
      "GET /healthz HTTP/1.1\r\n\r\nGET /api/search?q= HTTP/1.1\r\n\r\nNOT A REQUEST\r\n\r\nGET /healthz HTTP/1.1\r\n\r\n");
  EXPECT_EQ(three.rfind("HTTP/1.1 200", 0), 0u);
  const std::size_t second = three.find("HTTP/1.1 400", 1);
  ASSERT_NE(second, std::string::npos) << three;
  EXPECT_NE(three.find("empty_query", second), std::string::npos);
  const std::size_t third = three.find("HTTP/1.1 400", second + 1);
  ASSERT_NE(third, std::string::npos) << three;
  EXPECT_NE(three.find("HTTP/1.1 200", third), std::string::npos) << three;
  EXPECT_EQ(server_->answer(""), "");
}

// httplib's SO_REUSEPORT let a second server bind the same port and take every other request.
TEST_F(HttpApiTest, ASecondServerOnTheSamePortIsRefused) {
  HttpOptions options;
  options.db_path = *db_;
  options.threads = 1;
  HttpServer second(options);
  try {
    second.bind("127.0.0.1", port_);
    ADD_FAILURE() << "a second server bound port " << port_;
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("127.0.0.1:" + std::to_string(port_) + ": address already in use"),
              std::string::npos)
        << e.what();
  }
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
  add(two_article_statute());
  HttpOptions options;
  options.db_path = db;
  options.threads = 2;
  HttpServer server(options);
  const int port = server.bind("127.0.0.1", 0);
  std::thread runner([&] { server.run(); });
  httplib::Client client("127.0.0.1", port);
  const std::string query = "/api/search?q=顧客名簿";  // only in the ruling added later
  EXPECT_EQ(json::parse(client.Get(query)->body)["total"], 0);
  auto cached = client.Get(query);
  EXPECT_EQ(cached->get_header_value("X-Tsubo-Cache"), "hit");
  EXPECT_EQ(json::parse(cached->body)["total"], 0);
  add(ruling("99003", "大阪地方裁判所", "2020-01-01"));
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));  // readers check for a new revision each second
  auto fresh = client.Get(query);  // the cache is keyed by the revision: not the old answer
  EXPECT_EQ(fresh->get_header_value("X-Tsubo-Cache"), "miss");
  EXPECT_EQ(json::parse(fresh->body)["total"], 1);
  server.stop();
  runner.join();
}

// tsubo index into an empty database builds a new one beside it and renames it into place: same path,
// same revision (1), another UUID. The server once kept the old tables and answered 0 hits.
TEST(HttpServerReindex, ANewDatabaseRenamedIntoPlaceIsServed) {
  const std::string db = testing::temp_dir("http-publish") + "/db";
  {
    Analyzer analyzer;
    IndexWriter writer(db, analyzer.identity());
    writer.commit();
  }
  HttpOptions options;
  options.db_path = db;
  options.threads = 2;
  HttpServer server(options);
  const int port = server.bind("127.0.0.1", 0);
  std::thread runner([&] { server.run(); });
  httplib::Client client("127.0.0.1", port);
  const std::string query = "/api/search?q=営業秘密";
  EXPECT_EQ(json::parse(client.Get(query)->body)["total"], 0);
  IndexOptions index;
  index.db_path = db;
  index.progress = false;
  index.jobs = 2;
  ASSERT_GT(index_paths({testing::fixture_path("web-corpus")}, index).passages_in_db, 0u);
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));  // readers check for a new revision each second
  const json fresh = json::parse(client.Get(query)->body);
  EXPECT_GT(fresh["total"].get<int>(), 0) << fresh.dump();
  server.stop();
  runner.join();
}

TEST(HttpServerCache, ZeroMegabytesTurnsItOff) {
  const std::string db = testing::temp_dir("http-nocache") + "/db";
  {
    Analyzer analyzer;
    IndexWriter writer(db, analyzer.identity());
    const Document d = two_article_statute();
    std::vector<Xapian::Document> xdocs;
    for (std::size_t i = 0; i < d.passages.size(); ++i) xdocs.push_back(make_passage_document(d, d.passages[i], i, analyzer));
    writer.replace_document(d.id, std::move(xdocs));
    writer.commit();
  }
  HttpOptions options;
  options.db_path = db;
  options.threads = 2;
  options.cache_mb = 0;
  HttpServer server(options);
  const int port = server.bind("127.0.0.1", 0);
  std::thread runner([&] { server.run(); });
  httplib::Client client("127.0.0.1", port);
  for (int i = 0; i < 2; ++i) {
    auto r = client.Get("/api/search?q=営業秘密");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_FALSE(r->has_header("X-Tsubo-Cache"));
  }
  server.stop();
  runner.join();
}

// ---- serve --shard ----------------------------------------------------------------------------

std::string build_db(const std::string& label, const std::vector<Document>& docs) {
  const std::string db = testing::temp_dir(label) + "/db";
  Analyzer analyzer;
  IndexWriter writer(db, analyzer.identity());
  for (const Document& d : docs) {
    std::vector<Xapian::Document> xdocs;
    for (std::size_t i = 0; i < d.passages.size(); ++i) xdocs.push_back(make_passage_document(d, d.passages[i], i, analyzer));
    writer.replace_document(d.id, std::move(xdocs));
  }
  writer.commit();
  return db;
}

// An in-process server over a database or shards, stopped when it goes out of scope.
class TestServer {
 public:
  explicit TestServer(HttpOptions options) : server_(std::move(options)) {
    port_ = server_.bind("127.0.0.1", 0);
    runner_ = std::thread([this] { server_.run(); });
  }
  ~TestServer() {
    server_.stop();
    runner_.join();
  }
  json get(const std::string& path) {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(20);
    auto r = c.Get(path);
    if (!r) return json();
    EXPECT_EQ(r->status, 200) << path << " " << r->body;
    return json::parse(r->body);
  }

 private:
  HttpServer server_;
  int port_ = 0;
  std::thread runner_;
};

// passage id → score of every hit, for comparing rankings whose ties may be broken differently.
std::map<std::string, double> scores(const json& response) {
  std::map<std::string, double> out;
  for (const auto& h : response["hits"]) out[h["passage_id"]] = h["score"];
  return out;
}

void expect_same_scores(const json& a, const json& b) {
  const auto sa = scores(a), sb = scores(b);
  ASSERT_EQ(sa.size(), sb.size());
  for (const auto& [id, score] : sa) {
    ASSERT_TRUE(sb.count(id)) << id;
    EXPECT_NEAR(score, sb.at(id), 1e-9 * std::max(1.0, std::abs(score))) << id;
  }
}

const std::vector<std::string> kShardQueries = {"/api/search?q=秘密管理性&size=20&facets=1", "/api/search?q=営業秘密&size=20",
                                                "/api/search?q=本件控訴&size=20&facets=0"};

class HttpShardsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const Document a = two_article_statute(), b = ruling("99001", "知的財産高等裁判所", "2019-10-09"),
                   c = ruling("99002", "東京地方裁判所", "2017-03-21");
    whole_ = build_db("shards-http-whole", {a, b, c});
    statutes_ = build_db("shards-http-statutes", {a});
    rulings_ = build_db("shards-http-rulings", {b, c});
  }
  static std::string whole_, statutes_, rulings_;
};
std::string HttpShardsTest::whole_, HttpShardsTest::statutes_, HttpShardsTest::rulings_;

TEST_F(HttpShardsTest, LocalShardsAnswerAsOneDatabaseAndAMissingOneIsNamed) {
  HttpOptions one;
  one.db_path = whole_;
  one.threads = 2;
  HttpOptions sharded = one;
  sharded.shards = {statutes_, rulings_, "tcp://127.0.0.1:1"};  // nothing listens on port 1
  TestServer whole(one), shards(sharded);
  for (const auto& q : kShardQueries) {
    const json a = whole.get(q), b = shards.get(q);
    EXPECT_EQ(a["total"], b["total"]) << q;
    expect_same_scores(a, b);
    ASSERT_EQ(b["missing_shards"].size(), 1u);
    EXPECT_EQ(b["missing_shards"][0].get<std::string>().rfind("tcp://127.0.0.1:1: ", 0), 0u) << b["missing_shards"];
    EXPECT_FALSE(a.contains("missing_shards"));
  }
  const json health = shards.get("/healthz");
  EXPECT_EQ(health["passages"], 6);
  EXPECT_EQ(health["missing_shards"].size(), 1u);
}

// ---- remote shards: two xapian-tcpsrv on loopback ------------------------------------------------

using ::tsubo::testing::free_port;

bool listening(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

// xapian-tcpsrv serving one database, in a process group of its own (it forks a child per
// connection), ended with that group.
class TcpServer {
 public:
  TcpServer(const std::string& db, int port) : port_(port) {
    const std::string p = std::to_string(port);
    std::vector<std::string> args = {"xapian-tcpsrv", "--interface", "127.0.0.1", "--port", p, db};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    if (posix_spawnp(&pid_, "xapian-tcpsrv", nullptr, &attr, argv.data(), environ) != 0) pid_ = 0;
    posix_spawnattr_destroy(&attr);
    for (int i = 0; pid_ && i < 100 && !listening(port); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ~TcpServer() { stop(); }
  void stop() {
    if (!pid_) return;
    kill(-pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
    pid_ = 0;
  }
  std::string address() const { return "tcp://127.0.0.1:" + std::to_string(port_); }
  bool running() const { return pid_ != 0 && listening(port_); }

 private:
  pid_t pid_ = 0;
  int port_;
};

bool have_tcpsrv() { return std::system("command -v xapian-tcpsrv >/dev/null 2>&1") == 0; }

TEST_F(HttpShardsTest, RemoteShardsRankLikeOneDatabaseAndADownShardIsNamed) {
  if (!have_tcpsrv()) GTEST_SKIP() << "xapian-tcpsrv missing (Debian package xapian-tools)";
  TcpServer statutes(statutes_, free_port()), rulings(rulings_, free_port());
  ASSERT_TRUE(statutes.running() && rulings.running());
  HttpOptions one;
  one.db_path = whole_;
  one.threads = 1;  // one reader: the down shard is noticed by the next request
  HttpOptions remote = one;
  remote.shards = {statutes.address(), rulings.address()};
  TestServer whole(one), shards(remote);
  for (const auto& q : kShardQueries) {
    const json a = whole.get(q), b = shards.get(q);
    EXPECT_EQ(a["total"], b["total"]) << q;
    expect_same_scores(a, b);
    EXPECT_TRUE(b["missing_shards"].empty()) << b["missing_shards"];
  }

  rulings.stop();
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // past the reader's once-a-second check
  const json degraded = shards.get("/api/search?q=営業秘密&facets=0");
  ASSERT_EQ(degraded["missing_shards"].size(), 1u) << degraded.dump();
  EXPECT_EQ(degraded["missing_shards"][0].get<std::string>().rfind(rulings.address(), 0), 0u) << degraded["missing_shards"];
  for (const auto& h : degraded["hits"]) EXPECT_EQ(h["type"], "statute");
  EXPECT_FALSE(degraded["hits"].empty());
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
