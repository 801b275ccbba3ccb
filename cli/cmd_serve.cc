// tsubo serve: the HTTP API and the search page (web/) over a database, loopback only by default.
#include <CLI/CLI.hpp>

#include <pthread.h>
#include <signal.h>

#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <thread>

#include "cli/commands.h"
#include "cli/terminal_text.h"
#include "search/access_config.h"
#include "search/http_api.h"

namespace tsubo::cli {
namespace {

bool is_loopback(const std::string& host) {
  return host == "127.0.0.1" || host == "::1" || host == "localhost" || host.rfind("127.", 0) == 0;
}

}  // namespace

void register_serve(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand("serve", "Serve the search API and page over HTTP");
  struct Args {
    HttpOptions options;
    std::vector<std::string> dbs;
    std::string config;
    std::string bind = "127.0.0.1";
    int port = 8080;
    std::string rank;
  };
  auto args = std::make_shared<Args>();
  args->options.db_path = kDefaultDb;
  args->options.web_dir = "web";
  cmd->add_option("--db", args->dbs,
                  "Database folder (default data/index); repeat to serve several as one (public law + private "
                  "collections)")
      ->allow_extra_args(false);
  cmd->add_option("--config", args->config,
                  "Access configuration (JSON): API tokens as SHA-256 digests with their groups, trusted proxy "
                  "addresses, audit log; without it, public documents only (docs/security.md)");
  one_value_each(cmd->add_option("--shard", args->options.shards,
                                 "Search these databases as one instead of --db: a folder, a stub file or tcp://host:port "
                                 "of xapian-tcpsrv (repeatable); a shard that does not answer is named in missing_shards"));
  cmd->add_option("--cache-mb", args->options.cache_mb,
                  "Result cache size in MB (search responses by request and index revision; 0 = off)")
      ->capture_default_str()
      ->check(CLI::Range(0, 1 << 20));
  cmd->add_option("--bind", args->bind, "Address to listen on (loopback unless told otherwise)")->capture_default_str();
  cmd->add_option("--port", args->port, "Port (0: any free port)")->capture_default_str()->check(CLI::Range(0, 65535));
  cmd->add_option("--web", args->options.web_dir, "Folder of the search page and widget (\"\" = API only)")
      ->capture_default_str();
  one_value_each(cmd->add_option("--allow-origin", args->options.allowed_origins,
                                 "Origin allowed to call the API from a browser (CORS), e.g. https://intra.example.jp "
                                 "(repeatable)"));
  cmd->add_option("--dict", args->options.dictionary_dir, "MeCab dictionary folder (must match the index)");
  cmd->add_option("--threads", args->options.threads, "Worker threads (they run complete requests; slow or idle clients hold none)")->capture_default_str()->check(CLI::Range(1, 256));
  cmd->add_option("--max-connections", args->options.max_connections, "Connections open at once (more: 503)")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--max-connections-per-client", args->options.max_connections_per_client,
                  "Connections open at once from one address (more: 503; trusted proxies of --config excepted)")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--request-timeout", args->options.request_timeout_seconds,
                  "Seconds a request may take to arrive whole (slower: 408)")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  cmd->add_option("--rank", args->rank, "Ranking knobs for every search, for an experiment: mix_rank=0,… (search/ranking.h)");
  cmd->callback([args, &exit_status] {
    if (args->dbs.size() == 1) args->options.db_path = args->dbs[0];
    if (args->dbs.size() > 1) {
      if (!args->options.shards.empty()) {
        std::cerr << "[serve] give several --db or --shard, not both\n";
        exit_status = kExitFailure;
        return;
      }
      args->options.shards = args->dbs;
    }
    if (!args->config.empty()) {
      try {
        args->options.access = std::make_shared<const AccessConfig>(read_access_config(args->config));
      } catch (const ConfigError& e) {
        std::cerr << printable(e.what()) << "\n";
        exit_status = kExitFailure;
        return;
      }
    }
    try {
      args->options.ranking.apply(args->rank);
    } catch (const std::invalid_argument& e) {
      std::cerr << "[serve] --rank: " << printable(e.what()) << "\n";
      exit_status = kExitFailure;
      return;
    }
    // SIGINT/SIGTERM are taken by a thread of their own (sigwait) so that the server stops cleanly.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    if (!args->options.web_dir.empty() && !std::filesystem::is_directory(args->options.web_dir)) {
      std::cerr << "[serve] no web folder at " << escape_controls(args->options.web_dir)
                << "; serving the API only (give --web DIR for the search page)\n";
      args->options.web_dir.clear();
    }
    HttpServer server(args->options);
    const int port = server.bind(args->bind, args->port);
    const std::string host = args->bind.find(':') != std::string::npos ? "[" + args->bind + "]" : args->bind;
    if (!is_loopback(args->bind))
      std::cerr << "[serve] warning: listening on " << escape_controls(args->bind) << ": anyone who can reach this address can "
                << "query the index\n";
    std::string what = args->options.db_path;
    if (!args->options.shards.empty()) {
      what = std::to_string(args->options.shards.size()) + " shards (";
      for (std::size_t i = 0; i < args->options.shards.size(); ++i) what += (i ? ", " : "") + args->options.shards[i];
      what += ")";
    }
    std::cout << "tsubo serving " << escape_controls(what) << " at http://" << escape_controls(host) << ":" << port << "/"
              << std::endl;

    std::thread waiter([&server, signals] {
      int sig = 0;
      sigwait(&signals, &sig);
      server.stop();
    });
    server.run();
    // run() also returns when listening fails; wake the waiter either way.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    std::cout << "tsubo serve stopped" << std::endl;
    exit_status = kExitOk;
  });
}

}  // namespace tsubo::cli
