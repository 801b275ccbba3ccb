// tsubo passages: every indexed passage as a JSON line, so other engines can be fed the same passages.
#include <CLI/CLI.hpp>

#include <iostream>
#include <xapian.h>

#include "cli/commands.h"
#include "cli/terminal_text.h"
#include "search/open_database.h"
#include "search/search_query.h"
#include "search/searcher.h"

namespace tsubo::cli {

void register_passages(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand("passages", "Write every indexed passage as JSON lines");
  struct Args {
    std::vector<std::string> dbs;
    std::vector<std::string> groups;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--db", args->dbs, "Database folder (default data/index; repeatable)")->allow_extra_args(false);
  one_value_each(cmd->add_option("--as-groups", args->groups,
                                 "Export as a member of these groups: their private passages too (default: public only)"));
  cmd->callback([args, &exit_status] {
    const std::string db_label = args->dbs.empty() ? std::string(kDefaultDb) : args->dbs.front();
    try {
      const Xapian::Database db = open_databases(args->dbs, "passages");
      if (!has_restricted(db)) {  // all public: stream the posting list, no match set in memory
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
          std::cout << db.get_document(*it).get_data() << "\n";
        return;
      }
      for (const Xapian::docid id : readable_documents(db, Xapian::Query::MatchAll, args->groups))
        std::cout << db.get_document(id).get_data() << "\n";
    } catch (const SearchError& e) {
      std::cerr << printable(e.what()) << "\n";
      exit_status = kExitFailure;
    } catch (const Xapian::Error& e) {
      std::cerr << "[passages][xapian] " << escape_controls(db_label) << ": " << printable(e.get_description()) << "\n";
      exit_status = kExitFailure;
    }
  });
}

}  // namespace tsubo::cli
