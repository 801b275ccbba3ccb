// The access filter in the library, with two private collections and three readers: every reader
// (search with counts and facets, document view, more-like-this, suggestions, cites, cited-by,
// export) shows a private document to its groups and nothing of it to anyone else.
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "corpus/document.h"
#include "indexer/collection_grants.h"
#include "indexer/index_writer.h"
#include "indexer/passage_document.h"
#include "search/citation_table.h"
#include "search/document_reader.h"
#include "search/more_like_this.h"
#include "search/search_query.h"
#include "search/searcher.h"
#include "search/suggest.h"
#include "search/search_fixtures.h"
#include "test_support.h"
#include "text/analyzer.h"

namespace tsubo {
namespace {

using Groups = std::vector<std::string>;
const Groups kAlice = {"legal"};  // 社内規程 (legal, compliance)
const Groups kHarry = {"hr"};     // 人事 (hr)
const Groups kPat = {};           // public documents only

Document rule(const std::string& id, const std::string& title, const std::string& text) {
  Document d;
  d.id = id;
  d.type = DocType::Guidance;
  d.title = title;
  Passage p;
  p.id = id + "#s1";
  p.heading_path = {"第1条"};
  p.text = text;
  p.cited_statutes = {"不正競争防止法/2", "不正競争防止法/2/6"};
  d.passages = {p};
  return d;
}

class ThreeUsers : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string dir = testing::temp_dir("three-users");
    public_db_ = new std::string(dir + "/public");
    internal_db_ = new std::string(dir + "/internal");
    Analyzer analyzer;
    write(*public_db_, {testing::two_article_statute()}, analyzer);
    Document secret = rule("guidance/秘密管理規程", "秘密管理規程",
                           "ゼブラ計画の資料は極秘とし、営業秘密として秘密管理措置を講じる。");
    CollectionGrants("社内規程", {"legal", "compliance"}, {}).apply(secret, "");
    Document discipline = rule("guidance/懲戒規程", "懲戒規程", "営業秘密を漏らした従業員は懲戒処分とし、秘密管理措置を見直す。");
    CollectionGrants("人事", {"hr"}, {}).apply(discipline, "");
    write(*internal_db_, {secret, discipline}, analyzer);
  }
  static void TearDownTestSuite() {
    delete public_db_;
    delete internal_db_;
  }
  static void write(const std::string& path, const std::vector<Document>& docs, const Analyzer& analyzer) {
    IndexWriter writer(path, analyzer.identity());
    for (const auto& d : docs) {
      std::vector<Xapian::Document> xdocs;
      for (std::size_t i = 0; i < d.passages.size(); ++i) xdocs.push_back(make_passage_document(d, d.passages[i], i, analyzer));
      writer.replace_document(d.id, std::move(xdocs));
    }
    writer.commit();
  }

  SearchResponse search(const std::string& q, const Groups& groups, bool facets = false) {
    Searcher s(std::vector<std::string>{*public_db_, *internal_db_}, analyzer_);
    SearchRequest r;
    r.query = q;
    r.groups = groups;
    r.facets = facets;
    return s.search(r);
  }
  static std::vector<std::string> docs_of(const SearchResponse& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(h.doc_id);
    std::sort(out.begin(), out.end());
    return out;
  }
  Xapian::Database both() const {
    Xapian::Database db(*public_db_);
    db.add_database(Xapian::Database(*internal_db_));
    return db;
  }
  static std::size_t facet(const SearchResponse& r, const std::string& name, const std::string& value) {
    for (const auto& [n, counts] : r.facets)
      if (n == name)
        for (const auto& c : counts)
          if (c.value == value) return c.count;
    return 0;
  }

  Analyzer analyzer_;
  static std::string* public_db_;
  static std::string* internal_db_;
};
std::string* ThreeUsers::public_db_ = nullptr;
std::string* ThreeUsers::internal_db_ = nullptr;

