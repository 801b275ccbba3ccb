// Searcher over a real (temporary) Xapian database built from hand-made documents.
#include "search/searcher.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "corpus/document.h"
#include "indexer/index_writer.h"
#include "indexer/passage_document.h"
#include "indexer/schema.h"
#include "search/result_json.h"
#include "search/search_fixtures.h"
#include "test_support.h"
#include "text/analyzer.h"

namespace tsubo {
namespace {

using testing::two_article_statute;

Document ruling() {
  Document d;
  d.id = "ruling/99001";
  d.type = DocType::Ruling;
  d.title = "不正競争行為差止等請求事件";
  d.meta.court = "知的財産高等裁判所";
  d.meta.date = "2019-10-09";
  d.meta.case_number = "令和1(ネ)10037";
  Passage p1{"ruling/99001#p1", {"事実及び理由", "第３ 当裁判所の判断"}, "本件情報は秘密として管理されていたとはいえず、秘密管理性は認められない。", 0, 10, "", "当裁判所の判断", {}, {}, ""};
  d.passages = {p1};
  return d;
}

class SearcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::temp_dir("searcher") + "/db";
    write({two_article_statute(), ruling()});
  }
  void write(const std::vector<Document>& docs) {
    IndexWriter writer(db_, analyzer_.identity());
    for (const auto& d : docs) {
      std::vector<Xapian::Document> xdocs;
      for (std::size_t i = 0; i < d.passages.size(); ++i)
        xdocs.push_back(make_passage_document(d, d.passages[i], i, analyzer_));
      writer.replace_document(d.id, std::move(xdocs));
    }
    writer.commit();
  }
  SearchResponse search(SearchRequest r) {
    Searcher s(db_, analyzer_);
    return s.search(r);
  }

  Analyzer analyzer_;
  std::string db_;
};

TEST_F(SearcherTest, HeadingWordsFindThePassage) {
  SearchRequest r;
  r.query = "営業秘密の定義";  // 定義 stands only in the caption （定義）
  const auto res = search(r);
  ASSERT_FALSE(res.hits.empty());
  EXPECT_EQ(res.hits[0].passage_id, "statute/9001#art2");
  EXPECT_EQ(res.hits[0].heading, "第一章　総則 › （定義） › 第二条");
  EXPECT_EQ(res.hits[0].law, "不正競争防止法");
  EXPECT_EQ(res.hits[0].article, "2");
}

// --explain splits the score into text and role prior, and lists the words matched, not the role
// term through which the prior is given.
TEST_F(SearcherTest, ExplainSplitsTheScoreAndListsOnlyWords) {
  SearchRequest r;
  r.query = "秘密管理性";
  r.explain = true;
  const auto res = search(r);
  ASSERT_FALSE(res.hits.empty());
  const SearchHit& hit = res.hits[0];
  EXPECT_EQ(hit.passage_id, "ruling/99001#p1");
  const Explanation& x = hit.explanation;
  EXPECT_EQ(x.role, "reasoning");
  EXPECT_GT(x.role_prior, 0);
  EXPECT_NEAR(x.text_score + x.role_prior, hit.score, 1e-9);
  const std::set<std::string> matched(x.matched_terms.begin(), x.matched_terms.end());
  EXPECT_TRUE(matched.count("秘密") && matched.count("管理")) << ::testing::PrintToString(x.matched_terms);
  for (const auto& t : x.matched_terms) EXPECT_FALSE(schema::is_prefixed_term(t)) << t;
  EXPECT_EQ(x.matched_words, std::vector<std::string>{"秘密管理性"});
}

// --explain names the words as the passage writes them, a synonym from the thesaurus included: the
// statute's definition matched 秘密管理性 through 秘密として管理されている.
TEST_F(SearcherTest, ExplainNamesTheSynonymThatMatched) {
  SearchRequest r;
  r.query = "秘密管理性";
  r.explain = true;
  r.limit = 20;
  const auto res = search(r);
  const auto statute = std::find_if(res.hits.begin(), res.hits.end(), [](const SearchHit& h) { return h.type == "statute"; });
  ASSERT_NE(statute, res.hits.end());
  EXPECT_EQ(statute->explanation.matched_words, std::vector<std::string>{"秘密として管理されている"});
}

