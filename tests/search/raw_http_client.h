// Plain sockets for HTTP tests that httplib::Client cannot play: slow, pipelining, half-closing
// clients, and clients from another loopback address (127.0.0.2…, to count as another peer).
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <limits>
#include <string>

namespace tsubo::testing {

// A connected TCP socket to 127.0.0.1:port from the given loopback address; -1 on failure.
inline int connect_from(const char* source, int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in from{};
  from.sin_family = AF_INET;
  inet_pton(AF_INET, source, &from.sin_addr);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0) return ::close(fd), -1;
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) return ::close(fd), -1;
  return fd;
}

// Sends everything it can; false when the server closed or reset the connection.
inline bool send_all(int fd, const std::string& bytes) {
  for (std::size_t sent = 0; sent < bytes.size();) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

// The bytes read until `count` responses have arrived whole (counted by their status lines and
// Content-Length), the server closes, or `seconds` pass.
inline std::string read_responses(int fd, std::size_t count, int seconds = 10) {
  std::string got;
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  char buf[16384];
  auto complete = [&] {
    std::size_t pos = 0, seen = 0;
    while (seen < count) {
      const std::size_t head = got.find("\r\n\r\n", pos);
      if (head == std::string::npos) return false;
      const std::size_t cl = got.find("Content-Length: ", pos);
      if (cl == std::string::npos || cl > head) return false;
      const std::size_t body = std::stoul(got.substr(cl + 16));
      if (got.size() < head + 4 + body) return false;
      pos = head + 4 + body;
      ++seen;
    }
    return true;
  };
  while (!complete() && std::chrono::steady_clock::now() < until) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    got.append(buf, static_cast<std::size_t>(n));
  }
  return got;
}

// Everything the server sends until it closes, or until `seconds` pass.
inline std::string read_until_close(int fd, int seconds = 10) {
  return read_responses(fd, std::numeric_limits<std::size_t>::max(), seconds);
}

// How many times `needle` occurs in `text`.
inline std::size_t occurrences(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + needle.size())) ++n;
  return n;
}

}  // namespace tsubo::testing
