// tsubo eval: ranking quality of a database on a judgment set (nDCG@10, MRR, P@5, recall@100).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <stdexcept>
#include <memory>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/terminal_text.h"
#include "search/evaluation.h"
#include "search/query_parser.h"
#include "search/searcher.h"
#include "text/analyzer.h"

namespace tsubo::cli {
namespace {

struct QueryResult {
  EvalQuery query;
  std::size_t judgments = 0, found = 0;  // found: judgments credited within the depth searched
  QueryScores scores;
};

nlohmann::ordered_json scores_json(const QueryScores& s) {
  return {{"ndcg_at_10", s.ndcg_10}, {"mrr", s.mrr}, {"p_at_5", s.p_5}, {"recall_at_100", s.recall_100}};
}

// The means over keyword queries and over questions apart ([question] in the description), when the
// set has both.
struct KindMeans {
  QueryScores keywords, questions;
  std::size_t keyword_count = 0, question_count = 0;
};

KindMeans means_by_kind(const std::vector<QueryResult>& results) {
  std::vector<QueryScores> keywords, questions;
  for (const auto& r : results) (is_question(r.query) ? questions : keywords).push_back(r.scores);
  return {mean(keywords), mean(questions), keywords.size(), questions.size()};
}

void print_json(const std::vector<QueryResult>& results, const QueryScores& mean_scores, const std::string& db,
                const std::string& set, std::size_t depth) {
  nlohmann::ordered_json queries = nlohmann::ordered_json::array();
  for (const auto& r : results) {
    nlohmann::ordered_json q = {{"qid", r.query.qid}, {"query", r.query.query}, {"judgments", r.judgments},
                        {"found", r.found}};
    q.update(scores_json(r.scores));
    queries.push_back(std::move(q));
  }
  const KindMeans kinds = means_by_kind(results);
  nlohmann::ordered_json out = {{"db", db},
                                {"set", set},
                                {"depth", depth},
                                {"evaluated", results.size()},
                                {"mean", scores_json(mean_scores)}};
  if (kinds.question_count > 0 && kinds.keyword_count > 0) {
    out["mean_keywords"] = scores_json(kinds.keywords);
    out["mean_questions"] = scores_json(kinds.questions);
    out["keywords"] = kinds.keyword_count;
    out["questions"] = kinds.question_count;
  }
  out["queries"] = std::move(queries);
  std::cout << out.dump(2) << "\n";
}

void print_table(const std::vector<QueryResult>& results, const QueryScores& mean_scores) {
  std::size_t qid_width = 9;  // "questions"
  for (const auto& r : results) qid_width = std::max(qid_width, r.query.qid.size());
  auto row = [&](const std::string& label, const QueryScores& s, const std::string& tail) {
    std::cout << std::left << std::setw(static_cast<int>(qid_width)) << label << std::right << std::fixed
              << std::setprecision(4) << std::setw(9) << s.ndcg_10 << std::setw(8) << s.mrr << std::setw(8)
              << s.p_5 << std::setw(8) << s.recall_100 << "  " << tail << "\n";
  };
  std::cout << std::left << std::setw(static_cast<int>(qid_width)) << "qid" << std::right << std::setw(9)
            << "nDCG@10" << std::setw(8) << "MRR" << std::setw(8) << "P@5" << std::setw(8) << "R@100"
            << "  query\n";
  for (const auto& r : results) row(escape_controls(r.query.qid), r.scores, escape_controls(r.query.query));
  row("mean", mean_scores, "(" + std::to_string(results.size()) + " queries)");
  const KindMeans kinds = means_by_kind(results);
  if (kinds.question_count > 0 && kinds.keyword_count > 0) {
    row("keywords", kinds.keywords, "(" + std::to_string(kinds.keyword_count) + " keyword queries)");
    row("questions", kinds.questions, "(" + std::to_string(kinds.question_count) + " questions: [question] in the set)");
  }
}

// A run file: one JSON object a line, {"qid": …, "hits": [{"doc_id": …, "text": …}, …]} best first.
std::map<std::string, std::vector<RankedPassage>> load_run(const std::string& path, std::size_t depth) {
  std::ifstream in(path);
  if (!in) throw EvalSetError("[eval] cannot read run file " + path);
  std::map<std::string, std::vector<RankedPassage>> out;
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (line.empty()) continue;
    try {
      const auto j = nlohmann::json::parse(line);
      auto& ranking = out[j.at("qid").get<std::string>()];
      for (const auto& hit : j.at("hits")) {
        if (ranking.size() >= depth) break;
        ranking.push_back({hit.at("doc_id").get<std::string>(), hit.at("text").get<std::string>()});
      }
    } catch (const nlohmann::json::exception& e) {
      throw EvalSetError("[eval] " + path + ":" + std::to_string(n) + ": " + e.what());
    }
  }
  return out;
}

}  // namespace