// Ten ruling paragraphs that say 営業秘密 again and again outscore the statute's definition, which
// says it once; the definition is still shown by rank 5, marked as promoted, and not repeated later.
TEST_F(SearcherTest, TheBestStatuteIsShownAmongTheFirstRulings) {
  Document many;
  many.id = "ruling/99100";
  many.type = DocType::Ruling;
  many.title = "営業秘密に関する事件";
  for (int i = 0; i < 10; ++i)
    many.passages.push_back({"ruling/99100#p" + std::to_string(i), {"理由", "当裁判所の判断"},
                             "本件の営業秘密は営業秘密として営業秘密の要件を満たし、営業秘密に当たる。", 0, 0, "",
                             "当裁判所の判断", {}, {}, ""});
  write({many});
  SearchRequest r;
  r.query = "営業秘密";
  r.explain = true;
  r.limit = 20;
  const auto mixed = search(r);
  ASSERT_GE(mixed.hits.size(), 11u);
  EXPECT_EQ(mixed.hits[4].passage_id, "statute/9001#art2");
  EXPECT_TRUE(mixed.hits[4].explanation.promoted);
  EXPECT_LT(mixed.hits[4].score, mixed.hits[5].score);
  for (std::size_t i = 0; i < mixed.hits.size(); ++i) {
    EXPECT_EQ(mixed.hits[i].rank, i + 1);
    if (i != 4) {
      EXPECT_NE(mixed.hits[i].passage_id, "statute/9001#art2");
      EXPECT_FALSE(mixed.hits[i].explanation.promoted) << i;
    }
  }

  // The second page continues the mixed list: no passage twice, none lost.
  r.limit = 6;
  r.offset = 6;
  const auto second = search(r);
  ASSERT_EQ(second.hits.size(), mixed.hits.size() - 6);
  for (std::size_t i = 0; i < second.hits.size(); ++i) EXPECT_EQ(second.hits[i].passage_id, mixed.hits[6 + i].passage_id);

  r.offset = 0;
  r.limit = 20;
  r.ranking.mix_rank = 0;  // by score alone the definition comes after every ruling paragraph
  const auto by_score = search(r);
  ASSERT_GE(by_score.hits.size(), 11u);
  EXPECT_EQ(by_score.hits[10].passage_id, "statute/9001#art2");
}

// Deeper than the ranking fetched for a page, the best statute is looked up among the laws the first
// hits cite: here the rulings cite 不正競争防止法 2条, so its definition is shown at rank 5.
Document ruling_paragraphs(const std::string& id, int count, const std::vector<std::string>& cites) {
  Document d;
  d.id = id;
  d.type = DocType::Ruling;
  d.title = "営業秘密に関する事件";
  for (int i = 0; i < count; ++i)
    d.passages.push_back({id + "#p" + std::to_string(i), {"理由", "当裁判所の判断"},
                          "本件の営業秘密は営業秘密として営業秘密の要件を満たし、営業秘密に当たる。", 0, 0, "",
                          "当裁判所の判断", cites, {}, ""});
  return d;
}

TEST_F(SearcherTest, TheStatuteTheFirstHitsCiteIsLookedUp) {
  write({ruling_paragraphs("ruling/99200", 20, {"不正競争防止法/2", "不正競争防止法/2/6"})});
  SearchRequest r;
  r.query = "営業秘密";
  r.limit = 5;
  const auto res = search(r);
  ASSERT_EQ(res.hits.size(), 5u);
  EXPECT_EQ(res.hits[4].passage_id, "statute/9001#art2");
}

TEST_F(SearcherTest, AStatuteNobodyCitesIsNotLookedUp) {
  write({ruling_paragraphs("ruling/99300", 20, {})});
  SearchRequest r;
  r.query = "営業秘密";
  r.limit = 5;
  for (const auto& h : search(r).hits) EXPECT_EQ(h.type, "ruling") << h.passage_id;
}

