// Parsing one HTTP/1.x request under HttpLimits, and writing one response.
#include "search/http_wire.h"

#include <algorithm>
#include <cctype>
#include <memory>

namespace tsubo {
namespace {

ParsedRequest refuse(int status, std::string code, std::string message) {
  ParsedRequest p;
  p.state = ParsedRequest::State::kRefused;
  p.status = status;
  p.code = std::move(code);
  p.message = std::move(message);
  return p;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::tolower(x) == std::tolower(y); });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A token (RFC 9110): what a method or header name may be made of.
bool is_token(std::string_view s) {
  if (s.empty()) return false;
  for (unsigned char c : s)
    if (c <= 32 || c >= 127 || std::string_view("()<>@,;:\\\"/[]?={}").find(c) != std::string_view::npos) return false;
  return true;
}

const char* reason_phrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
  }
}

}  // namespace

ParsedRequest parse_http_request(std::string_view buffer, const HttpLimits& limits, httplib::Request& out) {
  // The request line: "GET /api/search?q=%E7%A7%98%E5%AF%86 HTTP/1.1".
  const std::size_t line_end = buffer.find('\n');
  if (line_end == std::string_view::npos ? buffer.size() > limits.max_request_line_bytes
                                         : line_end > limits.max_request_line_bytes)
    return refuse(414, "request_line_too_long",
                  "request line too long (at most " + std::to_string(limits.max_request_line_bytes) +
                      " bytes); a query may hold at most 1000 bytes");
  // The head ends at an empty line; until it arrives the whole head must stay within the limit.
  std::size_t head_end = std::string_view::npos, body_start = 0;
  for (std::size_t pos = line_end; pos != std::string_view::npos && pos < buffer.size(); pos = buffer.find('\n', pos + 1)) {
    const std::size_t next = pos + 1;
    if (next < buffer.size() && buffer[next] == '\n') { head_end = next; body_start = next + 1; break; }
    if (next + 1 < buffer.size() && buffer[next] == '\r' && buffer[next + 1] == '\n') {
      head_end = next;
      body_start = next + 2;
      break;
    }
  }
  if (head_end == std::string_view::npos ? buffer.size() > limits.max_header_bytes : head_end > limits.max_header_bytes)
    return refuse(431, "headers_too_large",
                  "request headers too large (at most " + std::to_string(limits.max_header_bytes) + " bytes)");
  if (head_end == std::string_view::npos) return {};

  out = httplib::Request();
  const std::string_view request_line = trim(buffer.substr(0, line_end));
  const std::size_t sp1 = request_line.find(' ');
  const std::size_t sp2 = sp1 == std::string_view::npos ? sp1 : request_line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || request_line.find(' ', sp2 + 1) != std::string_view::npos)
    return refuse(400, "bad_request_line", "the request line must be «METHOD target HTTP/1.1»");
  const std::string_view method = request_line.substr(0, sp1);
  const std::string_view target = request_line.substr(sp1 + 1, sp2 - sp1 - 1);
  const std::string_view version = request_line.substr(sp2 + 1);
  if (!is_token(method) || target.empty()) return refuse(400, "bad_request_line", "the request line must be «METHOD target HTTP/1.1»");
  if (version.rfind("HTTP/", 0) != 0) return refuse(400, "bad_request_line", "the request line must be «METHOD target HTTP/1.1»");
  if (version != "HTTP/1.1" && version != "HTTP/1.0")
    return refuse(505, "http_version_not_supported", "only HTTP/1.0 and HTTP/1.1 are served");
  out.method = std::string(method);
  out.version = std::string(version);
  out.target = std::string(target);
  const std::size_t question = target.find('?');
  out.path = httplib::detail::decode_url(std::string(target.substr(0, question)), false);
  if (question != std::string_view::npos) httplib::detail::parse_query_text(std::string(target.substr(question + 1)), out.params);

  // Header lines: "Name: value". Folded lines (obsolete) and lines without a colon are refused.
  std::size_t lines = 0;
  for (std::size_t pos = line_end + 1; pos < head_end;) {
    std::size_t eol = buffer.find('\n', pos);
    const std::string_view line = buffer.substr(pos, eol - pos);
    pos = eol + 1;
    if (++lines > limits.max_header_lines)
      return refuse(431, "too_many_headers", "too many header lines (at most " + std::to_string(limits.max_header_lines) + ")");
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || !is_token(line.substr(0, colon)))
      return refuse(400, "bad_header", "a header line must be «Name: value»");
    out.headers.emplace(std::string(line.substr(0, colon)), std::string(trim(line.substr(colon + 1))));
  }

  bool keep_alive = version == "HTTP/1.1";
  const std::string connection = out.get_header_value("Connection");
  if (iequals(connection, "close")) keep_alive = false;
  if (iequals(connection, "keep-alive")) keep_alive = true;

  if (out.has_header("Transfer-Encoding"))
    return refuse(501, "chunked_body", "bodies sent with Transfer-Encoding are not accepted (the API takes none)");
  std::size_t body_bytes = 0;
  if (out.has_header("Content-Length")) {
    const std::string length = out.get_header_value("Content-Length");
    if (length.empty() || length.size() > 18 || length.find_first_not_of("0123456789") != std::string::npos ||
        out.get_header_value_count("Content-Length") != 1)
      return refuse(400, "bad_content_length", "Content-Length must be one whole number");
    body_bytes = std::stoull(length);
    if (body_bytes > limits.max_body_bytes)
      return refuse(413, "body_too_large", "request body too large (at most " + std::to_string(limits.max_body_bytes) +
                                               " bytes); the API takes none");
  }
  if (buffer.size() - body_start < body_bytes) return {};
  out.body = std::string(buffer.substr(body_start, body_bytes));

  ParsedRequest p;
  p.state = ParsedRequest::State::kComplete;
  p.consumed = body_start + body_bytes;
  p.keep_alive = keep_alive;
  if (out.method == "HEAD") {
    out.method = "GET";
    p.head = true;
  }
  return p;
}

