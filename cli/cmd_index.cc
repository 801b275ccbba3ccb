// tsubo index: build or update a database from folders and files of statutes, rulings and guidance.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iomanip>
#include <iostream>

#include "cli/commands.h"
#include "cli/terminal_text.h"
#include "indexer/collection_grants.h"
#include "indexer/index_run.h"
#include "indexer/scratch_folders.h"
#include "search/statute_versions.h"
#include "text/human_size.h"

namespace tsubo::cli {
namespace {

// Second copies of a statute revision, which the search never shows (docs/versions.md).
void report_statute_versions(const std::string& db_path) {
  try {
    const Xapian::Database db(db_path);
    const StatuteVersions versions(db);
    for (const auto& doc : versions.duplicates())
      std::cerr << "[index] " << escape_controls(doc)
                << ": a second copy of a statute revision already indexed (same law, enforcement date and amending "
                   "law); it is kept in the index but never shown\n";
  } catch (const Xapian::Error&) {
    // The summary above already said what was indexed; a database that cannot be read says so on use.
  }
}

}  // namespace

void register_index(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand("index", "Index source files (folders are walked, archives unpacked) into a database");
  struct Args {
    IndexOptions options;
    std::vector<std::string> paths;
    std::string acl;
    bool quiet = false;
  };
  auto args = std::make_shared<Args>();
  args->options.db_path = kDefaultDb;
  cmd->add_option("--db", args->options.db_path, "Database folder (created when missing)")->capture_default_str();
  cmd->add_option("--dict", args->options.dictionary_dir, "MeCab dictionary folder (default: ipadic-utf8)");
  cmd->add_option("-j,--jobs", args->options.jobs, "Parser threads (default: all cores)");
  cmd->add_flag("-q,--quiet", args->quiet, "No progress line");
  cmd->add_option("--collection", args->options.collection,
                  "Index into this named collection (社内規程): ids are prefixed by it, and files gone from its "
                  "folders are removed from the index");
  cmd->add_option("--acl", args->acl,
                  "Groups allowed to read the collection, comma-separated (legal,compliance); a .tsubo-acl file "
                  "in a folder (one group per line) replaces them below it. Without: public");
  cmd->add_option("paths", args->paths,
                  "Files, folders or archives (.tar.xz, .zip…); default: statutes-core, statute-versions, rulings and guidance "
                  "of $TSUBO_CORPUS or ../shared/corpus");
  cmd->callback([args, &exit_status] {
    if (args->paths.empty()) {
      const std::string corpus = default_corpus_dir();
      if (!std::filesystem::is_directory(corpus)) {
        std::cerr << "[index] no paths given and no corpus at " << escape_controls(corpus)
                  << ". Name the folders to index, or set TSUBO_CORPUS to a folder holding statutes-core/, "
                     "rulings/ and guidance/.\n";
        exit_status = kExitFailure;
        return;
      }
      for (const char* sub : {"statutes-core", "rulings", "guidance"}) args->paths.push_back(corpus + "/" + sub);
      // Every revision of the IP laws, so that today's text (不正競争防止法 with 限定提供データ) answers;
      // a corpus without them (an older copy) is indexed without.
      if (std::filesystem::is_directory(corpus + "/statute-versions")) args->paths.push_back(corpus + "/statute-versions");
    }
    args->options.progress = !args->quiet;
    remove_scratch_on_signals();  // before index_paths starts its threads
    IndexStats stats;
    try {
      if (!args->acl.empty()) args->options.acl_groups = parse_group_list(args->acl, "--acl");
      stats = index_paths(args->paths, args->options);
    } catch (const AclError& e) {
      std::cerr << printable(e.what()) << "\n";
      exit_status = kExitFailure;
      return;
    }
    for (const auto& m : stats.missing_paths) std::cerr << "[index] not found: " << escape_controls(m) << "\n";
    std::cout << "indexed " << stats.documents << " documents, " << stats.passages << " passages from "
              << stats.files_seen << " files (" << human_size(static_cast<double>(stats.bytes)) << ") in "
              << std::fixed << std::setprecision(1) << stats.seconds << " s; "
              << stats.passages_in_db << " passages in " << args->options.db_path << "\n";
    if (stats.removed_documents)
      std::cout << "removed " << stats.removed_documents << " documents of collection "
                << escape_controls(args->options.collection) << " whose files are gone\n";
    report_statute_versions(args->options.db_path);
    if (!stats.skipped.empty() || !stats.missing_paths.empty()) {
      std::cout << stats.skipped.size() << " files skipped, " << stats.missing_paths.size() << " paths not found\n";
      exit_status = kExitPartial;
    }
  });
}

}  // namespace tsubo::cli