// Filters by right type, article and cited provision, and the cited-article facet.
TEST_F(SearcherTest, FiltersByRightTypeArticleAndCitation) {
  Document citing = ruling();
  citing.id = "ruling/99002";
  citing.meta.right_type = "不正競争";
  citing.passages[0].id = "ruling/99002#p1";
  citing.passages[0].cited_statutes = {"不正競争防止法/2", "不正競争防止法/2/6", "民法/709"};
  write({citing});

  SearchRequest r;
  r.query = "秘密";
  r.facets = true;
  r.cites = {"不競法２条６項"};  // abbreviation and full-width digits: same key as 不正競争防止法/2/6
  auto res = search(r);
  ASSERT_EQ(res.hits.size(), 1u);
  EXPECT_EQ(res.hits[0].passage_id, "ruling/99002#p1");
  std::map<std::string, std::size_t> cited;
  for (const auto& [name, values] : res.facets)
    if (name == "cited")
      for (const auto& v : values) cited[v.value] = v.count;
  EXPECT_EQ(cited["不正競争防止法/2"], 1u);
  EXPECT_EQ(cited["民法/709"], 1u);
  EXPECT_EQ(cited.count("不正競争防止法/2/6"), 0u) << "the facet counts articles, not paragraphs";

  r = SearchRequest{};
  r.query = "秘密";
  r.cites = {"民法710条"};
  EXPECT_TRUE(search(r).hits.empty());
  r.cites = {"秘密管理性"};
  EXPECT_THROW(search(r), SearchError);

  r = SearchRequest{};
  r.query = "秘密";
  r.right_types = {"不正競争"};
  res = search(r);
  ASSERT_EQ(res.hits.size(), 1u);
  EXPECT_EQ(res.hits[0].doc_id, "ruling/99002");

  r = SearchRequest{};
  r.query = "法律";
  r.laws = {"不正競争防止法"};
  for (const char* written : {"2", "２", "第二条", "2条"}) {
    r.articles = {written};
    res = search(r);
    ASSERT_EQ(res.hits.size(), 1u) << written;
    EXPECT_EQ(res.hits[0].passage_id, "statute/9001#art2") << written;
  }
  r.articles = {"総則"};
  EXPECT_THROW(search(r), SearchError);
}

TEST_F(SearcherTest, LawTitleIsSearchable) {
  SearchRequest r;
  r.query = "不正競争防止法 目的";
  r.ranking.role_definition = 0;  // matching is under test here, not the definition prior
  const auto res = search(r);
  ASSERT_FALSE(res.hits.empty());
  EXPECT_EQ(res.hits[0].passage_id, "statute/9001#art1");
}

TEST_F(SearcherTest, FiltersByTypeCourtAndYear) {
  SearchRequest r;
  r.query = "秘密として管理";
  r.types = {"ruling"};
  auto res = search(r);
  ASSERT_EQ(res.hits.size(), 1u);
  EXPECT_EQ(res.hits[0].court, "知的財産高等裁判所");
  EXPECT_EQ(res.hits[0].date, "2019-10-09");

  r.types = {};
  r.courts = {"知的財産高等裁判所"};
  EXPECT_EQ(search(r).hits.size(), 1u);
  r.courts = {};
  r.date_from = 20000101;
  EXPECT_EQ(search(r).hits.size(), 1u);
  r.date_from = 20191010;  // the ruling is of 2019-10-09
  EXPECT_EQ(search(r).hits.size(), 0u);
  r.date_from = 0;
  r.date_to = 19991231;  // the statute's date (1993) is its promulgation, not a date of its text
  EXPECT_TRUE(search(r).hits.empty());

  r.types = {"memo"};
  EXPECT_THROW(search(r), SearchError);
}

