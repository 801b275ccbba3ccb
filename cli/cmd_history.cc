// tsubo history: the versions of a statute article, the days each text stood, what changed.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/terminal_text.h"
#include "search/date_filter.h"
#include "search/result_json.h"
#include "search/searcher.h"
#include "search/statute_history.h"
#include "search/statute_versions.h"
#include "text/analyzer.h"

namespace tsubo::cli {
namespace {

// [-deleted-]{+inserted+}, in colour on a terminal (red struck, green underlined).
std::string for_terminal(const std::vector<DiffSegment>& diff, std::size_t context, bool tty) {
  std::string s = marked_diff(diff, context);
  if (!tty) return s;
  s = replace_all(replace_all(std::move(s), "[-", "\033[9;31m"), "-]", "\033[0m");
  return replace_all(replace_all(std::move(s), "{+", "\033[4;32m"), "+}", "\033[0m");
}

std::string span_of(const ArticleText& t) {
  return (t.from.empty() ? std::string("（e-Gov の履歴より前）") : t.from) + " – " + (t.to.empty() ? std::string("現在") : t.to);
}

void print_history(const ArticleHistory& h) {
  const bool tty = isatty(1);
  std::cout << h.law << " 第" << h.article << "条（" << h.law_number << "）: " << h.versions << " versions in the index, "
            << h.texts.size() << " texts\n";
  for (std::size_t i = 0; i < h.texts.size(); ++i) {
    const ArticleText& t = h.texts[i];
    std::cout << "\n" << (i + 1) << ". " << span_of(t);
    if (!t.amending_law.empty()) std::cout << "  " << t.amending_law;
    if (t.version_dates.size() > 1) std::cout << "  (" << t.version_dates.size() << " versions, text unchanged)";
    if (t.current) std::cout << "  現行";
    std::cout << "\n";
    if (t.absent) {
      std::cout << "   (no such article in these versions)\n";
      continue;
    }
    std::cout << "   " << t.passage_id << "\n";
    if (i == 0) continue;
    std::cout << "   changed: " << for_terminal(t.changes, 20, tty) << "\n";
  }
}

}  // namespace

void register_history(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand("history", "Versions of a statute article: when each text stood, what changed");
  struct Args {
    std::vector<std::string> dbs;
    std::vector<std::string> groups;
    std::string dict;
    std::string article;
    std::string diff;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--db", args->dbs, "Database folder (default data/index; repeatable)")->allow_extra_args(false);
  one_value_each(cmd->add_option("--as-groups", args->groups,
                                 "As a member of these groups: their private passages count too (default: public only)"));
  cmd->add_option("--dict", args->dict, "MeCab dictionary folder (must match the index)");
  cmd->add_option("--diff", args->diff, "Compare the texts in force on two days: 2015-08-01..2016-04-01 (H27.8.1..H28.4.1)");
  cmd->add_flag("--json", args->json, "JSON output");
  cmd->add_option("article", args->article, "The article: 不競法2条, 特許法35条, 不正競争防止法第二十一条")->required();
  cmd->callback([args, &exit_status] {
    int a = 0, b = 0;
    if (!args->diff.empty()) {
      const std::size_t dots = args->diff.find("..");
      try {
        if (dots == std::string::npos) throw DateFilterError(DateInput::Range, "write two days: 2015-08-01..2016-04-01");
        a = parse_day(args->diff.substr(0, dots));
        b = parse_day(args->diff.substr(dots + 2));
      } catch (const DateFilterError& e) {
        std::cerr << "[history] --diff " << echoed(args->diff) << ": " << printable(e.what()) << "\n";
        exit_status = kExitFailure;
        return;
      }
    }
    try {
      const Analyzer analyzer(args->dict);
      if (args->dbs.empty()) args->dbs.push_back(kDefaultDb);
      const std::unique_ptr<Searcher> searcher = args->dbs.size() == 1 ? std::make_unique<Searcher>(args->dbs[0], analyzer)
                                                                       : std::make_unique<Searcher>(args->dbs, analyzer);
      const ArticleHistory history = article_history(searcher->database(), searcher->versions(), args->article, analyzer,
                                                     today_yyyymmdd(), args->groups);
      if (args->diff.empty()) {
        if (args->json) std::cout << history_to_json(history).dump(2) << "\n";
        else print_history(history);
        return;
      }
      const ArticleDiff diff = diff_between(history, a, b, analyzer);
      if (args->json) {
        nlohmann::json out = {{"law", history.law}, {"article", history.article}, {"changes", diff_to_json(diff.changes)}};
        if (diff.before) out["before"] = {{"passage_id", diff.before->passage_id}, {"from", diff.before->from}, {"to", diff.before->to}};
        if (diff.after) out["after"] = {{"passage_id", diff.after->passage_id}, {"from", diff.after->from}, {"to", diff.after->to}};
        std::cout << out.dump(2) << "\n";
        return;
      }
      std::cout << history.law << " 第" << history.article << "条\n"
                << "  before: " << (diff.before ? span_of(*diff.before) + "  " + diff.before->passage_id : "—") << "\n"
                << "  after:  " << (diff.after ? span_of(*diff.after) + "  " + diff.after->passage_id : "—") << "\n";
      if (diff.before == diff.after) std::cout << "\n(the same text on both days)\n";
      else std::cout << "\n" << for_terminal(diff.changes, 0, isatty(1)) << "\n";
    } catch (const HistoryError& e) {
      std::cerr << printable(e.what()) << "\n";
      exit_status = kExitFailure;
    }
  });
}

}  // namespace tsubo::cli
