// tsubo over HTTP: the versioned JSON API and the search page in web/, served by an epoll loop
// (search/http_event_loop.h) that bounds what a client may send and for how long.
//
//   GET /api/search?q=&type=&court=&law=&collection=&from=&to=&dates=&sort=date&page=&size=&facets=1
//                                      from / to / dates: years, months or days (date_filter.h)
//                                      response_to_json() + {api, page, size, from_date, to_date,
//                                      from_year, to_year,
//                                      facets_estimated (with facets=1), missing_shards (with shards)}
//                                      header X-Tsubo-Cache: hit | miss when the result cache is on
//   GET /api/doc/{doc id}[?q=]         the whole document, passages in order (document_reader.h)
//   GET /api/suggest?q=[&limit=]       completions (suggest.h)
//   GET /api/similar?passage=[&size=]  「類似の箇所」 by relevance feedback (more_like_this.h)
//   GET /healthz                       {status, passages, revision} (+ shards, missing_shards)
//   GET /…                             files under web/, nothing outside it
//
// Errors are JSON, {"error": {"status", "code", "message"}}, with 400 for bad input, 404, 413 for
// over-long queries and bodies, 414 for over-long request lines, 431 for too many or too big headers,
// 408 for a request that does not arrive in time, 503 when the index cannot be read or a client has
// too many connections open.
//
// Who is asking (search/request_identity.h): with HttpOptions::access, a Bearer token or a trusted
// proxy's X-Forwarded-User/-Groups name the user and groups; every endpoint then reads only what
// those groups may (search/search_query.h, readable_by), 401/403 for a bad token or forged headers.
// Without it, everyone is anonymous and sees the public documents only, as before.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "search/ranking.h"

namespace tsubo {

struct AccessConfig;

inline constexpr int kApiVersion = 1;

struct HttpOptions {
  std::string db_path;
  std::vector<std::string> shards;           // when given, searched as one instead of db_path (search/shards.h);
                                             // a shard that does not answer is named in missing_shards
  std::string web_dir;                       // the search page and widget; empty = API only
  std::vector<std::string> allowed_origins;  // CORS: exact origins ("https://intra.example.jp") or "*"
  std::string dictionary_dir;                // MeCab dictionary; must match the index
  std::size_t threads = 32;                  // worker threads, each with its own Analyzer + Searcher; they
                                             // run complete requests only (idle or slow clients hold none)
  std::size_t max_query_bytes = 1000;        // q of /api/search (the query parser's own limit)
  std::size_t max_page_size = 100;
  std::size_t max_offset = 10000;            // (page - 1) × size
  std::size_t max_body_bytes = 16 * 1024;    // the API takes no bodies; anything bigger is refused
  int io_timeout_seconds = 5;                // keep-alive idle, and a client not reading its answer
  int request_timeout_seconds = 10;          // a request must arrive whole within this of its first byte (408)
  std::size_t max_header_bytes = 32 * 1024;  // request line and headers together (431)
  std::size_t max_header_lines = 100;        // (431)
  std::size_t max_connections = 1024;        // open at once (503 too_many_connections)
  std::size_t max_connections_per_client = 64;  // from one address (503 too_many_connections_from_client);
                                                // the trusted proxies of `access` are not held to it
  double slow_query_ms = 2000;               // searches slower than this are logged to stderr
  double query_time_limit_ms = 1000;         // matching stops after this; the best hits so far are returned
  std::size_t cache_mb = 64;                 // result cache (search bodies by request and index revision); 0 = off
  std::size_t cache_entries = 20000;
  RankingParams ranking;                     // every search's knobs (tsubo serve --rank, for experiments)
  std::shared_ptr<const AccessConfig> access;  // tokens, trusted proxies, audit log (tsubo serve --config);
                                               // null: anonymous readers of public documents only
};

class HttpServer {
 public:
  // Opens the database once to check it (throws SearchError or AnalyzerError with the reason).
  explicit HttpServer(HttpOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds host:port (port 0: any free port) and returns the port. Throws std::runtime_error.
  int bind(const std::string& host, int port);
  // Serves until stop() is called from another thread. Re-indexing the database while serving is
  // picked up within a second, without a restart (the cache is keyed by the index revision).
  void run();
  void stop();

  // Answers the raw HTTP requests in `raw` (request line, headers, body; several when pipelined) as the
  // server does on a connection, without a socket, and returns the raw responses: the request → response
  // path for the fuzz target fuzz/http_request_fuzz.cc and tests. Unlike a connection, which is closed
  // after a refusal, it goes on after the refused request's empty line, so one input reaches more requests.
  std::string answer(std::string_view raw);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tsubo