// The 年 facet and a date range mean the dates of rulings and guidance: 不正競争防止法's 1993 is its
// promulgation, and neither counts nor finds it (the statute is still found without a range).
TEST_F(SearcherTest, YearsAreThoseOfRulingsNotOfStatutes) {
  SearchRequest r;
  r.query = "秘密";
  r.facets = true;
  auto res = search(r);
  ASSERT_EQ(res.hits.size(), 2u);
  std::map<std::string, std::size_t> years;
  for (const auto& [name, counts] : res.facets)
    if (name == "year")
      for (const auto& c : counts) years[c.value] = c.count;
  EXPECT_EQ(years, (std::map<std::string, std::size_t>{{"2019", 1}}));
  r.date_from = 19930101;
  r.date_to = 19931231;
  EXPECT_TRUE(search(r).hits.empty());
  r.date_to = 20191231;
  res = search(r);
  ASSERT_EQ(res.hits.size(), 1u);
  EXPECT_EQ(res.hits[0].doc_id, "ruling/99001");
}

// Grouped, a ruling is one hit (its best passage) counting its other matching passages, while each
// statute article stays its own hit; paging and the total count hits, and doc_ids lists the rest.
TEST_F(SearcherTest, GroupedByDocumentARulingIsOneHitAndArticlesStayApart) {
  Document long_ruling = ruling();
  long_ruling.id = "ruling/99005";
  long_ruling.passages.clear();
  const char* texts[] = {"この法律にいう営業秘密に当たるかをまず検討する。", "原告の情報は法律上の営業秘密として保護される。",
                         "被告の主張は法律の解釈を誤るものである。"};
  for (int i = 0; i < 3; ++i) {
    Passage p = ruling().passages[0];
    p.id = "ruling/99005#p" + std::to_string(i + 1);
    p.text = texts[i];
    long_ruling.passages.push_back(p);
  }
  write({long_ruling});

  SearchRequest r;
  r.query = "法律";
  r.facets = true;  // every match checked: the collapse count is exact
  r.ranking.mix_rank = 0;
  const auto flat = search(r);
  ASSERT_EQ(flat.hits.size(), 5u);  // two articles, three passages of the ruling
  EXPECT_FALSE(flat.grouped);

  r.group_by_document = true;
  const auto grouped = search(r);
  EXPECT_TRUE(grouped.grouped);
  ASSERT_EQ(grouped.hits.size(), 3u);
  EXPECT_EQ(grouped.total, 3u);
  std::map<std::string, std::size_t> more;
  std::set<std::string> articles;
  for (const auto& h : grouped.hits) {
    if (h.type == "ruling") more[h.doc_id] = h.more_in_document;
    else articles.insert(h.passage_id);
  }
  EXPECT_EQ(more, (std::map<std::string, std::size_t>{{"ruling/99005", 2}}));
  EXPECT_EQ(articles, (std::set<std::string>{"statute/9001#art1", "statute/9001#art2"}));
  // The card shows the ruling's best passage: the first of its passages in the flat ranking.
  for (const auto& h : flat.hits)
    if (h.doc_id == "ruling/99005") {
      for (const auto& g : grouped.hits)
        if (g.doc_id == "ruling/99005") {
          EXPECT_EQ(g.passage_id, h.passage_id);
        }
      break;
    }

  // Pages of one hit walk the same cards in the same order.
  r.limit = 1;
  for (std::size_t k = 0; k < 3; ++k) {
    r.offset = k;
    const auto page = search(r);
    ASSERT_EQ(page.hits.size(), 1u);
    EXPECT_EQ(page.hits[0].passage_id, grouped.hits[k].passage_id);
    EXPECT_EQ(page.hits[0].rank, k + 1);
  }

  // An index of schema 5 has no group key: it answers ungrouped, and says so (grouped: false).
  {
    Xapian::WritableDatabase db(db_);
    db.set_metadata(schema::kMetaSchema, "5");
    db.commit();
  }
  r.offset = 0;
  r.limit = 10;
  const auto old_index = search(r);
  EXPECT_FALSE(old_index.grouped);
  EXPECT_EQ(old_index.hits.size(), 5u);

  // The card's other passages: the same query within that document, ungrouped.
  r = SearchRequest{};
  r.query = "法律";
  r.doc_ids = {"ruling/99005"};
  const auto rest = search(r);
  ASSERT_EQ(rest.hits.size(), 3u);
  for (const auto& h : rest.hits) EXPECT_EQ(h.doc_id, "ruling/99005");
}

