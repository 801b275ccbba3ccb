// Fuzzes the HTTP API's request → response path (search/http_api.cc through httplib's request parsing):
// raw request bytes, answered by HttpServer::answer() over a small index of tests/fixtures/web-corpus
// built at start. No request may get a 5xx: bad input is a 4xx, and the index stays readable.
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
  for (std::size_t at = out.find("HTTP/1.1 5"); at != std::string::npos; at = out.find("HTTP/1.1 5", at + 1))
    if (at == 0 || out[at - 1] == '\n') tsubo::fuzz::fail("a 5xx answer:\n" + out.substr(at, 600));
  return 0;
}
