// Parsing requests under HttpLimits and writing responses, on byte strings.
#include "search/http_wire.h"

#include <gtest/gtest.h>

namespace tsubo {
namespace {

using State = ParsedRequest::State;

TEST(HttpWire, ARequestIsParsedWithDecodedPathParamsAndHeaders) {
  httplib::Request req;
  const std::string bytes =
      "GET /api/doc/%E6%B3%95?q=%E7%A7%98%E5%AF%86&size=5 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n\r\nGET /next";
  const ParsedRequest p = parse_http_request(bytes, {}, req);
  ASSERT_EQ(p.state, State::kComplete);
  EXPECT_EQ(p.consumed, bytes.find("GET /next"));
  EXPECT_TRUE(p.keep_alive);
  EXPECT_EQ(req.method, "GET");
  EXPECT_EQ(req.path, "/api/doc/法");
  EXPECT_EQ(req.get_param_value("q"), "秘密");
  EXPECT_EQ(req.get_param_value("size"), "5");
  EXPECT_EQ(req.get_header_value("authorization"), "Bearer t");
}

TEST(HttpWire, APartialRequestWaitsAndABareLfHeadIsAccepted) {
  httplib::Request req;
  EXPECT_EQ(parse_http_request("GET / HTTP/1.1\r\nHost: x\r\n", {}, req).state, State::kIncomplete);
  const ParsedRequest p = parse_http_request("GET / HTTP/1.0\nHost: x\n\n", {}, req);
  ASSERT_EQ(p.state, State::kComplete);
  EXPECT_FALSE(p.keep_alive) << "HTTP/1.0 closes unless asked";
}

TEST(HttpWire, EachLimitIsNamedInItsRefusal) {
  HttpLimits limits;
  limits.max_request_line_bytes = 100;
  limits.max_header_bytes = 1000;
  limits.max_header_lines = 5;
  limits.max_body_bytes = 10;
  httplib::Request req;

  ParsedRequest p = parse_http_request("GET /" + std::string(200, 'a'), limits, req);  // no line end yet
  EXPECT_EQ(p.state, State::kRefused);
  EXPECT_EQ(p.status, 414);
  EXPECT_NE(p.message.find("at most 100 bytes"), std::string::npos) << p.message;

  std::string many = "GET / HTTP/1.1\r\n";
  for (int i = 0; i < 6; ++i) many += "X-" + std::to_string(i) + ": v\r\n";
  p = parse_http_request(many + "\r\n", limits, req);
  EXPECT_EQ(p.status, 431);
  EXPECT_EQ(p.code, "too_many_headers");

  p = parse_http_request("GET / HTTP/1.1\r\nX-Big: " + std::string(2000, 'b'), limits, req);  // unfinished
  EXPECT_EQ(p.status, 431);
  EXPECT_EQ(p.code, "headers_too_large");
  EXPECT_NE(p.message.find("at most 1000 bytes"), std::string::npos) << p.message;

  p = parse_http_request("POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n", limits, req);
  EXPECT_EQ(p.status, 413);
  EXPECT_EQ(p.code, "body_too_large");
}

TEST(HttpWire, MalformedRequestsAreRefusedNotGuessed) {
  httplib::Request req;
  for (const char* bad : {"GET\r\n\r\n", "NOT A REQUEST\r\n\r\n", "GET / HTTP/1.1 extra\r\n\r\n", "GET / HTTP/1.1\r\nno colon\r\n\r\n",
                          "GET / HTTP/1.1\r\n folded: x\r\n\r\n", "GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
                          "GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab"}) {
    const ParsedRequest p = parse_http_request(bad, {}, req);
    EXPECT_EQ(p.state, State::kRefused) << bad;
    EXPECT_EQ(p.status, 400) << bad;
  }
  EXPECT_EQ(parse_http_request("GET / HTTP/2.0\r\n\r\n", {}, req).status, 505);
  EXPECT_EQ(parse_http_request("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", {}, req).status, 501);
}

TEST(HttpWire, ABodyIsWaitedForAndTakenWhole) {
  httplib::Request req;
  EXPECT_EQ(parse_http_request("POST /x HTTP/1.1\r\nContent-Length: 4\r\n\r\nab", {}, req).state, State::kIncomplete);
  const ParsedRequest p = parse_http_request("POST /x HTTP/1.1\r\nContent-Length: 4\r\n\r\nabcdGET", {}, req);
  ASSERT_EQ(p.state, State::kComplete);
  EXPECT_EQ(req.body, "abcd");
}

TEST(HttpWire, HeadIsAnsweredAsGetWithoutTheBody) {
  httplib::Request req;
  const ParsedRequest p = parse_http_request("HEAD / HTTP/1.1\r\n\r\n", {}, req);
  ASSERT_EQ(p.state, State::kComplete);
  EXPECT_TRUE(p.head);
  EXPECT_EQ(req.method, "GET");
  httplib::Response res;
  res.set_content("hello", "text/plain");
  const std::string head = serialize_http_response(res, true, true);
  EXPECT_EQ(head.rfind("HTTP/1.1 200 OK\r\n", 0), 0u);
  EXPECT_NE(head.find("Content-Length: 5\r\n"), std::string::npos);
  EXPECT_NE(head.find("Connection: keep-alive\r\n\r\n"), std::string::npos);
  EXPECT_EQ(head.find("hello"), std::string::npos);
  res.status = 404;
  const std::string full = serialize_http_response(res, false, false);
  EXPECT_EQ(full.rfind("HTTP/1.1 404 Not Found\r\n", 0), 0u);
  EXPECT_EQ(full.substr(full.size() - 26), "Connection: close\r\n\r\nhello");
}

}  // namespace
}  // namespace tsubo
