// tsubo: the command-line entry point; each subcommand lives in its own file.
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>

#include "cli/commands.h"

namespace tsubo::cli {

std::string default_corpus_dir() {
  if (const char* env = std::getenv("TSUBO_CORPUS"); env && *env) return env;
  return "../shared/corpus";
}

}  // namespace tsubo::cli

int main(int argc, char** argv) {
  CLI::App app{"tsubo: search Japanese statutes, court rulings and guidance"};
  app.require_subcommand(1);
  int exit_status = tsubo::cli::kExitOk;
  tsubo::cli::register_index(app, exit_status);
  tsubo::cli::register_search(app, exit_status);
  tsubo::cli::register_passages(app, exit_status);
  tsubo::cli::register_info(app, exit_status);
  tsubo::cli::register_serve(app, exit_status);
  tsubo::cli::register_eval(app, exit_status);
  tsubo::cli::register_latency(app, exit_status);
  tsubo::cli::register_cites(app, exit_status);
  tsubo::cli::register_fetch(app, exit_status);
  tsubo::cli::register_history(app, exit_status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return tsubo::cli::kExitFailure;
  }
  return exit_status;
}