void register_eval(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand("eval", "Measure ranking quality on a judgment set (queries.tsv + qrels.tsv)");
  struct Args {
    std::string db = kDefaultDb;
    std::string set = default_corpus_dir() + "/eval/dev";
    std::string dict;
    std::string run;
    std::string rank;
    std::size_t depth = 100;
    bool json = false;
    bool group = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--db", args->db, "Database folder")->capture_default_str();
  cmd->add_option("--set", args->set, "Judgment set folder: queries.tsv + qrels.tsv (default from $TSUBO_CORPUS)")
      ->capture_default_str();
  cmd->add_option("--dict", args->dict, "MeCab dictionary folder (must match the index)");
  cmd->add_option("--depth", args->depth, "Passages retrieved per query")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, kMaxResultsPerPage));
  cmd->add_option("--run", args->run,
                  "Score a ranking made elsewhere instead of searching: JSON lines {qid, hits: [{doc_id, text}]} "
                  "(e.g. bench/xapian_ngram_baseline.py)");
  cmd->add_option("--rank", args->rank, "Override ranking knobs for a tuning run: k1=1.0,b=0.5,… (search/ranking.h)");
  cmd->add_flag("--group", args->group,
                "Judge the grouped list the search page shows: one hit a ruling (its best passage), "
                "statute articles and guidance sections each their own (group=document)");
  cmd->add_flag("--json", args->json, "JSON output");
  cmd->callback([args, &exit_status] {
    RankingParams knobs;
    try {
      knobs.apply(args->rank);
    } catch (const std::invalid_argument& e) {
      std::cerr << "[eval] --rank: " << printable(e.what()) << "\n";
      exit_status = kExitFailure;
      return;
    }
    if (!args->run.empty() && args->group) std::cerr << "[eval] note: --group has no effect on a --run made elsewhere\n";
    if (!args->run.empty() && !args->rank.empty())
      std::cerr << "[eval] note: --rank has no effect on a --run made elsewhere\n";
    JudgmentSet set;
    try {
      set = load_judgment_set(args->set);
    } catch (const EvalSetError& e) {
      std::cerr << printable(e.what()) << "\n";
      exit_status = kExitFailure;
      return;
    }
    if (args->depth < 100)
      std::cerr << "[eval] note: --depth " << args->depth << " < 100, so R@100 counts only the top " << args->depth
                << "\n";

    std::map<std::string, std::vector<RankedPassage>> external;
    if (!args->run.empty()) {
      try {
        external = load_run(args->run, args->depth);
      } catch (const EvalSetError& e) {
        std::cerr << printable(e.what()) << "\n";
        exit_status = kExitFailure;
        return;
      }
    }
    std::unique_ptr<Analyzer> analyzer;
    std::unique_ptr<Searcher> searcher;
    if (args->run.empty()) {
      analyzer = std::make_unique<Analyzer>(args->dict);
      searcher = std::make_unique<Searcher>(args->db, *analyzer);
    }
    std::vector<QueryResult> results;
    std::vector<QueryScores> scores;
    for (const EvalQuery& q : set.queries) {
      const std::vector<Judgment> judgments = judgments_for(set, q.qid);
      if (judgments.empty()) {
        // Nothing to measure against; leaving it out keeps the means comparable across sets.
        std::cerr << "[eval] " << escape_controls(q.qid) << " " << echoed(q.query)
                  << " has no judgments; left out of the means\n";
        continue;
      }
      std::vector<RankedPassage> ranking;
      if (searcher == nullptr) {
        ranking = external[q.qid];
      } else try {
        SearchRequest request;
        request.query = q.query;
        request.limit = args->depth;
        request.ranking = knobs;
        request.group_by_document = args->group;
        for (SearchHit& hit : searcher->search(request).hits)
          ranking.push_back({std::move(hit.doc_id), std::move(hit.text)});
      } catch (const QuerySyntaxError& e) {
        // Scored as an empty ranking: a query the engine cannot run has failed its user.
        std::cerr << "[eval] " << escape_controls(q.qid) << " " << echoed(q.query) << ": " << e.what() << "\n";
        exit_status = kExitPartial;
      }
      const JudgedRanking judged = judge(ranking, judgments);
      QueryResult r{q, judgments.size(), 0, score(judged)};
      r.found = static_cast<std::size_t>(std::count_if(judged.found_at.begin(), judged.found_at.end(),
                                                       [](std::size_t rank) { return rank != 0; }));
      scores.push_back(r.scores);
      results.push_back(std::move(r));
    }
    const QueryScores mean_scores = mean(scores);
    if (args->json) print_json(results, mean_scores, args->db, args->set, args->depth);
    else print_table(results, mean_scores);
  });
}

}  // namespace tsubo::cli
