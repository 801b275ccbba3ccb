// Citation parsing: the written forms of statute and ruling references, and precision and recall
// on real citation strings of the shared corpus (tests/fixtures/citations/*.tsv, parsed by hand).
#include "text/citations.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace tsubo {
namespace {

std::vector<std::string> statute_keys(std::string_view text, CitationContext ctx = {}) {
  std::vector<std::string> out;
  for (const auto& c : find_citations(text, ctx).statutes) out.push_back(c.key());
  return out;
}

using Keys = std::vector<std::string>;

TEST(Citations, StatuteForms) {
  EXPECT_EQ(statute_keys("不正競争防止法２条６項"), Keys{"不正競争防止法/2/6"});
  EXPECT_EQ(statute_keys("不競法21条1項1号"), Keys{"不正競争防止法/21/1/1"});
  EXPECT_EQ(statute_keys("不正競争防止法第２条第６項"), Keys{"不正競争防止法/2/6"});
  EXPECT_EQ(statute_keys("不正競争防止法第十九条の二第一項"), Keys{"不正競争防止法/19の2/1"});
  EXPECT_EQ(statute_keys("同法４０条の６第１項１号"), Keys{});  // 同法 with nothing before it
  CitationContext ctx;
  ctx.last_law = "不正競争防止法";
  EXPECT_EQ(statute_keys("同法2条1項4号", ctx), Keys{"不正競争防止法/2/1/4"});
  EXPECT_EQ(statute_keys("不正競争防止法２条１項４号ないし９号"),
            (Keys{"不正競争防止法/2/1/4", "不正競争防止法/2/1/5", "不正競争防止法/2/1/6", "不正競争防止法/2/1/7",
                  "不正競争防止法/2/1/8", "不正競争防止法/2/1/9"}));
  EXPECT_EQ(statute_keys("刑法２３５条"), Keys{"刑法/235"});
  EXPECT_EQ(statute_keys("不正な方法３条"), Keys{});  // 方法 is no law
}

TEST(Citations, BareArticlesCiteTheStatuteItselfOnly) {
  EXPECT_EQ(statute_keys("第二条第六項に規定する営業秘密"), Keys{});
  CitationContext statute;
  statute.self_law = "不正競争防止法";
  EXPECT_EQ(statute_keys("第二条第六項に規定する営業秘密", statute), Keys{"不正競争防止法/2/6"});
  EXPECT_EQ(statute_keys("第二条第一項第七号", statute), Keys{"不正競争防止法/2/1/7"});
}

TEST(Citations, LawFromTheDocumentContext) {
  CitationContext ctx;
  ctx.default_law = "不正競争防止法";
  EXPECT_EQ(statute_keys("法２条６項にいう営業秘密", ctx), Keys{"不正競争防止法/2/6"});
  auto old = find_citations("旧法２条６項", ctx).statutes;
  ASSERT_EQ(old.size(), 1u);
  EXPECT_TRUE(old[0].old_law);
  EXPECT_EQ(old[0].key(), "不正競争防止法(旧)/2/6");
  EXPECT_EQ(statute_keys("旧不正競争防止法２条", CitationContext{}), Keys{"不正競争防止法(旧)/2"});

  // 88168: the law is defined once, then cited as 法.
  CitationContext doc;
  const std::string text =
      "本件における不正競争防止法（平成２７年法律第５４号による改正前のもの。以下「法」という。）２１条１項３号の"
      "「不正の利益を得る目的」があったといえる。";
  prepare_citation_context({text, "法２１条１項３号にいう"}, doc);
  EXPECT_EQ(doc.default_law, "不正競争防止法");
  EXPECT_EQ(statute_keys("②法２１条１項３号にいう「不正の利益を得る目的」", doc), Keys{"不正競争防止法/21/1/3"});

  // Aliases the text defines: 以下「不競法」という.
  CitationContext alias;
  find_citations("不正競争防止法（以下「不競防止法」という。）", alias);
  EXPECT_EQ(statute_keys("不競防止法３条１項", alias), Keys{"不正競争防止法/3/1"});
  // 同法 is the law named last, across passages fed with one context.
  CitationContext seq;
  find_citations("労働者派遣法２条２号にいう派遣労働者", seq);
  EXPECT_EQ(statute_keys("同法２４条の４により", seq),
            Keys{"労働者派遣事業の適正な運営の確保及び派遣労働者の保護等に関する法律/24の4"});
}

TEST(Citations, KeyLevels) {
  const auto c = parse_statute_reference("不正競争防止法2条1項7号");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->key_levels(), (Keys{"不正競争防止法/2", "不正競争防止法/2/1", "不正競争防止法/2/1/7"}));
  EXPECT_FALSE(parse_statute_reference("２条６項"));
  EXPECT_EQ(parse_statute_reference("不競法２条６項")->law, "不正競争防止法");
}

