// tsubo cites / cited-by: the citation table. `cites REF` lists the passages citing a provision or
// a ruling; `cited-by [REF]` counts them (per finer provision), or ranks every cited article.
#include <CLI/CLI.hpp>

#include <iostream>
#include <stdexcept>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "cli/commands.h"
#include "cli/terminal_text.h"
#include "search/citation_table.h"
#include "search/open_database.h"
#include "search/searcher.h"

namespace tsubo::cli {
namespace {

struct Args {
  std::vector<std::string> dbs;
  std::vector<std::string> groups;  // --as-groups
  std::string reference;
  std::size_t limit = 100;
  bool json = false;
  std::string citing_type;  // cited-by: count only citations made by passages of this type
};

void add_common(CLI::App* cmd, Args& args) {
  cmd->add_option("--db", args.dbs, "Database folder (default data/index; repeatable)")->allow_extra_args(false);
  one_value_each(cmd->add_option("--as-groups", args.groups,
                                 "As a member of these groups: their private passages count too (default: public only)"));
  cmd->add_option("--limit", args.limit, "At most this many rows")->capture_default_str();
  cmd->add_flag("--json", args.json, "One JSON object on stdout");
}

std::string or_dash(const std::string& s) { return s.empty() ? "-" : s; }

void run_cites(const Args& args) {
  const Xapian::Database db = open_databases(args.dbs, "cites");
  const CitationQuery q = parse_citation_query(db, args.reference, args.groups);
  std::size_t total = 0;
  const auto passages = citing_passages(db, q, args.limit, total, args.groups);
  if (args.json) {
    nlohmann::json out = {{"reference", q.reference},
                          {"kind", q.statute ? "statute" : "ruling"},
                          {"key", q.key},
                          {"label", citation_label(q.key)},
                          {"target", q.target.empty() ? nlohmann::json() : nlohmann::json(q.target)},
                          {"total", total},
                          {"passages", nlohmann::json::array()}};
    for (const auto& p : passages) out["passages"].push_back(to_json(p));
    std::cout << out.dump() << "\n";
    return;
  }
  std::cout << total << " passages cite " << escape_controls(citation_label(q.key)) << "  (cited: " << or_dash(q.target)
            << ")\n";
  for (const auto& p : passages) {
    std::cout << "\n[" << p.type << "] " << p.title;
    if (!p.court.empty()) std::cout << " — " << p.court;
    if (!p.date.empty()) std::cout << " " << p.date;
    std::cout << "\n   " << p.heading << "\n   " << p.passage_id << "  cites";
    for (const auto& c : p.cites) std::cout << " " << escape_controls(citation_label(c));
    std::cout << "\n";
  }
}

void run_cited_by(const Args& args) {
  const Xapian::Database db = open_databases(args.dbs, "cited-by");
  if (!args.reference.empty()) {
    const CitationQuery q = parse_citation_query(db, args.reference, args.groups);
    const auto counts = cited_counts(db, q, args.groups);
    if (args.json) {
      nlohmann::json out = {{"reference", q.reference},
                            {"key", q.key},
                            {"label", citation_label(q.key)},
                            {"counts", nlohmann::json::array()}};
      for (const auto& c : counts) out["counts"].push_back(to_json(c));
      std::cout << out.dump() << "\n";
      return;
    }
    for (const auto& c : counts)
      std::cout << c.passages << "\t" << escape_controls(c.label) << "\t" << or_dash(c.target) << "\n";
    return;
  }
  const CitationSummary s = summarize_citations(db, args.limit, args.citing_type, args.groups);
  if (args.json) {
    nlohmann::json out = {{"cited_articles", s.cited_articles},
                          {"citations", s.citations},
                          {"resolved_articles", s.resolved_articles},
                          {"resolved_citations", s.resolved_citations},
                          {"ruling_citations", s.ruling_citations},
                          {"resolved_ruling_citations", s.resolved_ruling_citations},
                          {"dated_ruling_citations", s.dated_ruling_citations},
                          {"resolved_dated_ruling_citations", s.resolved_dated_ruling_citations},
                          {"top", nlohmann::json::array()}};
    for (const auto& c : s.top) out["top"].push_back(to_json(c));
    std::cout << out.dump() << "\n";
    return;
  }
  std::cout << "cited articles: " << s.cited_articles << " (" << s.resolved_articles << " in the index)\n"
            << "citations:      " << s.citations << " passage→article pairs (" << s.resolved_citations
            << " resolved to an indexed article)\n"
            << "rulings cited:  " << s.ruling_citations << " passage→case number pairs (" << s.resolved_ruling_citations
            << " resolved to an indexed ruling), " << s.dated_ruling_citations << " passage→court|date pairs ("
            << s.resolved_dated_ruling_citations << " resolved)\n\n";
  for (const auto& c : s.top) std::cout << c.passages << "\t" << c.label << "\t" << or_dash(c.target) << "\n";
}

template <typename Run>
void guarded(const char* name, const Args& args, int& exit_status, Run run) {
  try {
    run(args);
  } catch (const std::invalid_argument& e) {
    std::cerr << "[" << name << "] " << printable(e.what()) << "\n";
    exit_status = kExitFailure;
  } catch (const SearchError& e) {
    std::cerr << printable(e.what()) << "\n";
    exit_status = kExitFailure;
  } catch (const Xapian::Error& e) {
    std::cerr << "[" << name << "][xapian] " << escape_controls(args.dbs.empty() ? kDefaultDb : args.dbs.front()) << ": " << printable(e.get_description()) << "\n";
    exit_status = kExitFailure;
  }
}

}  // namespace

void register_cites(CLI::App& app, int& exit_status) {
  auto args = std::make_shared<Args>();
  auto* cites = app.add_subcommand("cites", "Passages citing a provision or ruling (不正競争防止法2条6項, 東京高判平成29・3・21)");
  add_common(cites, *args);
  cites->add_option("reference", args->reference, "What is cited")->required();
  cites->callback([args, &exit_status] { guarded("cites", *args, exit_status, run_cites); });

  auto by_args = std::make_shared<Args>();
  by_args->limit = 20;
  auto* cited_by = app.add_subcommand("cited-by", "How often a provision is cited; without one, the most cited articles");
  add_common(cited_by, *by_args);
  cited_by->add_option("reference", by_args->reference, "A provision or ruling (optional)");
  cited_by->add_option("--type", by_args->citing_type, "Count only citations made by statute|ruling|guidance passages");
  cited_by->callback([by_args, &exit_status] { guarded("cited-by", *by_args, exit_status, run_cited_by); });
}

}  // namespace tsubo::cli
