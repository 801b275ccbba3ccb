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

// 88984 (知財高裁): 民法７１５条 cited before, then 不正競争防止法 named without an article; 同法 is
// 不正競争防止法, not 民法 (the document view showed 民法2条6項).
TEST(Citations, DoHoIsTheLawNamedLastEvenWithoutAnArticle) {
  CitationContext ctx;
  find_citations("被控訴人会社に対する請求につき民法７１５条１項の使用者責任を負うものと判断し", ctx);
  EXPECT_EQ(statute_keys("３不正競争行為（営業秘密の使用行為等）の有無（争点３）について⑴不正競争防止法において「営業秘密」"
                         "とは，秘密として管理されている生産方法，販売方法その他の事業活動に有用な技術上又は営業上の情報"
                         "であって，公然と知られていないものをいう（同法２条６項）。",
                         ctx),
            Keys{"不正競争防止法/2/6"});
  // 民法所定の: a mention too. Not the head of a longer title: 特許法等の一部を改正する法律.
  CitationContext mention;
  find_citations("不正競争防止法２条１項４号に基づき，民法所定の年５分の割合による遅延損害金", mention);
  EXPECT_EQ(statute_keys("同法７０９条", mention), Keys{"民法/709"});
  CitationContext longer;
  find_citations("民法７０９条。特許法等の一部を改正する法律附則第二条", longer);
  EXPECT_EQ(longer.last_law, "民法");
  // A law named with its law number and no article (刑事訴訟法５３条の２第３項).
  CitationContext numbered;
  EXPECT_EQ(statute_keys("公文書等の管理に関する法律（平成二十一年法律第六十六号）第二章の規定は、適用しない。"
                         "この場合において、同法第十四条第一項中",
                         numbered),
            Keys{"公文書等の管理に関する法律/14/1"});
}

TEST(Citations, RelativeReferencesCountFromHere) {
  CitationContext ctx;
  ctx.self_law = "不正競争防止法";
  ctx.here.law = "不正競争防止法";
  ctx.here.article = "22";
  ctx.here.paragraph = "3";
  EXPECT_EQ(statute_keys("前項の場合において", ctx), Keys{"不正競争防止法/22/2"});
  EXPECT_EQ(statute_keys("前各項の規定", ctx), (Keys{"不正競争防止法/22/1", "不正競争防止法/22/2"}));
  EXPECT_EQ(statute_keys("次項に定める", ctx), Keys{"不正競争防止法/22/4"});
  EXPECT_EQ(statute_keys("本条の罰金刑", ctx), Keys{"不正競争防止法/22"});
  EXPECT_EQ(statute_keys("前条第二項", ctx), Keys{"不正競争防止法/21/2"});
  EXPECT_EQ(statute_keys("次条", ctx), Keys{"不正競争防止法/23"});
  ctx.here.item = "5";
  EXPECT_EQ(statute_keys("前各号に掲げるもののほか", ctx),
            (Keys{"不正競争防止法/22/3/1", "不正競争防止法/22/3/2", "不正競争防止法/22/3/3", "不正競争防止法/22/3/4"}));
  EXPECT_EQ(statute_keys("第一号に掲げる者", ctx), Keys{"不正競争防止法/22/3/1"});
  // The statute's own order: 前条 of 3 is 2の2.
  ctx.here = {};
  ctx.here.law = "不正競争防止法";
  ctx.here.article = "3";
  ctx.article_order = {"1", "2", "2の2", "3"};
  EXPECT_EQ(statute_keys("前条の規定", ctx), Keys{"不正競争防止法/2の2"});
  ctx.article_order.clear();
  EXPECT_EQ(statute_keys("前条の規定", ctx), Keys{"不正競争防止法/2"});
  // Words, exhibits and unknown places are no citations.
  EXPECT_EQ(statute_keys("本条約、前条件、本項目、甲第１号証", ctx), Keys{});
  CitationContext ruling;
  EXPECT_EQ(statute_keys("前条の規定により、前項に定める第２項の金額", ruling), Keys{});
  // 同法 with nothing to refer to takes its whole chain: its 第一項 is no bare paragraph here.
  EXPECT_EQ(statute_keys("同法第十四条第一項中", ctx), Keys{});
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

TEST(Citations, PrecisionAndRecallOnRelativeReferences) {
  const auto rows = fixture_rows("citations/relative.tsv");
  ASSERT_GE(rows.size(), 15u);
  Score score;
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 4u) << row[0];
    const auto here = split(row[1], "/");
    CitationContext ctx;
    ctx.self_law = ctx.default_law = ctx.here.law = here.at(0);
    ctx.here.article = here.at(1);
    if (here.size() > 2) ctx.here.paragraph = here[2];
    if (here.size() > 3) ctx.here.item = here[3];
    compare(split(row[3], " ; "), statute_keys(row[2], ctx), row[0] + "\t" + row[2], score);
  }
  report("relative", score);
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

namespace tsubo {
namespace {

TEST(Citations, KeysReadBackIntoTheirCitation) {
  const StatuteCitation c = StatuteCitation::from_key("不正競争防止法/2/1/4");
  EXPECT_EQ(c.law, "不正競争防止法");
  EXPECT_EQ(c.article, "2");
  EXPECT_EQ(c.paragraph, "1");
  EXPECT_EQ(c.item, "4");
  EXPECT_EQ(c.key(), "不正競争防止法/2/1/4");
  const StatuteCitation old = StatuteCitation::from_key("不正競争防止法(旧)/19の2");
  EXPECT_TRUE(old.old_law);
  EXPECT_EQ(old.law, "不正競争防止法");
  EXPECT_EQ(old.article, "19の2");
  EXPECT_EQ(old.key(), "不正競争防止法(旧)/19の2");
}

// fuzz/citations_fuzz.cc: a law name read back to the punctuation before it (an unknown title given an
// alias) took in slashes, and its keys (law/article/…) no longer read back into the citation.
TEST(Citations, ALawNameHoldsNoSlash) {
  for (const std::string text : {"不正競鉺䘲//止法（以下「不競法」という。）不競法第２条第１項第４号",  // minimised
                                 "不正競鉺䘲／止法（以下「不競法」という。）不競法第２条第１項第４号"}) {
    CitationContext ctx;
    const Citations found = find_citations(text, ctx);
    ASSERT_FALSE(found.statutes.empty()) << text;
    for (const auto& c : found.statutes) {
      EXPECT_EQ(c.law.find('/'), std::string::npos) << c.key();
      EXPECT_EQ(StatuteCitation::from_key(c.key()).key(), c.key());
    }
  }
}

}  // namespace
}  // namespace tsubo
