// Ranking quality on a judgment set (the shared corpus's eval/dev: queries.tsv + qrels.tsv):
// loading the set, judging a ranked list of passages against it, and the measures `tsubo eval` prints.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tsubo {

// A set file that is missing, unreadable or malformed; the message names the file and the line.
struct EvalSetError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// One line of queries.tsv: `qid<TAB>query<TAB>what the user wants`.
struct EvalQuery {
  std::string qid, query, description;
};

// One line of qrels.tsv: passages of `doc_id` whose text contains `anchor` are relevant with `grade`
// (3 answers the question directly, 2 substantial discussion, 1 relevant mention).
struct Judgment {
  std::string qid, doc_id, anchor;
  int grade = 0;
  std::size_t line = 0;  // in qrels.tsv, for messages
};

inline constexpr int kMinGrade = 1;
inline constexpr int kMaxGrade = 3;

struct JudgmentSet {
  std::vector<EvalQuery> queries;   // in file order
  std::vector<Judgment> judgments;  // in file order
};

// Each throws EvalSetError for a missing file, invalid UTF-8, a wrong number of TAB-separated
// fields, an empty qid/query/doc_id/anchor, a grade outside 1–3, or a repeated qid or judgment.
// Blank lines are skipped; a UTF-8 BOM and CR line ends are accepted.
std::vector<EvalQuery> load_queries(const std::string& path);

// A question in plain Japanese rather than keywords: its description starts with "[question]".
bool is_question(const EvalQuery& query);
std::vector<Judgment> load_qrels(const std::string& path);
// queries.tsv and qrels.tsv of a set folder; also rejects a judgment whose qid has no query.
JudgmentSet load_judgment_set(const std::string& dir);

// The judgments of one query, in file order.
std::vector<Judgment> judgments_for(const JudgmentSet& set, const std::string& qid);

// The form in which anchors and passage texts are compared: NFKC, then every white space character
// (ASCII, U+3000, NBSP, line breaks) removed, so 「営　業秘密」 and 「営業秘密」 agree, as do ２条 and 2条.
std::string anchor_key(std::string_view text);

// A returned passage as the judge sees it.
struct RankedPassage {
  std::string doc_id, text;
};

// One ranked list judged against one query's judgments.
struct JudgedRanking {
  std::vector<int> grades;            // per rank (index 0 = rank 1); 0 = not relevant
  std::vector<int> judgment_grades;   // per judgment, in the order given
  std::vector<std::size_t> found_at;  // per judgment: the 1-based rank credited with it, 0 = not found
};

// Walks the ranking best first. A judgment is credited to the best-ranked passage that satisfies it
// (same doc_id, anchor_key(text) contains anchor_key(anchor)) and is used up there, even when that
// passage also satisfies a higher-graded judgment. A passage's grade is the highest grade among the
// judgments credited to it, 0 when it satisfies none or only ones used up by better-ranked passages
// (a duplicate or overlapping passage earns nothing twice). So every non-zero grade stands for a
// distinct judgment, and nDCG never exceeds 1.
JudgedRanking judge(const std::vector<RankedPassage>& ranking, const std::vector<Judgment>& judgments);

// The measures, pure functions of grades so they can be checked by hand. `grades` is per rank,
// `judgment_grades` all of the query's judgments in any order.
// DCG@k = Σ_{i ≤ k} (2^grade_i − 1) / log2(i + 1).
double dcg_at(const std::vector<int>& grades, std::size_t k);
// DCG@k / the DCG@k of judgment_grades sorted best first; 0 when the query has no positive judgment.
double ndcg_at(const std::vector<int>& grades, const std::vector<int>& judgment_grades, std::size_t k);
// 1 / rank of the first passage with grade ≥ min_grade; 0 when there is none.
double reciprocal_rank(const std::vector<int>& grades, int min_grade);
// Passages with grade ≥ min_grade among the top k, divided by k (not by how many were returned).
double precision_at(const std::vector<int>& grades, std::size_t k, int min_grade);
// Judgments found within the top k (found_at as in JudgedRanking) / all judgments; 0 for none.
double recall_at(const std::vector<std::size_t>& found_at, std::size_t k);

// The four measures tsubo eval reports.
struct QueryScores {
  double ndcg_10 = 0;    // nDCG@10, gain 2^grade − 1
  double mrr = 0;        // reciprocal rank of the first passage with grade ≥ 2
  double p_5 = 0;        // precision@5, grade ≥ 1
  double recall_100 = 0; // judgments found in the top 100 / judgments
};

QueryScores score(const JudgedRanking& judged);
// Arithmetic mean of each measure; all zero for an empty list.
QueryScores mean(const std::vector<QueryScores>& scores);

}  // namespace tsubo