const std::string kSecret = "社内規程:guidance/秘密管理規程";
const std::string kDiscipline = "人事:guidance/懲戒規程";

TEST_F(ThreeUsers, SearchHitsAndCountsShowEachUserOnlyTheirCollections) {
  const auto alice = search("秘密管理措置", kAlice, true);
  const auto harry = search("秘密管理措置", kHarry, true);
  const auto pat = search("秘密管理措置", kPat, true);
  EXPECT_EQ(docs_of(alice), std::vector<std::string>{kSecret});
  EXPECT_EQ(docs_of(harry), std::vector<std::string>{kDiscipline});
  EXPECT_TRUE(pat.hits.empty());
  EXPECT_EQ(alice.total, 1u);
  EXPECT_EQ(harry.total, 1u);
  EXPECT_EQ(pat.total, 0u);
  EXPECT_EQ(facet(alice, "type", "guidance"), 1u);
  EXPECT_EQ(facet(pat, "type", "guidance"), 0u);
  ASSERT_FALSE(alice.hits.empty());
  EXPECT_EQ(alice.hits[0].collection, "社内規程");
  EXPECT_TRUE(alice.hits[0].restricted);
  // 営業秘密 is in the public statute too: the counts differ by exactly the private passages.
  const auto pat_all = search("営業秘密", kPat);
  EXPECT_EQ(search("営業秘密", kAlice).total, pat_all.total + 1);
  EXPECT_EQ(search("営業秘密", {"legal", "hr"}).total, pat_all.total + 2);
  for (const auto& h : pat_all.hits) EXPECT_EQ(h.collection, "public");
}

TEST_F(ThreeUsers, ACollectionFilterNarrowsButNeverWidens) {
  Searcher s(std::vector<std::string>{*public_db_, *internal_db_}, analyzer_);
  SearchRequest r;
  r.query = "営業秘密";
  r.collections = {"人事"};
  r.groups = kAlice;
  EXPECT_EQ(s.search(r).total, 0u);  // alice may not read 人事 whatever she asks for
  r.groups = kHarry;
  EXPECT_EQ(docs_of(s.search(r)), std::vector<std::string>{kDiscipline});
  r.collections = {"public"};
  for (const auto& h : s.search(r).hits) EXPECT_EQ(h.collection, "public");
  EXPECT_GT(s.search(r).total, 0u);
}

TEST_F(ThreeUsers, AnIndexWithoutAccessTermsReadsAsPublic) {
  Searcher s(*public_db_, analyzer_);
  SearchRequest r;
  r.query = "営業秘密";
  const std::size_t anyone = s.search(r).total;
  r.groups = kAlice;
  EXPECT_EQ(s.search(r).total, anyone);
  EXPECT_GT(anyone, 0u);
}

TEST_F(ThreeUsers, ABadGroupNameIsRefused) {
  EXPECT_THROW(search("営業秘密", {"hr staff"}), SearchError);
}

TEST_F(ThreeUsers, TheDocumentViewIsNotFoundForOthers) {
  const Xapian::Database db = both();
  const StatuteVersions versions(db);
  const auto for_alice = read_document(db, kSecret, {}, analyzer_, versions, kAlice);
  ASSERT_TRUE(for_alice.has_value());
  EXPECT_EQ((*for_alice)["collection"], "社内規程");
  EXPECT_EQ((*for_alice)["title"], "秘密管理規程");
  EXPECT_FALSE(read_document(db, kSecret, {}, analyzer_, versions, kHarry).has_value());
  EXPECT_FALSE(read_document(db, kSecret, {}, analyzer_, versions, kPat).has_value());
  EXPECT_TRUE(read_document(db, "statute/9001", {}, analyzer_, versions, kPat).has_value());
}