TEST(Citations, RulingForms) {
  auto one = [](std::string_view text) {
    auto c = parse_ruling_reference(text);
    return c ? c->key() + "|" + c->form : std::string("none");
  };
  EXPECT_EQ(one("東京高判平成29・3・21"), "東京高等裁判所|2017-03-21||判決");
  EXPECT_EQ(one("最決平成30年12月3日"), "最高裁判所|2018-12-03||決定");
  EXPECT_EQ(one("知財高裁平成23年9月27日判決（平成22年(ネ)第10039号）"), "知的財産高等裁判所|2011-09-27|平成22(ネ)10039|判決");
  EXPECT_EQ(one("東京地判平成14年10月1日"), "東京地方裁判所|2002-10-01||判決");
  EXPECT_EQ(one("最大判昭和48年4月4日"), "最高裁判所|1973-04-04||判決");
  EXPECT_EQ(one("平成22年(ネ)第10039号"), "||平成22(ネ)10039|");
  EXPECT_EQ(one("令和元年(ネ)第10037号"), "||令和1(ネ)10037|");
  EXPECT_EQ(one("東京高等裁判所は，平成２７年７月１０日に"), "none");
  EXPECT_EQ(citation_court("東京高等裁判所第１０刑事部"), "東京高等裁判所");
  EXPECT_EQ(citation_court("最高裁判所第二小法廷"), "最高裁判所");
  EXPECT_EQ(citation_court("東京地方裁判所立川支部"), "東京地方裁判所立川支部");
  EXPECT_EQ(citation_court("知的財産高等裁判所"), "知的財産高等裁判所");
}

// --- precision and recall on the fixtures ------------------------------------------------------

struct Score {
  std::size_t expected = 0, found = 0, correct = 0;
  std::vector<std::string> misses;
};

std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  if (s == "-" || s.empty()) return out;
  std::size_t pos = 0;
  for (;;) {
    const std::size_t at = s.find(sep, pos);
    out.push_back(s.substr(pos, at == std::string::npos ? std::string::npos : at - pos));
    if (at == std::string::npos) break;
    pos = at + sep.size();
  }
  return out;
}

void compare(Keys expected, Keys found, const std::string& line, Score& score) {
  score.expected += expected.size();
  score.found += found.size();
  std::sort(expected.begin(), expected.end());
  std::sort(found.begin(), found.end());
  Keys both;
  std::set_intersection(expected.begin(), expected.end(), found.begin(), found.end(), std::back_inserter(both));
  score.correct += both.size();
  if (both.size() != expected.size() || both.size() != found.size()) {
    std::string got;
    for (const auto& k : found) got += k + " ; ";
    score.misses.push_back(line + "\n    got: " + got);
  }
}

std::vector<std::vector<std::string>> fixture_rows(const std::string& name) {
  std::ifstream in(testing::fixture_path(name));
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    rows.push_back(split(line, "\t"));
  }
  return rows;
}

void report(const char* what, const Score& s) {
  const double precision = s.found ? double(s.correct) / s.found : 1.0;
  const double recall = s.expected ? double(s.correct) / s.expected : 1.0;
  std::printf("[citations] %s: %zu expected, %zu found, %zu correct: precision %.3f, recall %.3f\n", what, s.expected,
              s.found, s.correct, precision, recall);
  for (const auto& m : s.misses) std::printf("  miss: %s\n", m.c_str());
  EXPECT_GE(precision, 0.95) << what;
  EXPECT_GE(recall, 0.95) << what;
}

TEST(Citations, PrecisionAndRecallOnRealStatuteCitations) {
  const auto rows = fixture_rows("citations/statutes.tsv");
  ASSERT_GE(rows.size(), 60u);
  Score score;
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 4u) << row[0];
    CitationContext ctx;
    if (row[1] != "-") ctx.last_law = ctx.default_law = row[1];
    if (row[0] == "6273") ctx.self_law = "不正競争防止法";  // a statute's own text
    compare(split(row[3], " ; "), statute_keys(row[2], ctx), row[0] + "\t" + row[2], score);
  }
  report("statutes", score);
}

TEST(Citations, PrecisionAndRecallOnRealRulingCitations) {
  const auto rows = fixture_rows("citations/rulings.tsv");
  ASSERT_GE(rows.size(), 20u);
  Score score;
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 3u) << row[0];
    CitationContext ctx;
    Keys found;
    for (const auto& c : find_citations(row[1], ctx).rulings) found.push_back(c.key());
    compare(split(row[2], " ; "), found, row[0] + "\t" + row[1], score);
  }
  report("rulings", score);
}

}  // namespace
}  // namespace tsubo
