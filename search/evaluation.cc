// Judgment-set loading, passage judging and the ranking measures behind `tsubo eval`.
#include "search/evaluation.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "text/normalize.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

[[noreturn]] void fail_at(const std::string& path, std::size_t line, const std::string& why) {
  throw EvalSetError("[eval] " + path + ":" + std::to_string(line) + ": " + why);
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t begin = 0;
  for (std::size_t tab; (tab = line.find('\t', begin)) != std::string::npos; begin = tab + 1)
    fields.push_back(line.substr(begin, tab - begin));
  fields.push_back(line.substr(begin));
  return fields;
}

// Calls on_line(line_number, fields) for every non-blank line of a TSV file.
void read_tsv(const std::string& path,
              const std::function<void(std::size_t, const std::vector<std::string>&)>& on_line) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw EvalSetError("[eval] " + path + ": no such file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw EvalSetError("[eval] " + path + ": cannot be read");
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!utf8::valid(line)) fail_at(path, number, "not valid UTF-8");
    if (utf8::trim(line).empty()) continue;
    on_line(number, split_tabs(line));
  }
  if (in.bad()) throw EvalSetError("[eval] " + path + ": read error");
}

void expect_fields(const std::string& path, std::size_t line, const std::vector<std::string>& fields,
                   std::size_t expected, const char* names) {
  if (fields.size() != expected)
    fail_at(path, line, "expected " + std::to_string(expected) + " TAB-separated fields (" + names +
                            "), found " + std::to_string(fields.size()));
}

}  // namespace

std::vector<EvalQuery> load_queries(const std::string& path) {
  std::vector<EvalQuery> queries;
  std::map<std::string, std::size_t> seen;  // qid → line
  read_tsv(path, [&](std::size_t line, const std::vector<std::string>& f) {
    expect_fields(path, line, f, 3, "qid, query, description");
    EvalQuery q{utf8::trim(f[0]), utf8::trim(f[1]), utf8::trim(f[2])};
    if (q.qid.empty()) fail_at(path, line, "empty qid");
    if (q.query.empty()) fail_at(path, line, "empty query for " + q.qid);
    if (auto [it, fresh] = seen.emplace(q.qid, line); !fresh)
      fail_at(path, line, "qid " + q.qid + " already used on line " + std::to_string(it->second));
    queries.push_back(std::move(q));
  });
  if (queries.empty()) throw EvalSetError("[eval] " + path + ": no queries");
  return queries;
}

std::vector<Judgment> load_qrels(const std::string& path) {
  std::vector<Judgment> judgments;
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> seen;  // → line
  read_tsv(path, [&](std::size_t line, const std::vector<std::string>& f) {
    expect_fields(path, line, f, 4, "qid, doc_id, anchor, grade");
    Judgment j{utf8::trim(f[0]), utf8::trim(f[1]), f[2], 0, line};
    if (j.qid.empty()) fail_at(path, line, "empty qid");
    if (j.doc_id.empty()) fail_at(path, line, "empty doc_id");
    const std::string key = anchor_key(j.anchor);
    // An empty anchor would make every passage of the document relevant.
    if (key.empty()) fail_at(path, line, "empty anchor");
    const std::string grade = utf8::trim(f[3]);
    const auto [end, ec] = std::from_chars(grade.data(), grade.data() + grade.size(), j.grade);
    if (ec != std::errc() || end != grade.data() + grade.size() || j.grade < kMinGrade || j.grade > kMaxGrade)
      fail_at(path, line, "grade must be " + std::to_string(kMinGrade) + "–" + std::to_string(kMaxGrade) +
                              ", found «" + grade + "»");
    if (auto [it, fresh] = seen.emplace(std::make_tuple(j.qid, j.doc_id, key), line); !fresh)
      fail_at(path, line, "same judgment as line " + std::to_string(it->second));
    judgments.push_back(std::move(j));
  });
  if (judgments.empty()) throw EvalSetError("[eval] " + path + ": no judgments");
  return judgments;
}

JudgmentSet load_judgment_set(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw EvalSetError("[eval] set folder " + dir + " does not exist (it should hold queries.tsv and qrels.tsv)");
  const std::string queries_path = (std::filesystem::path(dir) / "queries.tsv").string();
  const std::string qrels_path = (std::filesystem::path(dir) / "qrels.tsv").string();
  JudgmentSet set{load_queries(queries_path), load_qrels(qrels_path)};
  std::set<std::string> qids;
  for (const auto& q : set.queries) qids.insert(q.qid);
  for (const auto& j : set.judgments)
    if (!qids.count(j.qid)) fail_at(qrels_path, j.line, "qid " + j.qid + " is not in " + queries_path);
  return set;
}

