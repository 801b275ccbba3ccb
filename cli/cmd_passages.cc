// tsubo passages: every indexed passage as a JSON line, so other engines can be fed the same passages.
#include <CLI/CLI.hpp>

#include <iostream>
#include <xapian.h>

#include "cli/commands.h"
#include "cli/terminal_text.h"
#include "search/open_database.h"
#include "search/searcher.h"

namespace tsubo::cli {

void register_passages(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand("passages", "Write every indexed passage as JSON lines");
  auto db_path = std::make_shared<std::string>(kDefaultDb);
  cmd->add_option("--db", *db_path, "Database folder")->capture_default_str();
  cmd->callback([db_path, &exit_status] {
    try {
      const Xapian::Database db = open_database(*db_path, "passages");
      for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
        std::cout << db.get_document(*it).get_data() << "\n";
    } catch (const SearchError& e) {
      std::cerr << printable(e.what()) << "\n";
      exit_status = kExitFailure;
    } catch (const Xapian::Error& e) {
      std::cerr << "[passages][xapian] " << escape_controls(*db_path) << ": " << printable(e.get_description()) << "\n";
      exit_status = kExitFailure;
    }
  });
}

}  // namespace tsubo::cli
