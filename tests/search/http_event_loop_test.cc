// The connection loop of tsubo serve on loopback with a trivial handler: what idle, slow, greedy,
// pipelining and half-closing clients get.
#include "search/http_event_loop.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "raw_http_client.h"

namespace tsubo {
namespace {

using testing::connect_from;
using testing::occurrences;
using testing::read_responses;
using testing::read_until_close;
using testing::send_all;

// A server whose handler answers "<path> from <peer address>".
class LoopTest : public ::testing::Test {
 protected:
  void start(ConnectionLimits caps, HttpLimits limits = {}) {
    loop_ = std::make_unique<HttpEventLoop>(
        limits, caps,
        [](httplib::Request& req, httplib::Response& res) {
          res.set_content(req.path + " from " + req.remote_addr, "text/plain");
        },
        [](int status, const std::string& code, const std::string& message, httplib::Response& res) {
          res.status = status;
          res.set_content(code + ": " + message, "text/plain");
        });
    port_ = loop_->bind("127.0.0.1", 0);
    thread_ = std::thread([this] { loop_->run(); });
  }
  void TearDown() override {
    if (!loop_) return;
    loop_->stop();
    thread_.join();
  }
  std::string get(const std::string& path, const char* from = "127.0.0.1") {
    const int fd = connect_from(from, port_);
    if (fd < 0) return "cannot connect";
    send_all(fd, "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    std::string got = read_until_close(fd);
    ::close(fd);
    return got;
  }

  std::unique_ptr<HttpEventLoop> loop_;
  std::thread thread_;
  int port_ = 0;
};

TEST_F(LoopTest, IdleAndSlowConnectionsHoldNoWorker) {
  ConnectionLimits caps;
  caps.workers = 1;
  start(caps);
  std::vector<int> idle;
  for (int i = 0; i < 40; ++i) idle.push_back(connect_from("127.0.0.2", port_));
  for (int i = 0; i < 10; ++i) {  // half a request each
    idle.push_back(connect_from("127.0.0.3", port_));
    send_all(idle.back(), "GET /slow HTTP/1.1\r\nX-Drip: 1\r\n");
  }
  const std::string got = get("/normal");
  EXPECT_EQ(got.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << got;
  EXPECT_NE(got.find("/normal from 127.0.0.1"), std::string::npos) << got;
  for (int fd : idle) ::close(fd);
}

TEST_F(LoopTest, AHundredPipelinedRequestsAreAnsweredInOrder) {
  start({});
  const int fd = connect_from("127.0.0.1", port_);
  std::string requests;
  for (int i = 0; i < 100; ++i) requests += "GET /r" + std::to_string(i) + " HTTP/1.1\r\nHost: x\r\n\r\n";
  ASSERT_TRUE(send_all(fd, requests));
  const std::string got = read_responses(fd, 100);
  ::close(fd);
  EXPECT_EQ(occurrences(got, "HTTP/1.1 200 OK"), 100u);
  std::size_t pos = 0;
  for (int i = 0; i < 100; ++i) {
    pos = got.find("/r" + std::to_string(i) + " from", pos);
    ASSERT_NE(pos, std::string::npos) << "answer " << i << " missing or out of order";
  }
}

TEST_F(LoopTest, AClientThatHalfClosesGetsItsAnswer) {
  start({});
  const int fd = connect_from("127.0.0.1", port_);
  send_all(fd, "GET /first HTTP/1.1\r\n\r\nGET /second HTTP/1.1\r\n\r\n");
  ::shutdown(fd, SHUT_WR);
  const std::string got = read_until_close(fd);
  ::close(fd);
  EXPECT_EQ(occurrences(got, "HTTP/1.1 200 OK"), 2u) << got;
  EXPECT_NE(got.find("/second from"), std::string::npos) << got;
}

TEST_F(LoopTest, AnOverlongHeaderBlockIsRefusedAtItsLimitWithoutWaitingForTheRest) {
  HttpLimits limits;
  limits.max_header_bytes = 4096;
  start({}, limits);
  const int fd = connect_from("127.0.0.1", port_);
  std::string head = "GET / HTTP/1.1\r\n";
  while (head.size() < 5000) head += "X-Pad: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n";
  send_all(fd, head);  // never finished: the refusal must not wait for the empty line
  const std::string got = read_until_close(fd);
  ::close(fd);
  EXPECT_EQ(got.rfind("HTTP/1.1 431 ", 0), 0u) << got;
  EXPECT_NE(got.find("headers_too_large: request headers too large (at most 4096 bytes)"), std::string::npos) << got;
}

TEST_F(LoopTest, ARequestDrippingInSlowerThanTheDeadlineGets408) {
  ConnectionLimits caps;
  caps.request_timeout_ms = 600;
  start(caps);
  const int fd = connect_from("127.0.0.1", port_);
  send_all(fd, "GET / HTTP/1.1\r\n");
  std::string got;
  for (int i = 0; i < 40 && got.empty(); ++i) {  // one header line every 100 ms, for up to 4 s
    send_all(fd, "X-Drip: " + std::to_string(i) + "\r\n");
    char b[512];
    const ssize_t n = ::recv(fd, b, sizeof b, MSG_DONTWAIT);
    if (n > 0) got.append(b, static_cast<std::size_t>(n));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  got += read_until_close(fd, 5);
  ::close(fd);
  EXPECT_EQ(got.rfind("HTTP/1.1 408 ", 0), 0u) << got;
  EXPECT_NE(got.find("request_timeout"), std::string::npos) << got;
}

TEST_F(LoopTest, ConnectionsArePerClientAndInAllBounded) {
  ConnectionLimits caps;
  caps.max_connections_per_client = 3;
  caps.max_connections = 6;
  start(caps);
  std::vector<int> held;
  for (int i = 0; i < 3; ++i) held.push_back(connect_from("127.0.0.2", port_));
  const std::string fourth = get("/x", "127.0.0.2");
  EXPECT_EQ(fourth.rfind("HTTP/1.1 503 ", 0), 0u) << fourth;
  EXPECT_NE(fourth.find("too_many_connections_from_client: too many open connections from 127.0.0.2 (at most 3"),
            std::string::npos)
      << fourth;
  EXPECT_NE(get("/y", "127.0.0.3").find("/y from 127.0.0.3"), std::string::npos) << "another client is served";

  for (int i = 0; i < 3; ++i) held.push_back(connect_from("127.0.0.4", port_));
  const std::string over = get("/z", "127.0.0.5");
  EXPECT_EQ(over.rfind("HTTP/1.1 503 ", 0), 0u) << over;
  EXPECT_NE(over.find("too_many_connections: too many open connections (at most 6"), std::string::npos) << over;
  for (int fd : held) ::close(fd);
}

TEST_F(LoopTest, HeadAnswersWithTheLengthButNoBody) {
  start({});
  const int fd = connect_from("127.0.0.1", port_);
  send_all(fd, "HEAD /h HTTP/1.1\r\nConnection: close\r\n\r\n");
  const std::string got = read_until_close(fd);
  ::close(fd);
  EXPECT_EQ(got.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << got;
  EXPECT_NE(got.find("Content-Length: 17\r\n"), std::string::npos) << got;  // "/h from 127.0.0.1"
  EXPECT_EQ(got.substr(got.size() - 4), "\r\n\r\n") << got;
}

TEST_F(LoopTest, AnswersAreCompressedForClientsThatAcceptIt) {
  start({});
  httplib::Client client("127.0.0.1", port_);
  auto packed = client.Get("/text", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(packed);
  EXPECT_EQ(packed->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(packed->get_header_value("Vary"), "Accept-Encoding");
  EXPECT_EQ(packed->body, "/text from 127.0.0.1") << "httplib's client unpacks it";
  client.set_decompress(false);
  auto plain = client.Get("/text");
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->has_header("Content-Encoding"));
  EXPECT_EQ(plain->body, "/text from 127.0.0.1");
}

TEST(HttpEventLoop, RunReturnsWhenStoppedBeforeItStarts) {
  HttpEventLoop loop({}, {}, [](httplib::Request&, httplib::Response&) {},
                     [](int, const std::string&, const std::string&, httplib::Response&) {});
  loop.bind("127.0.0.1", 0);
  loop.stop();
  loop.run();
  SUCCEED();
}

}  // namespace
}  // namespace tsubo