TEST_F(SearcherTest, ReplacingADocumentDoesNotDuplicate) {
  Searcher before(db_, analyzer_);
  const auto count = before.passage_count();
  write({two_article_statute(), ruling()});
  Searcher after(db_, analyzer_);
  EXPECT_EQ(after.passage_count(), count);
  // A document that lost a passage loses it in the index too.
  Document shorter = two_article_statute();
  shorter.passages.pop_back();
  write({shorter});
  Searcher last(db_, analyzer_);
  EXPECT_EQ(last.passage_count(), count - 1);
}

TEST_F(SearcherTest, DatabaseOfAnotherAnalyzerIsRefused) {
  const std::string other = testing::temp_dir("other") + "/db";
  { IndexWriter writer(other, "tsubo-analyzer/0 dic=unidic"); writer.commit(); }
  try {
    Searcher s(other, analyzer_);
    FAIL() << "expected SearchError";
  } catch (const SearchError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("unidic"), std::string::npos) << msg;
    EXPECT_NE(msg.find(analyzer_.identity()), std::string::npos) << msg;
  }
  EXPECT_THROW(IndexWriter(other, analyzer_.identity()), IndexError);
}

TEST_F(SearcherTest, MissingDatabaseSaysHowToBuildOne) {
  try {
    Searcher s(db_ + "-missing", analyzer_);
    FAIL();
  } catch (const SearchError& e) {
    EXPECT_NE(std::string(e.what()).find("tsubo index"), std::string::npos);
  }
}

TEST_F(SearcherTest, PagingAndLimits) {
  SearchRequest r;
  r.query = "秘密";
  r.limit = 1;
  const auto first = search(r);
  ASSERT_EQ(first.hits.size(), 1u);
  r.offset = 1;
  const auto second = search(r);
  ASSERT_EQ(second.hits.size(), 1u);
  EXPECT_EQ(second.hits[0].rank, 2u);
  EXPECT_NE(first.hits[0].passage_id, second.hits[0].passage_id);
  r.limit = kMaxResultsPerPage + 1;
  EXPECT_THROW(search(r), SearchError);
}

}  // namespace
}  // namespace tsubo

namespace tsubo {
namespace {

TEST_F(SearcherTest, FacetsCountAllMatches) {
  SearchRequest r;
  r.query = "秘密";
  r.limit = 1;
  r.facets = true;
  const auto res = search(r);
  ASSERT_FALSE(res.facets.empty());
  std::map<std::string, std::size_t> types;
  for (const auto& [name, counts] : res.facets)
    if (name == "type")
      for (const auto& c : counts) types[c.value] = c.count;
  EXPECT_EQ(types["statute"], 1u);
  EXPECT_EQ(types["ruling"], 1u);
  EXPECT_FALSE(res.facets_estimated);
}

TEST_F(SearcherTest, FacetsOverASampleAreScaledAndFlagged) {
  // Thirty more statutes whose 第一条 holds 目的. With one hit asked for and a sample of two, Xapian
  // stops once it has the ruling (判断, a rare word) and 目的 alone cannot outscore it.
  std::vector<Document> more;
  for (int i = 0; i < 30; ++i) {
    Document d = two_article_statute();
    d.id = "statute/95" + std::to_string(10 + i);
    for (auto& p : d.passages) p.id = d.id + p.id.substr(p.id.find('#'));
    more.push_back(d);
  }
  write(more);
  SearchRequest r;
  r.query = "判断 OR 目的";
  r.limit = 1;
  r.facets = true;
  r.facet_sample = 2;
  r.ranking.mix_rank = 0;  // mixing types asks Xapian for a few more hits than the page, past the sample
  const auto sampled = search(r);
  ASSERT_FALSE(sampled.hits.empty());
  EXPECT_EQ(sampled.hits[0].passage_id, "ruling/99001#p1");
  EXPECT_TRUE(sampled.facets_estimated);
  std::size_t sum = 0;
  for (const auto& [name, counts] : sampled.facets)
    if (name == "type")
      for (const auto& c : counts) sum += c.count;
  EXPECT_GT(sum, 2u);  // scaled up from the two checked towards all matches

  r.facet_sample = 0;  // all
  const auto exact = search(r);
  EXPECT_FALSE(exact.facets_estimated);
  std::map<std::string, std::size_t> types;
  for (const auto& [name, counts] : exact.facets)
    if (name == "type")
      for (const auto& c : counts) types[c.value] = c.count;
  EXPECT_EQ(types["statute"], 31u);
  EXPECT_EQ(types["ruling"], 1u);
}

}  // namespace
}  // namespace tsubo