TEST_F(ThreeUsers, MoreLikeThisNeitherStartsFromNorShowsAPrivatePassage) {
  const Xapian::Database db = both();
  EXPECT_FALSE(more_like_this(db, kSecret + "#s1", 5, analyzer_, kHarry).has_value());
  EXPECT_TRUE(more_like_this(db, kSecret + "#s1", 5, analyzer_, kAlice).has_value());
  for (const auto& groups : {kPat, kAlice}) {
    const auto similar = more_like_this(db, "statute/9001#art2", 5, analyzer_, groups);
    ASSERT_TRUE(similar.has_value());
    for (const auto& h : *similar) EXPECT_NE(h.doc_id, kDiscipline);
  }
  const auto for_harry = more_like_this(db, "statute/9001#art2", 5, analyzer_, kHarry);
  ASSERT_TRUE(for_harry.has_value());
  for (const auto& h : *for_harry) EXPECT_NE(h.doc_id, kSecret);
}

TEST_F(ThreeUsers, SuggestionsOfferPrivateTitlesAndWordsToTheirGroupsOnly) {
  const Xapian::Database db = both();
  Suggester suggester;
  const auto texts = [&](const std::string& typed, const Groups& groups) {
    std::vector<std::string> out;
    for (const auto& s : suggester.suggest(db, typed, 8, groups)) out.push_back(s.text);
    return out;
  };
  const auto has = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  EXPECT_TRUE(has(texts("秘密管理", kAlice), "秘密管理規程"));
  EXPECT_FALSE(has(texts("秘密管理", kHarry), "秘密管理規程"));
  EXPECT_FALSE(has(texts("秘密管理", kPat), "秘密管理規程"));
  EXPECT_TRUE(has(texts("ゼブ", kAlice), "ゼブラ"));
  EXPECT_TRUE(texts("ゼブ", kPat).empty());
  EXPECT_TRUE(texts("ゼブ", kHarry).empty());
}

TEST_F(ThreeUsers, CitesAndCitedByCountOnlyWhatTheReaderMaySee) {
  const Xapian::Database db = both();
  const auto citing = [&](const Groups& groups) {
    const CitationQuery q = parse_citation_query(db, "不正競争防止法2条6項", groups);
    std::size_t total = 0;
    std::vector<std::string> docs;
    for (const auto& p : citing_passages(db, q, 100, total, groups)) docs.push_back(p.doc_id);
    EXPECT_EQ(total, docs.size());
    return docs;
  };
  EXPECT_EQ(citing(kAlice), std::vector<std::string>{kSecret});
  EXPECT_EQ(citing(kHarry), std::vector<std::string>{kDiscipline});
  EXPECT_TRUE(citing(kPat).empty());
  const CitationQuery q = parse_citation_query(db, "不正競争防止法2条", kPat);
  EXPECT_EQ(cited_counts(db, q, kPat)[0].passages, 0u);
  EXPECT_EQ(cited_counts(db, q, kAlice)[0].passages, 1u);
  EXPECT_EQ(cited_counts(db, q, {"legal", "hr"})[0].passages, 2u);
  EXPECT_EQ(summarize_citations(db, 10, "", kPat).citations, 0u);
  EXPECT_EQ(summarize_citations(db, 10, "", kHarry).citations, 1u);
}

TEST_F(ThreeUsers, TheExportListsOnlyReadablePassages) {
  const Xapian::Database db = both();
  const auto ids = [&](const Groups& groups) {
    std::vector<std::string> out;
    for (const auto id : readable_documents(db, Xapian::Query::MatchAll, groups))
      out.push_back(nlohmann::json::parse(db.get_document(id).get_data()).value("doc_id", ""));
    return out;
  };
  const auto pat = ids(kPat), alice = ids(kAlice);
  EXPECT_EQ(std::count(pat.begin(), pat.end(), kSecret), 0);
  EXPECT_EQ(std::count(alice.begin(), alice.end(), kSecret), 1);
  EXPECT_EQ(std::count(alice.begin(), alice.end(), kDiscipline), 0);
  EXPECT_EQ(alice.size(), pat.size() + 1);
}

}  // namespace
}  // namespace tsubo
