// Collections and grants at index time: names checked, ids prefixed, the nearest .tsubo-acl decides.
#include "indexer/collection_grants.h"

#include <gtest/gtest.h>

#include "corpus/document.h"
#include "test_support.h"

namespace tsubo {
namespace {

Document guideline(const std::string& id) {
  Document d;
  d.id = id;
  d.passages.push_back({id + "#s1", {"第1条"}, "秘密管理措置", 0, 1, "", "", {}, {}, ""});
  return d;
}

TEST(CollectionGrants, GroupNamesAreAsciiWordsOnly) {
  EXPECT_TRUE(is_group_name("legal"));
  EXPECT_TRUE(is_group_name("compliance-jp.2"));
  EXPECT_FALSE(is_group_name(""));
  EXPECT_FALSE(is_group_name("hr staff"));
  EXPECT_FALSE(is_group_name("法務"));
  EXPECT_FALSE(is_group_name("a,b"));
  EXPECT_FALSE(is_group_name(std::string(65, 'a')));
  EXPECT_EQ(parse_group_list(" legal, compliance ,legal", "--acl"), (std::vector<std::string>{"compliance", "legal"}));
  EXPECT_THROW(parse_group_list(",,", "--acl"), AclError);
  try {
    parse_group_list("legal,<script>", "--acl");
    FAIL();
  } catch (const AclError& e) {
    EXPECT_NE(std::string(e.what()).find("[acl] --acl: «<script>» is not a group name"), std::string::npos) << e.what();
  }
}

TEST(CollectionGrants, CollectionNamesRefuseSeparatorsAndThePublicName) {
  EXPECT_TRUE(is_collection_name("社内規程"));
  EXPECT_FALSE(is_collection_name("public"));
  EXPECT_FALSE(is_collection_name("a/b"));
  EXPECT_FALSE(is_collection_name("a:b"));
  EXPECT_FALSE(is_collection_name("社内 規程"));
  EXPECT_THROW(CollectionGrants("a|b", {"legal"}, {}), AclError);
  EXPECT_THROW(CollectionGrants("", {"legal"}, {}), AclError);  // --acl without --collection
}

TEST(CollectionGrants, IdsArePrefixedByTheCollectionAndGroupsAttached) {
  const std::string root = testing::fixture_path("acl/company");
  const CollectionGrants grants("人事", {"hr"}, {root});
  Document d = guideline("guidance/懲戒規程");
  grants.apply(d, root + "/人事/懲戒規程.md");
  EXPECT_EQ(d.id, "人事:guidance/懲戒規程");
  EXPECT_EQ(d.passages[0].id, "人事:guidance/懲戒規程#s1");
  EXPECT_EQ(d.collection, "人事");
  EXPECT_EQ(d.groups, std::vector<std::string>{"hr"});
}

TEST(CollectionGrants, TheNearestAclFileReplacesTheGroupsBelowIt) {
  const std::string root = testing::fixture_path("acl/company");
  const CollectionGrants grants("人事", {"hr"}, {root});
  Document d = guideline("guidance/評価規程");
  grants.apply(d, root + "/人事/評価/評価規程.md");
  EXPECT_EQ(d.groups, std::vector<std::string>{"hr-lead"});
}

TEST(CollectionGrants, AnAclFileThatDoesNotParseRefusesTheFileWithTheLine) {
  const std::string root = testing::fixture_path("acl/bad-acl");
  const CollectionGrants grants("社内規程", {"legal"}, {root});
  Document d = guideline("guidance/rule");
  try {
    grants.apply(d, root + "/rule.md");
    FAIL() << "a bad .tsubo-acl must refuse the file, not index it as public";
  } catch (const AclError& e) {
    EXPECT_NE(std::string(e.what()).find(".tsubo-acl:2: «hr staff» is not a group name"), std::string::npos) << e.what();
  }
}

TEST(CollectionGrants, AFolderWithAGrantFileIsRefusedWithoutACollection) {
  const std::string root = testing::fixture_path("acl/company");
  const CollectionGrants grants("", {}, {root});
  Document d = guideline("guidance/評価規程");
  EXPECT_THROW(grants.apply(d, root + "/人事/評価/評価規程.md"), AclError);
  Document open = guideline("guidance/懲戒規程");
  grants.apply(open, root + "/人事/懲戒規程.md");  // no grant file above it: public, ids unchanged
  EXPECT_EQ(open.id, "guidance/懲戒規程");
  EXPECT_TRUE(open.groups.empty());
}

TEST(CollectionGrants, AnAclFileAboveTheIndexedFolderIsNotRead) {
  // Indexing acl/company/人事/評価 alone: its own file counts; indexing 人事 alone, the file in 評価
  // does not reach 懲戒規程.md.
  const std::string root = testing::fixture_path("acl/company/人事");
  const CollectionGrants grants("人事", {"hr"}, {root});
  Document d = guideline("guidance/懲戒規程");
  grants.apply(d, root + "/懲戒規程.md");
  EXPECT_EQ(d.groups, std::vector<std::string>{"hr"});
}

TEST(CollectionGrants, FolderFingerprintsAreStableHex) {
  EXPECT_EQ(folder_fingerprint("/srv/規程"), folder_fingerprint("/srv/x/../規程/"));
  EXPECT_NE(folder_fingerprint("/srv/規程"), folder_fingerprint("/srv/人事"));
  EXPECT_EQ(folder_fingerprint("/srv").size(), 16u);
}

}  // namespace
}  // namespace tsubo
