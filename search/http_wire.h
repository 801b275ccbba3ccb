// HTTP/1.x on the wire for tsubo serve: one request parsed out of the bytes a connection has sent so
// far, under explicit limits, and one response written back. No sockets here (search/http_event_loop.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <httplib.h>

namespace tsubo {

// Every bound on what a client may send; each is named in the error reply that enforces it.
struct HttpLimits {
  std::size_t max_request_line_bytes = 8192;  // 414 request_line_too_long
  std::size_t max_header_bytes = 32 * 1024;   // 431 headers_too_large: request line and header lines together
  std::size_t max_header_lines = 100;         // 431 too_many_headers
  std::size_t max_body_bytes = 16 * 1024;     // 413 body_too_large (the API takes no bodies)
};

// What parse_http_request found in the buffer.
struct ParsedRequest {
  enum class State { kIncomplete, kComplete, kRefused } state = State::kIncomplete;
  std::size_t consumed = 0;  // kComplete: bytes of this request (head and body); the rest is the next one
  bool keep_alive = false;   // kComplete: the client wants the connection kept open afterwards
  bool head = false;         // kComplete: a HEAD request, answered as GET without the body
  int status = 0;            // kRefused: 400, 413, 414, 431, 501 or 505
  std::string code, message; // kRefused: the error's code and a sentence naming the limit
};

// Parses the first request in `buffer` (which may hold less or more than one) into `out`: method,
// target, decoded path, query parameters, headers, body. HEAD becomes GET with `head` set.
// Refuses over-long lines, too many or too big headers, bad syntax, chunked or oversized bodies;
// says kIncomplete only while every limit still holds for what has arrived.
ParsedRequest parse_http_request(std::string_view buffer, const HttpLimits& limits, httplib::Request& out);

// Compresses res.body with brotli or gzip when the request accepts it and the type is text, JSON or
// XML (httplib's own rule, as its server did), setting Content-Encoding and Vary.
void compress_response(const httplib::Request& req, httplib::Response& res);

// The bytes of a response (status -1, as set_content leaves it, is 200): status line, res.headers, Content-Length and Connection, then the body
// (left out for HEAD, where Content-Length still says its size).
std::string serialize_http_response(const httplib::Response& res, bool head, bool keep_alive);

}  // namespace tsubo