void compress_response(const httplib::Request& req, httplib::Response& res) {
  if (res.body.empty() || res.has_header("Content-Encoding")) return;
  const auto type = httplib::detail::encoding_type(req, res);
  std::unique_ptr<httplib::detail::compressor> compressor;
  if (type == httplib::detail::EncodingType::Brotli) compressor = std::make_unique<httplib::detail::brotli_compressor>();
  else if (type == httplib::detail::EncodingType::Gzip) compressor = std::make_unique<httplib::detail::gzip_compressor>();
  else return;
  std::string packed;
  const bool ok = compressor->compress(res.body.data(), res.body.size(), true, [&](const char* data, std::size_t n) {
    packed.append(data, n);
    return true;
  });
  if (!ok) return;  // sent as it is
  res.body = std::move(packed);
  res.set_header("Content-Encoding", type == httplib::detail::EncodingType::Brotli ? "br" : "gzip");
  const std::string vary = res.get_header_value("Vary");
  res.headers.erase("Vary");
  res.set_header("Vary", vary.empty() ? "Accept-Encoding" : vary + ", Accept-Encoding");
}

std::string serialize_http_response(const httplib::Response& res, bool head, bool keep_alive) {
  const int status = res.status == -1 ? 200 : res.status;  // httplib's "not set", as set_content leaves it
  std::string s;
  s.reserve(512 + (head ? 0 : res.body.size()));
  s += "HTTP/1.1 " + std::to_string(status) + " " + reason_phrase(status) + "\r\n";
  for (const auto& [name, value] : res.headers) {
    if (iequals(name, "Content-Length") || iequals(name, "Connection")) continue;
    s += name + ": " + value + "\r\n";
  }
  s += "Content-Length: " + std::to_string(res.body.size()) + "\r\n";
  s += keep_alive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
  if (!head) s += res.body;
  return s;
}

}  // namespace tsubo
