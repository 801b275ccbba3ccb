// The citation table over a real index built from fixtures: citing passages, resolved links to the
// cited article and ruling, counts, and the `tsubo cites` / `cited-by` commands.
#include "search/citation_table.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "indexer/index_run.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace tsubo {
namespace {

// A statute, a ruling and a memo citing both, indexed once for all tests here.
const std::string& citation_db() {
  static const std::string db = [] {
    const fs::path root = testing::temp_dir("citation-corpus");
    fs::create_directories(root / "statutes");
    fs::copy_file(testing::fixture_path("statute/basic.txt"), root / "statutes" / "9001.txt");
    fs::create_directories(root / "rulings");
    fs::copy_file(testing::fixture_path("ruling/criminal_high_court.json"), root / "rulings" / "99002.json");
    fs::create_directories(root / "guidance");
    std::ofstream(root / "guidance" / "memo.md")
        << "# 試験不正対策メモ\n\n## 定義\n\n"
           "他人の受験票を使う行為は試験公正確保法第２条１号（同法２条１項１号）に当たる。"
           "同法１９条の２も参照。\n\n## 裁判例\n\n東京高判平成29・3・21(判タ1433号80頁)は秘密管理性を論じた。\n";
    const std::string path = testing::temp_dir("citation-db") + "/db";
    IndexOptions options;
    options.db_path = path;
    options.progress = false;
    index_paths({root.string()}, options);
    return path;
  }();
  return db;
}

TEST(CitationTable, FindsCitingPassagesWithResolvedLinks) {
  Xapian::Database db(citation_db());
  const CitationQuery q = parse_citation_query(db, "試験公正確保法2条1項1号");
  EXPECT_TRUE(q.statute);
  EXPECT_EQ(q.key, "試験公正確保法/2/1/1");
  EXPECT_EQ(q.target, "statute/9001#art2");
  std::size_t total = 0;
  const auto passages = citing_passages(db, q, 10, total);
  ASSERT_EQ(total, 1u);
  EXPECT_EQ(passages[0].doc_id, "guidance/memo");
  EXPECT_EQ(passages[0].cites, std::vector<std::string>{"試験公正確保法/2/1/1"});

  // A search for the article finds the finer citations, listed per passage.
  const CitationQuery article = parse_citation_query(db, "試験公正確保法第二条");
  citing_passages(db, article, 10, total);
  EXPECT_GE(total, 1u);
  const CitationQuery branch = parse_citation_query(db, "試験公正確保法19条の2");
  EXPECT_EQ(branch.target, "statute/9001#art19の2");
  EXPECT_EQ(citing_passages(db, branch, 10, total).at(0).doc_id, "guidance/memo");
}

TEST(CitationTable, RulingCitationsResolveToTheIndexedRuling) {
  Xapian::Database db(citation_db());
  const CitationQuery q = parse_citation_query(db, "東京高判平成29・3・21");
  EXPECT_FALSE(q.statute);
  EXPECT_EQ(q.key, "東京高等裁判所|2017-03-21");
  EXPECT_EQ(q.target, "ruling/99002#p1");
  std::size_t total = 0;
  const auto passages = citing_passages(db, q, 10, total);
  ASSERT_EQ(total, 1u);
  EXPECT_EQ(passages[0].doc_id, "guidance/memo");
  EXPECT_EQ(parse_citation_query(db, "平成28年(う)第974号").target, "ruling/99002#p1");
  EXPECT_THROW(parse_citation_query(db, "営業秘密"), std::invalid_argument);
}

TEST(CitationTable, CountsAndSummary) {
  Xapian::Database db(citation_db());
  const auto counts = cited_counts(db, parse_citation_query(db, "試験公正確保法2条"));
  ASSERT_FALSE(counts.empty());
  EXPECT_EQ(counts[0].key, "試験公正確保法/2");
  const CitationSummary s = summarize_citations(db, 10, "guidance");
  EXPECT_EQ(s.resolved_citations, s.citations);
  EXPECT_GE(s.citations, 2u);  // 2条 and 19条の2
  EXPECT_EQ(s.dated_ruling_citations, 1u);
  EXPECT_EQ(s.resolved_dated_ruling_citations, 1u);
}

// cited-by listed 2/1/1, 2/1/10, 2/1/11 … 2/1/2 (the index's text order) and printed the keys.
TEST(CitationTable, KeysSortAsTheLawNumbersThem) {
  std::vector<std::string> keys = {"法/2/1/2", "法/2/1/10", "法/20", "法/2/1/1", "法/19の2", "法/19", "法/2",
                                   "法/2/1", "法/19の10", "法/2/1/7の2", "法/2/1/7", "別法/1"};
  std::sort(keys.begin(), keys.end(), citation_key_less);
  EXPECT_EQ(keys, (std::vector<std::string>{"別法/1", "法/2", "法/2/1", "法/2/1/1", "法/2/1/2", "法/2/1/7",
                                            "法/2/1/7の2", "法/2/1/10", "法/19", "法/19の2", "法/19の10", "法/20"}));
  EXPECT_TRUE(citation_key_less("法/2", "東京高等裁判所|2017-03-21"));  // statutes before rulings
  EXPECT_FALSE(citation_key_less("法/2", "法/2"));
}

TEST(CitationTable, KeysReadAsPeopleWriteThem) {
  EXPECT_EQ(citation_label("不正競争防止法/2/1/7"), "不正競争防止法2条1項7号");
  EXPECT_EQ(citation_label("不正競争防止法/19の2"), "不正競争防止法19条の2");
  EXPECT_EQ(citation_label("不正競争防止法/2/1/7の2"), "不正競争防止法2条1項7号の2");
  EXPECT_EQ(citation_label("不正競争防止法/2/6"), "不正競争防止法2条6項");
  EXPECT_EQ(citation_label("不正競争防止法(旧)/2"), "旧不正競争防止法2条");
  EXPECT_EQ(citation_label("東京高等裁判所|2017-03-21"), "東京高等裁判所 2017-03-21");
  EXPECT_EQ(citation_label("平成22(ネ)10039"), "平成22(ネ)10039");
}

std::string run(const std::string& command, int& status) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  char buffer[4096];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe.get())) > 0;) out.append(buffer, n);
  status = pclose(pipe.release());
  return out;
}