std::vector<Judgment> judgments_for(const JudgmentSet& set, const std::string& qid) {
  std::vector<Judgment> out;
  for (const auto& j : set.judgments)
    if (j.qid == qid) out.push_back(j);
  return out;
}

std::string anchor_key(std::string_view text) { return utf8::remove_spaces(normalize_nfkc(text)); }

JudgedRanking judge(const std::vector<RankedPassage>& ranking, const std::vector<Judgment>& judgments) {
  JudgedRanking out;
  out.grades.assign(ranking.size(), 0);
  out.found_at.assign(judgments.size(), 0);
  std::vector<std::string> anchors;
  for (const auto& j : judgments) {
    out.judgment_grades.push_back(j.grade);
    anchors.push_back(anchor_key(j.anchor));
  }
  for (std::size_t rank = 0; rank < ranking.size(); ++rank) {
    const RankedPassage& passage = ranking[rank];
    std::string text;  // normalised only when some open judgment is about this document
    bool normalised = false;
    for (std::size_t j = 0; j < judgments.size(); ++j) {
      if (out.found_at[j] != 0 || judgments[j].doc_id != passage.doc_id) continue;
      if (!normalised) {
        text = anchor_key(passage.text);
        normalised = true;
      }
      if (text.find(anchors[j]) == std::string::npos) continue;
      out.found_at[j] = rank + 1;
      out.grades[rank] = std::max(out.grades[rank], judgments[j].grade);
    }
  }
  return out;
}

double dcg_at(const std::vector<int>& grades, std::size_t k) {
  double dcg = 0;
  for (std::size_t i = 0; i < std::min(k, grades.size()); ++i)
    if (grades[i] > 0) dcg += (std::exp2(grades[i]) - 1) / std::log2(static_cast<double>(i) + 2);
  return dcg;
}

double ndcg_at(const std::vector<int>& grades, const std::vector<int>& judgment_grades, std::size_t k) {
  std::vector<int> ideal = judgment_grades;
  std::sort(ideal.begin(), ideal.end(), std::greater<int>());
  const double ideal_dcg = dcg_at(ideal, k);
  return ideal_dcg > 0 ? dcg_at(grades, k) / ideal_dcg : 0;
}

double reciprocal_rank(const std::vector<int>& grades, int min_grade) {
  for (std::size_t i = 0; i < grades.size(); ++i)
    if (grades[i] >= min_grade) return 1.0 / static_cast<double>(i + 1);
  return 0;
}

double precision_at(const std::vector<int>& grades, std::size_t k, int min_grade) {
  if (k == 0) return 0;
  const auto top = grades.begin() + static_cast<std::ptrdiff_t>(std::min(k, grades.size()));
  const auto relevant = std::count_if(grades.begin(), top, [&](int g) { return g >= min_grade; });
  return static_cast<double>(relevant) / static_cast<double>(k);
}

double recall_at(const std::vector<std::size_t>& found_at, std::size_t k) {
  if (found_at.empty()) return 0;
  const auto found = std::count_if(found_at.begin(), found_at.end(), [&](std::size_t r) { return r != 0 && r <= k; });
  return static_cast<double>(found) / static_cast<double>(found_at.size());
}

QueryScores score(const JudgedRanking& judged) {
  QueryScores s;
  s.ndcg_10 = ndcg_at(judged.grades, judged.judgment_grades, 10);
  s.mrr = reciprocal_rank(judged.grades, 2);
  s.p_5 = precision_at(judged.grades, 5, 1);
  s.recall_100 = recall_at(judged.found_at, 100);
  return s;
}

QueryScores mean(const std::vector<QueryScores>& scores) {
  QueryScores m;
  if (scores.empty()) return m;
  for (const auto& s : scores) {
    m.ndcg_10 += s.ndcg_10;
    m.mrr += s.mrr;
    m.p_5 += s.p_5;
    m.recall_100 += s.recall_100;
  }
  const double n = static_cast<double>(scores.size());
  m.ndcg_10 /= n;
  m.mrr /= n;
  m.p_5 /= n;
  m.recall_100 /= n;
  return m;
}

bool is_question(const EvalQuery& query) { return query.description.rfind("[question]", 0) == 0; }

}  // namespace tsubo
