// The connections of tsubo serve: one epoll thread accepts, reads each request whole under a deadline
// and HttpLimits, and writes answers back; a pool of workers runs the handler on complete requests only,
// so slow or idle clients hold no worker. Pipelined requests are answered in order; a client that
// half-closes after its request still gets the answer.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "search/http_wire.h"

namespace tsubo {

struct ConnectionLimits {
  std::size_t max_connections = 1024;           // open at once; more get 503 too_many_connections
  std::size_t max_connections_per_client = 64;  // from one peer address; more get 503 too_many_connections_from_client
  std::vector<std::string> uncapped_peers;      // addresses not held to the per-client cap (a trusted proxy
                                                // speaks for many users); the total cap still holds
  int request_timeout_ms = 10000;               // a request must arrive whole within this of its first byte: 408
  int idle_timeout_ms = 5000;                   // a kept-alive connection with nothing sent is closed after this
  int write_timeout_ms = 5000;                  // a client reading nothing of its answer for this long is dropped
  std::size_t workers = 8;                      // threads running the handler
};

class HttpEventLoop {
 public:
  // Runs on a worker for each complete request; exceptions must not escape it.
  using Handler = std::function<void(httplib::Request&, httplib::Response&)>;
  // Fills the reply to a request refused at the edge (a limit, bad syntax, a timeout, too many connections).
  using Refusal = std::function<void(int status, const std::string& code, const std::string& message, httplib::Response&)>;

  HttpEventLoop(HttpLimits limits, ConnectionLimits connections, Handler handler, Refusal refusal);
  ~HttpEventLoop();
  HttpEventLoop(const HttpEventLoop&) = delete;
  HttpEventLoop& operator=(const HttpEventLoop&) = delete;

  // Binds host:port (0: any free port) and returns the port. Throws std::runtime_error with the reason.
  int bind(const std::string& host, int port);
  // Serves until stop(); a stop() before run() makes run() return at once.
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tsubo
