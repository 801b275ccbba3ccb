// Fuzzes the HTTP API's request → response path (search/http_wire.cc's parser, then search/http_api.cc):
// raw request bytes, answered by HttpServer::answer() over a small index of tests/fixtures/web-corpus
// built at start. No request may get a 5xx but the refusals 501 and 505: bad input is a 4xx, and the
// index stays readable.
#include <cstdio>
#include <memory>
#include <string>

#include "fuzz/fuzz_support.h"
#include "indexer/index_run.h"
#include "search/http_api.h"

namespace {

std::unique_ptr<tsubo::HttpServer> server;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  tsubo::IndexOptions index;
  index.db_path = tsubo::fuzz::scratch_folder() + "/db";
  index.jobs = 1;
  index.progress = false;
  const tsubo::IndexStats stats = tsubo::index_paths({tsubo::fuzz::source_dir() + "/tests/fixtures/web-corpus"}, index);
  if (stats.passages == 0 || !stats.skipped.empty()) tsubo::fuzz::fail("the web-corpus fixture did not index cleanly");
  tsubo::HttpOptions options;
  options.db_path = index.db_path;
  options.web_dir = tsubo::fuzz::source_dir() + "/web";
  options.allowed_origins = {"https://intra.example.jp"};
  options.cache_mb = 1;  // small, so that eviction runs too
  server = std::make_unique<tsubo::HttpServer>(options);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string out = server->answer(tsubo::fuzz::as_text(data, size));
  // 501 (a body sent chunked) and 505 (another HTTP version) are the server's refusals of what it does
  // not speak (search/http_wire.h), not failures; any other 5xx is.
  for (std::size_t at = out.find("HTTP/1.1 5"); at != std::string::npos; at = out.find("HTTP/1.1 5", at + 1))
    if ((at == 0 || out[at - 1] == '\n') && out.compare(at, 12, "HTTP/1.1 501") != 0 && out.compare(at, 12, "HTTP/1.1 505") != 0)
      tsubo::fuzz::fail("a 5xx answer:\n" + out.substr(at, 600));
  return 0;
}
