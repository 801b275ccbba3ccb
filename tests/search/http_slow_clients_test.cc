// Issue 19's bounded slow-client test, on loopback against the real HttpServer: with 200 connections
// dripping header lines, a normal search still answers promptly; a 5 MB header block is refused and
// the server's memory comes back to where it was. The one assertion on time is the issue's own
// requirement, kept loose for a loaded 2-core machine: the median of 9 searches under 100 ms (the
// server starved by 32 such clients timed every search out).
#include "search/http_api.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <thread>
#include <vector>

#include "indexer/index_writer.h"
#include "indexer/passage_document.h"
#include "raw_http_client.h"
#include "search/search_fixtures.h"
#include "test_support.h"
#include "text/analyzer.h"

namespace tsubo {
namespace {

using testing::connect_from;
using testing::read_until_close;
using testing::send_all;

// Resident memory of this process (the server runs in it), in kB.
long rss_kb() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

class SlowClients : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string dir = testing::temp_dir("http-slow");
    db_ = dir + "/db";
    {
      Analyzer analyzer;
      IndexWriter writer(db_, analyzer.identity());
      const Document d = testing::two_article_statute();
      std::vector<Xapian::Document> xdocs;
      for (std::size_t i = 0; i < d.passages.size(); ++i) xdocs.push_back(make_passage_document(d, d.passages[i], i, analyzer));
      writer.replace_document(d.id, std::move(xdocs));
      writer.commit();
    }
    HttpOptions options;  // the defaults of tsubo serve, but for fewer workers on a small machine
    options.db_path = db_;
    options.threads = 4;
    options.cache_mb = 0;  // every search is a real search
    server_ = std::make_unique<HttpServer>(options);
    port_ = server_->bind("127.0.0.1", 0);
    thread_ = std::thread([this] { server_->run(); });
  }
  void TearDown() override {
    server_->stop();
    thread_.join();
  }

  std::string db_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  int port_ = 0;
};

TEST_F(SlowClients, TwoHundredDrippingConnectionsLeaveSearchesPrompt) {
  // 200 connections from four other loopback addresses (50 each, under the per-client cap of 64),
  // each with a search begun and one more header line every 200 ms.
  std::vector<int> slow;
  for (int i = 0; i < 200; ++i) {
    const std::string from = "127.0.0." + std::to_string(2 + i % 4);
    const int fd = connect_from(from.c_str(), port_);
    ASSERT_GE(fd, 0) << "connection " << i;
    ASSERT_TRUE(send_all(fd, "GET /api/search?q=%E7%A7%98%E5%AF%86 HTTP/1.1\r\nHost: x\r\n"));
    slow.push_back(fd);
  }
  std::atomic<bool> dripping{true};
  std::thread drip([&] {
    for (int n = 0; dripping; ++n) {
      for (int fd : slow) send_all(fd, "X-Drip-" + std::to_string(n) + ": still here\r\n");
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  });

  httplib::Client client("127.0.0.1", port_);
  client.set_read_timeout(10);
  std::vector<double> ms;
  for (int i = 0; i < 9; ++i) {
    const auto start = std::chrono::steady_clock::now();
    auto r = client.Get("/api/search?q=%E7%A7%98%E5%AF%86");
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    ASSERT_TRUE(r) << "search " << i << " got no answer";
    EXPECT_EQ(r->status, 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  dripping = false;
  drip.join();
  std::sort(ms.begin(), ms.end());
  std::cout << "[slow clients] 9 searches with 200 dripping connections: median " << ms[4] << " ms, max " << ms.back()
            << " ms\n";
  EXPECT_LT(ms[4], 100.0);

  // The slow requests were kept, not dropped: finished now, each is answered.
  int answered = 0;
  for (int fd : slow) {
    send_all(fd, "Connection: close\r\n\r\n");
    if (read_until_close(fd).rfind("HTTP/1.1 200 ", 0) == 0) ++answered;
    ::close(fd);
  }
  EXPECT_EQ(answered, 200);
}

TEST_F(SlowClients, FiveMegabytesOfHeadersAreRefusedAndTheMemoryComesBack) {
  std::string headers = "GET /api/search?q=%E7%A7%98%E5%AF%86 HTTP/1.1\r\n";
  while (headers.size() < 5 * 1024 * 1024) headers += "X-Line: 0123456789012345678901234567890123456789\r\n";
  headers += "\r\n";
  auto send_huge = [&] {
    const int fd = connect_from("127.0.0.1", port_);
    send_all(fd, headers);  // the server may stop reading early; what it answered is what counts
    std::string got = read_until_close(fd);
    ::close(fd);
    return got;
  };
  const std::string first = send_huge();  // warm up: buffers, threads
  EXPECT_EQ(first.rfind("HTTP/1.1 431 ", 0), 0u) << first.substr(0, 200);
  EXPECT_NE(first.find("headers_too_large"), std::string::npos) << first.substr(0, 400);
  const long before = rss_kb();
  for (int i = 0; i < 20; ++i) {
    const std::string got = send_huge();
    EXPECT_EQ(got.rfind("HTTP/1.1 431 ", 0), 0u) << "request " << i << ": " << got.substr(0, 200);
  }
  const long after = rss_kb();
  std::cout << "[slow clients] RSS before 20 × 5 MB header blocks " << before << " kB, after " << after << " kB\n";
  EXPECT_LT(after - before, 16 * 1024) << "20 refused 5 MB requests kept memory";  // was +600 MB for 96 of them

  httplib::Client client("127.0.0.1", port_);
  auto r = client.Get("/api/search?q=%E7%A7%98%E5%AF%86");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

}  // namespace
}  // namespace tsubo