TEST(CitationTable, CitesAndCitedByCommands) {
  int status = 0;
  const std::string bin = TSUBO_BINARY;
  const auto cites = nlohmann::json::parse(run(bin + " cites --json --db " + citation_db() + " 試験公正確保法２条１項１号", status));
  EXPECT_EQ(status, 0);
  EXPECT_EQ(cites["key"], "試験公正確保法/2/1/1");
  EXPECT_EQ(cites["target"], "statute/9001#art2");
  EXPECT_EQ(cites["passages"][0]["doc_id"], "guidance/memo");
  const auto by = nlohmann::json::parse(run(bin + " cited-by --json --db " + citation_db() + " 試験公正確保法2条", status));
  EXPECT_EQ(status, 0);
  EXPECT_EQ(by["counts"][0]["key"], "試験公正確保法/2");
  EXPECT_EQ(by["counts"][0]["label"], "試験公正確保法2条");
  EXPECT_EQ(by["label"], "試験公正確保法2条");
  const std::string lines = run(bin + " cited-by --db " + citation_db() + " 試験公正確保法2条", status);
  EXPECT_EQ(status, 0);
  EXPECT_EQ(lines.rfind("3\t試験公正確保法2条\tstatute/9001#art2\n", 0), 0u) << lines;
  EXPECT_NE(lines.find("\t試験公正確保法2条1項1号\t"), std::string::npos) << lines;
  const std::string top = run(bin + " cited-by --db " + citation_db(), status);
  EXPECT_NE(top.find("\t試験公正確保法19条の2\tstatute/9001#art19の2\n"), std::string::npos) << top;
  const std::string citing = run(bin + " cites --db " + citation_db() + " 試験公正確保法2条", status);
  EXPECT_EQ(citing.rfind("3 passages cite 試験公正確保法2条  (cited: statute/9001#art2)", 0), 0u) << citing;
  EXPECT_NE(citing.find("cites 試験公正確保法2条1項1号\n"), std::string::npos) << citing;
  run(bin + " cites --db " + citation_db() + " 営業秘密 2>/dev/null", status);
  EXPECT_NE(status, 0);
}

}  // namespace
}  // namespace tsubo