namespace tsubo {
namespace {

TEST_F(SearcherTest, CourtFilterKnowsAbbreviations) {
  SearchRequest r;
  r.query = "秘密";
  r.courts = {"知財高裁"};
  const auto res = search(r);
  ASSERT_EQ(res.hits.size(), 1u);
  EXPECT_EQ(res.hits[0].court, "知的財産高等裁判所");
}

}  // namespace
}  // namespace tsubo

namespace tsubo {
namespace {

TEST_F(SearcherTest, StatuteReferenceFindsTheArticleAndItsCiters) {
  Document d = ruling();
  d.id = "ruling/99002";
  d.passages[0].id = "ruling/99002#p1";
  d.passages[0].text = "同条項にいう秘密として管理されている情報とは，次のようなものをいう。";  // 同条項: no article written
  d.passages[0].cited_statutes = {"不正競争防止法/2/6"};
  write({d});
  SearchRequest r;
  r.query = "不正競争防止法２条６項";
  std::set<std::string> found;
  for (const auto& h : search(r).hits) found.insert(h.passage_id);
  EXPECT_TRUE(found.count("ruling/99002#p1")) << "cites 2条6項 through 同条項";
  EXPECT_TRUE(found.count("statute/9001#art2")) << "the article itself";
  r.ranking.citation_weight = 0;
  found.clear();
  for (const auto& h : search(r).hits) found.insert(h.passage_id);
  EXPECT_FALSE(found.count("ruling/99002#p1"));
}

}  // namespace
}  // namespace tsubo

namespace tsubo {
namespace {

TEST_F(SearcherTest, FiltersKnowAbbreviationsAndDivisionsAndRefuseUnknownValues) {
  Document division = ruling();
  division.id = "ruling/99003";
  division.meta.court = "東京高等裁判所第１０刑事部";
  division.passages[0].id = "ruling/99003#p1";
  write({division});
  SearchRequest r;
  r.query = "秘密";
  r.laws = {"不競法"};  // the thesaurus abbreviation of 不正競争防止法
  r.ranking.mix_rank = 0;
  auto res = search(r);
  ASSERT_FALSE(res.hits.empty());
  EXPECT_EQ(res.hits[0].law, "不正競争防止法");
  r.laws = {};
  r.courts = {"東京高等裁判所"};  // a court matches its divisions
  res = search(r);
  ASSERT_EQ(res.hits.size(), 1u);
  EXPECT_EQ(res.hits[0].doc_id, "ruling/99003");
  r.courts = {"不正競争防止法裁判所"};
  try {
    search(r);
    ADD_FAILURE() << "an unknown court must be refused";
  } catch (const SearchError& e) {
    EXPECT_NE(std::string(e.what()).find("court «不正競争防止法裁判所» matches nothing in the index"), std::string::npos) << e.what();
  }
  r.courts = {};
  r.laws = {"不正競争防止"};
  try {
    search(r);
    ADD_FAILURE() << "an unknown law must be refused";
  } catch (const SearchError& e) {
    EXPECT_NE(std::string(e.what()).find("did you mean «不正競争防止法»"), std::string::npos) << e.what();
  }
  r.laws = {};
  r.requirements = {"有用性:denied"};
  EXPECT_THROW(search(r), SearchError);
}

// `tsubo search` printed Xapian's estimate as a fact (200 passages match 営業秘密, 210 with
// --offset 150): the response says whether every match was counted.
TEST_F(SearcherTest, TotalSaysWhetherItIsExactOrAnEstimate) {
  SearchRequest r;
  r.query = "秘密";
  const auto few = search(r);
  EXPECT_EQ(few.total, 2u);
  EXPECT_TRUE(few.total_exact);

  // 300 more statutes whose 第一条 holds 目的: with one hit asked for, Xapian stops once 目的 alone
  // cannot outscore the ruling (判断, a rare word), and only estimates how many match.
  std::vector<Document> more;
  for (int i = 0; i < 300; ++i) {
    Document d = two_article_statute();
    d.id = "statute/96" + std::to_string(100 + i);
    for (auto& p : d.passages) p.id = d.id + p.id.substr(p.id.find('#'));
    more.push_back(d);
  }
  write(more);
  r.query = "判断 OR 目的";
  r.limit = 1;
  r.ranking.mix_rank = 0;
  const auto many = search(r);
  ASSERT_FALSE(many.hits.empty());
  EXPECT_FALSE(many.total_exact) << many.total;
  EXPECT_EQ(response_to_json(many).value("total_exact", true), false);

  r.facets = true;  // facets look at every match (up to facet_sample): the count is exact
  const auto counted = search(r);
  EXPECT_TRUE(counted.total_exact);
  EXPECT_EQ(counted.total, 302u);  // the 301 statutes and the ruling
  EXPECT_EQ(response_to_json(counted).value("total_exact", false), true);
}

}  // namespace
}  // namespace tsubo

