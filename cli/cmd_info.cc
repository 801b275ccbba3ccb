// tsubo info: what a database holds and which analyzer built it.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <xapian.h>

#include "cli/commands.h"
#include "cli/terminal_text.h"
#include "indexer/schema.h"
#include "search/open_database.h"
#include "search/searcher.h"
#include "text/human_size.h"

namespace tsubo::cli {

void register_info(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand("info", "Describe a database: passages, documents per type, analyzer");
  auto db_path = std::make_shared<std::string>(kDefaultDb);
  cmd->add_option("--db", *db_path, "Database folder")->capture_default_str();
  cmd->callback([db_path, &exit_status] {
    try {
      const Xapian::Database db = open_database(*db_path, "info");
      std::uintmax_t bytes = 0;
      for (const auto& e : std::filesystem::directory_iterator(*db_path))
        if (e.is_regular_file()) bytes += e.file_size();
      std::cout << "database:  " << *db_path << "\n"
                << "passages:  " << db.get_doccount() << "\n";
      for (const char* type : {"statute", "ruling", "guidance"})
        std::cout << "  " << type << ": " << db.get_termfreq(std::string(schema::kPrefixType) + type) << "\n";
      std::size_t documents = 0;
      for (auto t = db.allterms_begin(schema::kPrefixDocId); t != db.allterms_end(schema::kPrefixDocId); ++t)
        ++documents;
      std::cout << "documents: " << documents << "\n"
                << "terms:     " << db.get_total_length() << " postings\n"
                << "size:      " << human_size(static_cast<double>(bytes)) << "\n"
                << "analyzer:  " << db.get_metadata(schema::kMetaAnalyzer) << "\n"
                << "schema:    " << db.get_metadata(schema::kMetaSchema) << "\n";
    } catch (const SearchError& e) {
      std::cerr << printable(e.what()) << "\n";
      exit_status = kExitFailure;
    } catch (const Xapian::Error& e) {
      std::cerr << "[info][xapian] " << escape_controls(*db_path) << ": " << printable(e.get_description()) << "\n";
      exit_status = kExitFailure;
    }
  });
}

}  // namespace tsubo::cli
