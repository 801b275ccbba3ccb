// Registration of the tsubo subcommands; each lives in its own cmd_*.cc file.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace tsubo::cli {

// Exit statuses shared by the subcommands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;   // nothing useful done: bad arguments, unreadable index
inline constexpr int kExitPartial = 2;   // done, but some input was skipped

// The default database folder and corpus location ($TSUBO_CORPUS, else ../shared/corpus).
inline constexpr const char* kDefaultDb = "data/index";
std::string default_corpus_dir();

// Each adds its subcommand to app and sets the callback that runs it; the callback stores its exit
// status in `exit_status`.
void register_index(CLI::App& app, int& exit_status);
void register_search(CLI::App& app, int& exit_status);
void register_passages(CLI::App& app, int& exit_status);
void register_info(CLI::App& app, int& exit_status);
void register_serve(CLI::App& app, int& exit_status);
void register_eval(CLI::App& app, int& exit_status);
void register_latency(CLI::App& app, int& exit_status);
void register_cites(CLI::App& app, int& exit_status);  // cites and cited-by
void register_fetch(CLI::App& app, int& exit_status);
void register_history(CLI::App& app, int& exit_status);  // a statute article's versions

}  // namespace tsubo::cli
