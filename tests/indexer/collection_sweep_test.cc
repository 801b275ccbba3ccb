// Re-indexing a collection's folder removes the documents of files that are gone, and nothing else.
#include "indexer/collection_sweep.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>

#include "indexer/index_run.h"
#include "indexer/passage_document.h"
#include "indexer/schema.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace tsubo {
namespace {

bool has_doc(const std::string& db_path, const std::string& doc_id) {
  return Xapian::Database(db_path).term_exists(prefixed_term(schema::kPrefixDocId, doc_id));
}

TEST(CollectionSweep, AFileGoneFromTheFolderLeavesTheIndexOnReindex) {
  const std::string dir = testing::temp_dir("sweep");
  const std::string folder = dir + "/人事", other = dir + "/社内規程";
  fs::copy(testing::fixture_path("acl/company/人事"), folder, fs::copy_options::recursive);
  fs::copy(testing::fixture_path("acl/company/社内規程"), other, fs::copy_options::recursive);
  IndexOptions options;
  options.db_path = dir + "/db";
  options.progress = false;
  options.jobs = 1;
  options.collection = "社内規程";
  options.acl_groups = {"legal"};
  index_paths({other}, options);
  options.collection = "人事";
  options.acl_groups = {"hr"};
  index_paths({folder}, options);
  ASSERT_TRUE(has_doc(options.db_path, "人事:guidance/評価規程"));
  ASSERT_TRUE(has_doc(options.db_path, "人事:guidance/懲戒規程"));

  fs::remove(folder + "/評価/評価規程.md");
  const IndexStats stats = index_paths({folder}, options);
  EXPECT_EQ(stats.removed_documents, 1u);
  EXPECT_FALSE(has_doc(options.db_path, "人事:guidance/評価規程"));
  EXPECT_TRUE(has_doc(options.db_path, "人事:guidance/懲戒規程"));
  EXPECT_TRUE(has_doc(options.db_path, "社内規程:guidance/秘密管理規程"));  // another collection's folder

  // Indexing another folder into the collection does not sweep the first one's files.
  fs::remove(folder + "/懲戒規程.md");
  options.collection = "人事";
  index_paths({other}, options);
  EXPECT_TRUE(has_doc(options.db_path, "人事:guidance/懲戒規程"));
  EXPECT_EQ(remove_vanished_documents(options.db_path, {folder}), 1u);
  EXPECT_FALSE(has_doc(options.db_path, "人事:guidance/懲戒規程"));
}

}  // namespace
}  // namespace tsubo
