// tsubo fetch: download official sources (e-Gov law XML, courts.go.jp ruling PDFs) into a corpus folder.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.h"
#include "cli/terminal_text.h"
#include "corpus/fetch.h"

namespace tsubo::cli {

void register_fetch(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand("fetch", "Download e-Gov law XML (by law ID) and courts.go.jp ruling PDFs (by id)");
  struct Args {
    FetchOptions options;
    std::vector<std::string> laws, rulings;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--out", args->options.out_dir, "Corpus folder to write <LAW_ID>.xml and <id>.pdf into")->required();
  one_value_each(cmd->add_option("--law", args->laws, "e-Gov law ID, e.g. 405AC0000000047 (不正競争防止法; repeatable)"));
  one_value_each(cmd->add_option("--ruling", args->rulings, "courts.go.jp ruling id, e.g. 88984 (repeatable)"));
  cmd->add_option("--base-url-law", args->options.law_base_url, "e-Gov 法令API server")->capture_default_str();
  cmd->add_option("--base-url-ruling", args->options.ruling_base_url, "courts.go.jp server")->capture_default_str();
  cmd->add_option("--timeout", args->options.timeout_seconds, "Seconds to connect and between reads")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->callback([args, &exit_status] {
    if (args->laws.empty() && args->rulings.empty()) {
      std::cerr << "[fetch] nothing to fetch: give --law LAW_ID… and/or --ruling ID…\n";
      exit_status = kExitFailure;
      return;
    }
    const auto results = fetch_sources(args->options, args->laws, args->rulings,
                                       [](const std::string& line) { std::cerr << printable(line) << "\n"; });
    std::size_t failed = 0;
    for (const auto& r : results) failed += r.ok() ? 0 : 1;
    std::cerr << "[fetch] " << results.size() - failed << " fetched, " << failed << " failed\n";
    if (failed > 0) exit_status = kExitPartial;
  });
}

}  // namespace tsubo::cli
