// The history of one statute article across the versions in a database (tsubo history): each text
// it had, the days it stood, the law that brought it, and what changed, marked word by word.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "search/word_diff.h"

namespace Xapian {
class Database;
}

namespace tsubo {

class Analyzer;
class StatuteVersions;

// One text of the article, standing unchanged through one or more consecutive versions (folded).
struct ArticleText {
  std::string passage_id;     // the passage of the first version with this text ("" when absent)
  std::string heading;        // 第一章　総則 › （定義） › 第二条
  std::string text;           // empty when the article is absent from these versions
  std::string from, to;       // yyyy-mm-dd; from empty: since before tsubo's first version; to empty: still
  std::string amending_law;   // the law that brought this text (平成27年法律第54号), empty for the first
  std::vector<std::string> version_dates;  // the enforcement dates of the versions folded here
  bool absent = false;        // the article is missing (not yet added, or removed)
  bool current = false;       // the text in force today
  std::vector<DiffSegment> changes;  // from the text before it (empty for the first)
};

struct ArticleHistory {
  std::string law;        // 不正競争防止法
  std::string law_number; // 平成五年法律第四十七号
  std::string article;    // 2, 19の2
  std::size_t versions = 0;   // versions of the law in the index
  std::vector<ArticleText> texts;  // oldest first
};

struct HistoryError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// reference: 不競法2条, 特許法35条, 不正競争防止法第二十一条 (a paragraph or item is ignored: the
// article is the unit). Throws HistoryError when it is no statute reference or the index holds no
// such article.
// Only passages the reader's groups may read count (search/search_query.h, readable_by).
ArticleHistory article_history(const Xapian::Database& db, const StatuteVersions& versions, const std::string& reference,
                               const Analyzer& analyzer, int today, const std::vector<std::string>& groups = {});

// The article as in force on day a and on day b (yyyymmdd), compared: the texts of those days.
struct ArticleDiff {
  const ArticleText* before = nullptr;
  const ArticleText* after = nullptr;
  std::vector<DiffSegment> changes;
};
ArticleDiff diff_between(const ArticleHistory& history, int a, int b, const Analyzer& analyzer);

}  // namespace tsubo
