// tsubo search: ranked passages for a query, for people (default) or programs (--json).
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <iomanip>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/terminal_text.h"
#include "search/query_parser.h"
#include "search/result_json.h"
#include "search/searcher.h"
#include "search/date_filter.h"
#include "text/analyzer.h"

namespace tsubo::cli {
namespace {

// Deep enough for any paging by hand; Xapian counts documents in 32 bits.
constexpr long long kMaxOffset = 1000000;

// <mark> becomes terminal bold when writing to a terminal, brackets otherwise.
std::string for_terminal(std::string s, bool tty) {
  s = replace_all(replace_all(std::move(s), "<mark>", tty ? "\033[1;33m" : "【"), "</mark>", tty ? "\033[0m" : "】");
  s = replace_all(replace_all(std::move(s), "&lt;", "<"), "&gt;", ">");
  return replace_all(replace_all(std::move(s), "&quot;", "\""), "&amp;", "&");
}

// 版: 施行 2019-07-01（平成30年法律第33号）· この文言 2019-07-01 – 2023-06-05 · 2023-06-06 改正（…）
std::string version_line(const VersionInfo& v) {
  if (v.version_date.empty() && v.versions < 2) return "";
  std::string line = "版: 施行 " + (v.version_date.empty() ? std::string("日付なし（e-Gov の履歴より前のテキスト）") : v.version_date);
  if (!v.amending_law.empty()) line += "（" + v.amending_law + "）";
  if (v.has_history) {
    line += " · この文言 " + (v.in_force_from.empty() ? std::string("…") : v.in_force_from) + (v.changed ? "（改正）" : "") +
            " – " + (v.in_force_to.empty() ? std::string("現在") : v.in_force_to);
    if (!v.amended_on.empty())
      line += " · " + v.amended_on + (v.removed_later ? " 削除" : " 改正") + (v.amended_by.empty() ? "" : "（" + v.amended_by + "）");
  }
  if (v.versions > 1) line += v.current ? " · 現行" : " · 現行ではない";
  return line;
}

// --explain, before the hits: how the query was read.
void print_reading(const QueryReading& q) {
  std::cout << (q.question ? "read as a question; concepts" : "concepts") << " (passages holding it, weight):";
  for (const auto& c : q.concepts) std::cout << " " << c.text << " (" << c.passages << ", " << std::setprecision(2) << std::fixed << c.weight << ")";
  std::cout.unsetf(std::ios::floatfield);
  std::cout << std::setprecision(6) << "\n";
  if (!q.dropped.empty()) {
    std::cout << "  dropped:";
    for (const auto& d : q.dropped) std::cout << " " << d;
    std::cout << "\n";
  }
  if (!q.feedback_terms.empty()) {
    std::cout << "  added from the best passages (weight × " << q.feedback_weight << "):";
    for (const auto& t : q.feedback_terms) std::cout << " " << t;
    std::cout << "\n";
  }
  if (!q.outcome_tags.empty()) {
    std::cout << "  lifted where the court decided:";
    for (const auto& t : q.outcome_tags) std::cout << " " << t;
    std::cout << "\n";
  }
}

void print_human(const SearchResponse& r) {
  const bool tty = isatty(1);
  // Xapian estimates the count when it did not have to look at every match (it varies with --offset).
  std::cout << (r.total_exact ? "" : "about ") << r.total << (r.total == 1 ? " passage matches" : " passages match")
            << " «" << escape_controls(r.query) << "» (" << r.took_ms << " ms)\n";
  for (const auto& [name, counts] : r.facets) {
    if (counts.empty()) continue;
    std::cout << "  " << name << ":";
    for (std::size_t i = 0; i < counts.size() && i < 8; ++i) std::cout << " " << counts[i].value << " (" << counts[i].count << ")";
    std::cout << "\n";
  }
  if (r.reading) print_reading(*r.reading);
  for (const SearchHit& h : r.hits) {
    std::cout << "\n" << h.rank << ". [" << h.type << "] ";
    if (h.collection != "public" && !h.collection.empty()) std::cout << "〔" << h.collection << "〕";
    std::cout << h.title;
    if (!h.court.empty()) std::cout << " — " << h.court;
    if (!h.date.empty()) std::cout << " " << h.date;
    if (!h.case_number.empty()) std::cout << " " << h.case_number;
    std::cout << "  (score " << h.score << ")\n";
    if (!h.heading.empty()) std::cout << "   " << h.heading << "\n";
    if (const std::string v = version_line(h.version); !v.empty()) std::cout << "   " << v << "\n";
    if (!h.requirements.empty()) {
      std::cout << "   要件:";
      for (const auto& r : h.requirements) std::cout << " " << r;
      std::cout << "\n";
    }
    std::cout << "   " << for_terminal(h.snippet, tty) << "\n";
    std::cout << "   " << h.passage_id << "\n";
    if (!h.explanation.role.empty()) {
      std::cout << "   explain: text " << h.explanation.text_score << " + " << h.explanation.role << " prior "
                << h.explanation.role_prior << "; matched:";
      for (const auto& w : h.explanation.matched_words) std::cout << " " << w;
      std::cout << " (terms:";
      for (const auto& t : h.explanation.matched_terms) std::cout << " " << t;
      std::cout << ")";
      if (!h.explanation.outcome.empty())
        std::cout << "; + " << h.explanation.outcome_lift << " for " << h.explanation.outcome
                  << " (the court decided as the query asks)";
      if (h.explanation.promoted) std::cout << "; shown here as the best " << h.type << " passage (--rank mix_rank=0 ranks by score alone)";
      std::cout << "\n";
    }
  }
}

}  // namespace

void register_search(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand("search", "Search a database");
  struct Args {
    std::vector<std::string> dbs;
    std::string dict;
    std::vector<std::string> words;
    SearchRequest request;
    std::string from_date, to_date, dates;
    std::string rank;
    std::string as_of;
    long long limit = 10, offset = 0;  // signed, so that -1 is refused rather than read as 2^64 - 1
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--db", args->dbs,
                  "Database folder (default data/index); repeat to search several as one (public law + private "
                  "collections)")
      ->allow_extra_args(false);
  one_value_each(cmd->add_option("--as-groups", args->request.groups,
                                 "Search as a member of these groups (legal,compliance): private collections granted "
                                 "to them are searched too; without, public documents only"));
  one_value_each(cmd->add_option("--collection", args->request.collections,
                                 "Only this collection (社内規程; public: the public corpus; repeatable)"));
  cmd->add_option("--dict", args->dict, "MeCab dictionary folder (must match the index)");
  one_value_each(cmd->add_option("--type", args->request.types, "Only statute, ruling or guidance (repeatable, or ruling,statute)"));
  one_value_each(cmd->add_option("--court", args->request.courts, "Only this court (repeatable)"));
  one_value_each(cmd->add_option("--law", args->request.laws, "Only this law title (repeatable)"));
  one_value_each(cmd->add_option(
      "--requirement", args->request.requirements,
      "Only passages discussing this requirement: 秘密管理性, or 秘密管理性:denied / :affirmed (repeatable)"));
  one_value_each(cmd->add_option("--right-type", args->request.right_types,
                                 "Only rulings of this right type: 不正競争, 特許権 … (repeatable)"));
  one_value_each(cmd->add_option("--article", args->request.articles,
                                 "Only this statute article: 2, 19の2, 第十九条の二 (repeatable; with --law)"));
  one_value_each(cmd->add_option("--cites", args->request.cites,
                                 "Only passages citing this provision: 不正競争防止法2条6項, 不競法21条 (repeatable)"));
  cmd->add_flag("--facets", args->request.facets,
                "Count matches by type, court, year, law, right type, requirement, cited article");
  cmd->add_option("--from,--from-year", args->from_date,
                  "Only documents dated on or after this year, month or day (2017, 平成29, H29.4, 2017-03-21, 平成29年3月21日)");
  cmd->add_option("--to,--to-year", args->to_date, "Only documents dated on or before this year, month or day");
  cmd->add_option("--dates,--years", args->dates, "Only documents dated in this range: 2017..2020, 平成29..令和2, H29.4..R2.3.31");
  cmd->add_option("--as-of", args->as_of,
                  "Statutes as they stood on this day (2017-03-21, H29.3.21, 平成29年3月21日); default today");
  cmd->add_flag("--all-versions", args->request.all_versions, "Every version of a statute that holds the words");
  cmd->add_option("-n,--limit", args->limit, "Results per page (1 to " + std::to_string(kMaxResultsPerPage) + ")")
      ->capture_default_str();
  cmd->add_option("--offset", args->offset, "Results to skip (paging; 0 to " + std::to_string(kMaxOffset) + ")");
  cmd->add_flag("--by-date", args->request.sort_by_date, "Newest first instead of by relevance");
  cmd->add_flag("--group", args->request.group_by_document,
                "One hit a ruling (its best passage; the JSON counts the rest); articles and guidance sections apart");
  cmd->add_flag("--json", args->json, "JSON output");
  cmd->add_flag("--explain", args->request.explain, "Show why each passage scored what it did");
  cmd->add_option("--rank", args->rank, "Ranking knobs for an experiment: k1=1.2,mix_rank=0,… (search/ranking.h)");
  cmd->add_option("query", args->words, "Query words (quote phrases, AND / OR / NOT)")->required();
  cmd->callback([args, &exit_status] {
    std::string query;
    for (const auto& w : args->words) query += (query.empty() ? "" : " ") + w;
    args->request.query = query;
    if (const std::string e = out_of_range("--limit", args->limit, 1, static_cast<long long>(kMaxResultsPerPage)); !e.empty()) {
      std::cerr << "[search] " << e << "\n";
      exit_status = kExitFailure;
      return;
    }
    if (const std::string e = out_of_range("--offset", args->offset, 0, kMaxOffset); !e.empty()) {
      std::cerr << "[search] " << e << "\n";
      exit_status = kExitFailure;
      return;
    }
    args->request.limit = static_cast<std::size_t>(args->limit);
    args->request.offset = static_cast<std::size_t>(args->offset);
    try {
      const DateBounds dates = parse_date_bounds(args->from_date, args->to_date, args->dates);
      args->request.date_from = dates.from;
      args->request.date_to = dates.to;
    } catch (const DateFilterError& e) {
      const char* option = e.input == DateInput::From ? "--from" : e.input == DateInput::To ? "--to" : "--dates";
      std::cerr << "[search] " << option << ": " << printable(e.what()) << "\n";
      exit_status = kExitFailure;
      return;
    }
    if (!args->as_of.empty()) {
      try {
        args->request.as_of = parse_day(args->as_of);
      } catch (const DateFilterError& e) {
        std::cerr << "[search] --as-of: " << printable(e.what()) << "\n";
        exit_status = kExitFailure;
        return;
      }
    }
    try {
      args->request.ranking.apply(args->rank);
    } catch (const std::invalid_argument& e) {
      std::cerr << "[search] --rank: " << printable(e.what()) << "\n";
      exit_status = kExitFailure;
      return;
    }
    try {
      const Analyzer analyzer(args->dict);
      if (args->dbs.empty()) args->dbs.push_back(kDefaultDb);
      std::unique_ptr<Searcher> searcher_ptr = args->dbs.size() == 1 ? std::make_unique<Searcher>(args->dbs[0], analyzer)
                                                                     : std::make_unique<Searcher>(args->dbs, analyzer);
      Searcher& searcher = *searcher_ptr;
      const SearchResponse response = searcher.search(args->request);
      if (args->json) std::cout << response_to_json(response).dump(2) << "\n";
      else print_human(response);
    } catch (const QuerySyntaxError& e) {
      std::cerr << "[search] query " << echoed(query) << ": " << e.what() << "\n";
      exit_status = kExitFailure;
    } catch (const SearchError& e) {
      std::cerr << printable(e.what()) << "\n";
      exit_status = kExitFailure;
    }
  });
}

}  // namespace tsubo::cli