namespace tsubo {
namespace {

// N1N2 and N1のN2 name one thing: 損害額 finds 損害の額 as a phrase would, above the parts apart.
TEST_F(SearcherTest, ACompoundAlsoFindsItsFormWithNo) {
  Document d;
  d.id = "statute/9002";
  d.type = DocType::Statute;
  d.title = "損害法";
  d.meta.law = "損害法";
  Passage apart{"statute/9002#art1", {"第一条"}, "第一条　損害を受けた者は、その額を請求することができる。", 0, 10, "1", "", {}, {}, ""};
  Passage with_no{"statute/9002#art5", {"（損害の額の推定等）", "第五条"}, "第五条　損害の額は、次のとおり推定する。", 10, 20, "5", "", {}, {}, ""};
  d.passages = {apart, with_no};
  write({d});
  SearchRequest r;
  r.query = "損害額";
  r.laws = {"損害法"};
  r.ranking.mix_rank = 0;
  const auto res = search(r);
  ASSERT_EQ(res.hits.size(), 2u);
  EXPECT_EQ(res.hits[0].passage_id, "statute/9002#art5");
  EXPECT_GT(res.hits[0].score, 1.5 * res.hits[1].score);
}

}  // namespace
}  // namespace tsubo

namespace tsubo {
namespace {

// 秘密管理性 否定 lifts the passages where the court denied it, and says so; nothing is filtered out.
TEST_F(SearcherTest, AnOutcomeWordLiftsTheCourtsOutcomeWithoutFiltering) {
  Document affirmed = ruling();
  affirmed.id = "ruling/99004";
  affirmed.passages[0].id = "ruling/99004#p1";
  affirmed.passages[0].text = "以上によれば，本件情報は秘密として管理されていたから，秘密管理性が認められる。否定する事情もない。";
  write({affirmed});
  SearchRequest r;
  r.query = "秘密管理性 否定";
  r.explain = true;
  r.ranking.mix_rank = 0;
  const auto res = search(r);
  ASSERT_GE(res.hits.size(), 2u);  // both rulings: the one affirmed is not filtered out
  EXPECT_EQ(res.hits[0].doc_id, "ruling/99001");  // denied (秘密管理性は認められない)
  EXPECT_EQ(res.hits[0].explanation.outcome, "秘密管理性:denied");
  EXPECT_GT(res.hits[0].explanation.outcome_lift, 0);
  bool affirmed_listed = false;
  for (const auto& h : res.hits)
    if (h.doc_id == "ruling/99004") affirmed_listed = h.explanation.outcome.empty();
  EXPECT_TRUE(affirmed_listed);
  // A question that names no outcome lifts nothing.
  r.query = "秘密管理性は認められるか";
  for (const auto& h : search(r).hits) EXPECT_TRUE(h.explanation.outcome.empty()) << h.passage_id;
}

}  // namespace
}  // namespace tsubo
