// Registration of the tsubo subcommands; each lives in its own cmd_*.cc file.
#pragma once

#include <string>

namespace CLI {
class App;
class Option;
}

namespace tsubo::cli {

// Exit statuses shared by the subcommands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;   // nothing useful done: bad arguments, unreadable index
inline constexpr int kExitPartial = 2;   // done, but some input was skipped

// The default database folder and corpus location ($TSUBO_CORPUS, else ../shared/corpus).
inline constexpr const char* kDefaultDb = "data/index";
std::string default_corpus_dir();

// A repeatable option takes one value per occurrence: repeat it, or separate values with commas
// (--type ruling,statute). The words after it stay positional, so `--type ruling 営業秘密` keeps
// 営業秘密 as the query instead of reading it as a second type. Returns option.
CLI::Option* one_value_each(CLI::Option* option);

// "--limit must be between 1 and 1000" when value is outside [low, high]; empty when inside.
std::string out_of_range(const std::string& option, long long value, long long low, long long high);

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
void register_token(CLI::App& app, int& exit_status);    // API tokens for serve --config

}  // namespace tsubo::cli
