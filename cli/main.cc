// tsubo: the command-line entry point; each subcommand lives in its own file.
#include <CLI/CLI.hpp>
#include <xapian.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/terminal_text.h"
#include "text/utf8.h"

namespace tsubo::cli {

std::string default_corpus_dir() {
  if (const char* env = std::getenv("TSUBO_CORPUS"); env && *env) return env;
  return "../shared/corpus";
}

namespace {

// Edits (insert, delete, replace, swap two neighbours) from a to b, counted in characters.
std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

// The subcommand a typo most likely meant (serach → search), or empty when none is close.
std::string nearest(const std::string& typed, const std::vector<std::string>& names) {
  const std::u32string t = utf8::to_u32(typed);
  std::string best;
  std::size_t best_distance = 3;  // at most two edits, and at most a third of the name
  for (const auto& name : names) {
    const std::size_t d = edit_distance(t, utf8::to_u32(name));
    if (d < best_distance && d * 3 <= name.size()) {
      best = name;
      best_distance = d;
    }
  }
  return best;
}

// CLI11 says "A subcommand is required" for a word that is not one: name it, and the one meant.
bool is_unknown_subcommand(CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return false;
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) names.push_back(sub->get_name());
  const std::string typed = argv[1];
  if (std::find(names.begin(), names.end(), typed) != names.end()) return false;
  std::string message = "unknown subcommand " + echoed(typed);
  if (const std::string meant = nearest(typed, names); !meant.empty()) {
    message += "; did you mean «" + meant + "»?";
  } else {
    message += "; the subcommands are:";
    for (std::size_t i = 0; i < names.size(); ++i) message += (i ? ", " : " ") + names[i];
  }
  std::cerr << message << "\n";
  return true;
}

}  // namespace
}  // namespace tsubo::cli

int main(int argc, char** argv) {
  using namespace tsubo::cli;
  CLI::App app{"tsubo: search Japanese statutes, court rulings and guidance"};
  app.require_subcommand(1);
  int exit_status = kExitOk;
  register_index(app, exit_status);
  register_search(app, exit_status);
  register_passages(app, exit_status);
  register_info(app, exit_status);
  register_serve(app, exit_status);
  register_eval(app, exit_status);
  register_latency(app, exit_status);
  register_cites(app, exit_status);
  register_fetch(app, exit_status);
  register_history(app, exit_status);
  register_token(app, exit_status);
  if (is_unknown_subcommand(app, argc, argv)) return kExitFailure;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 quotes the arguments it could not place: escape what the terminal would obey.
    std::ostringstream err;
    const int status = app.exit(e, std::cout, err);
    std::cerr << escape_controls(err.str(), true);
    return status;
  } catch (const std::exception& e) {
    std::cerr << printable(e.what()) << "\n";
    return kExitFailure;
  } catch (const Xapian::Error& e) {  // not a std::exception; a command that let one through still says why
    std::cerr << "[xapian] " << printable(e.get_description()) << "\n";
    return kExitFailure;
  }
  return exit_status;
}
