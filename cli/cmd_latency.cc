// tsubo latency: query latency over a fixed query set, in-process (cold: first query after opening
// the database; warm: after a pass over all queries), on one database or on shards.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <numeric>

#include "cli/commands.h"
#include "cli/terminal_text.h"
#include "search/query_parser.h"
#include "search/searcher.h"
#include "text/analyzer.h"

namespace tsubo::cli {
namespace {

// queries.tsv: "<id>\t<query>[\t…]"; lines starting with # are comments.
std::vector<std::string> read_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("[latency] cannot read " + path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    const std::size_t end = line.find('\t', tab + 1);
    out.push_back(line.substr(tab + 1, end == std::string::npos ? std::string::npos : end - tab - 1));
  }
  return out;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t k = std::min(v.size() - 1, static_cast<std::size_t>(p / 100.0 * v.size()));
  return v[k];
}

void print_row(const char* name, const std::vector<double>& ms) {
  // The mean too: a server's throughput is its cores over the mean time a query takes.
  const double mean = ms.empty() ? 0.0 : std::accumulate(ms.begin(), ms.end(), 0.0) / static_cast<double>(ms.size());
  std::printf("%-5s n=%-5zu p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %7.2f ms  mean %7.2f ms\n", name, ms.size(),
              percentile(ms, 50), percentile(ms, 95), percentile(ms, 99), ms.empty() ? 0.0 : *std::max_element(ms.begin(), ms.end()),
              mean);
}

}  // namespace

void register_latency(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand("latency", "Measure query latency (cold and warm) over query files");
  struct Args {
    std::string db = kDefaultDb;
    std::vector<std::string> shards;
    std::string dict;
    std::vector<std::string> query_files;
    int repeat = 3;
    long long limit = 10;  // signed, so that -1 is refused rather than read as 2^64 - 1
    bool show = false;
    std::string rank;
    std::vector<std::string> groups;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--db", args->db, "Database folder or Xapian stub file")->capture_default_str();
  one_value_each(
      cmd->add_option("--shard", args->shards, "Search these shards as one instead: folder or tcp://host:port (repeatable)"));
  cmd->add_option("--dict", args->dict, "MeCab dictionary folder (must match the index)");
  one_value_each(cmd->add_option("--queries", args->query_files, "TSV files of <id>\\t<query> (repeatable)"))->required();
  cmd->add_option("--repeat", args->repeat, "Warm passes over the query set")->capture_default_str();
  cmd->add_option("-n,--limit", args->limit, "Results per query (snippets are made for these)")->capture_default_str();
  cmd->add_flag("--show", args->show, "Print each query's top passage ids and scores (to compare shards with one database)");
  cmd->add_option("--rank", args->rank, "Ranking knobs as for tsubo eval (k1=1.0,…): what a knob costs in time");
  one_value_each(cmd->add_option("--as-groups", args->groups,
                                 "Search as a member of these groups (what the access filter costs: bench/bench.py)"));
  cmd->callback([args, &exit_status] {
    if (const std::string e = out_of_range("--limit", args->limit, 1, static_cast<long long>(kMaxResultsPerPage));
        !e.empty()) {
      std::cerr << "[latency] " << e << "\n";
      exit_status = kExitFailure;
      return;
    }
    RankingParams ranking;
    try {
      ranking.apply(args->rank);
    } catch (const std::invalid_argument& e) {
      std::cerr << "[latency] --rank: " << printable(e.what()) << "\n";
      exit_status = kExitFailure;
      return;
    }
    std::vector<std::string> queries;
    for (const auto& f : args->query_files) {
      const auto q = read_queries(f);
      queries.insert(queries.end(), q.begin(), q.end());
    }
    const Analyzer analyzer(args->dict);
    auto open = [&] {
      return args->shards.empty() ? std::make_unique<Searcher>(args->db, analyzer)
                                  : std::make_unique<Searcher>(args->shards, analyzer);
    };
    using clock = std::chrono::steady_clock;
    auto run = [&](Searcher& s, const std::string& q, SearchResponse* out) {
      SearchRequest request;
      request.query = q;
      request.limit = static_cast<std::size_t>(args->limit);
      request.ranking = ranking;
      request.groups = args->groups;
      const auto t0 = clock::now();
      try {
        SearchResponse r = s.search(request);
        if (out) *out = std::move(r);
      } catch (const QuerySyntaxError&) {
      }
      return std::chrono::duration<double, std::milli>(clock::now() - t0).count();
    };

    // Cold: a fresh Searcher (database opened anew) for each query. The OS page cache stays warm.
    std::vector<double> cold, open_ms, warm;
    for (const auto& q : queries) {
      const auto t0 = clock::now();
      auto searcher = open();
      open_ms.push_back(std::chrono::duration<double, std::milli>(clock::now() - t0).count());
      cold.push_back(run(*searcher, q, nullptr));
    }
    auto searcher = open();
    std::size_t missing = 0;
    for (const auto& q : queries) {  // warm-up pass, and the answers for --show
      SearchResponse r;
      run(*searcher, q, &r);
      missing = std::max(missing, r.missing_shards.size());
      if (args->show) {
        std::cout << escape_controls(q) << "\t" << r.total;
        for (const auto& h : r.hits) std::cout << "\t" << h.passage_id << " " << h.score;
        std::cout << "\n";
        for (const auto& m : r.missing_shards) std::cout << "missing shard: " << m << "\n";
      }
    }
    for (int pass = 0; pass < args->repeat; ++pass)
      for (const auto& q : queries) warm.push_back(run(*searcher, q, nullptr));
    std::printf("%zu queries, %zu passages%s\n", queries.size(), searcher->passage_count(),
                missing ? " (some shards missing)" : "");
    print_row("open", open_ms);
    print_row("cold", cold);
    print_row("warm", warm);
    exit_status = kExitOk;
  });
}

}  // namespace tsubo::cli
