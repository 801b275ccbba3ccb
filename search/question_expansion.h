// Questions in everyday words (退職した従業員が顧客名簿を持ち出した場合の責任) rarely use the
// statute's and the courts' wording (営業秘密, 不正競争, 使用): the words of the passages that answer
// them best lift the passages that share them, scaled down (pseudo-relevance feedback over Xapian's ESet).
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace tsubo {

class Analyzer;
struct RankingParams;

struct QuestionExpansion {
  Xapian::Query query;             // the words, or the words AND_MAYBE the added terms (scaled): only reordered
  std::vector<std::string> added;  // the added terms, best first
};

// The first feedback_docs passages matching `words` vote for feedback_terms terms (nouns of two characters
// or more that the query does not have); with ranking.feedback_terms 0, `words` unchanged.
QuestionExpansion expand_question(const Xapian::Database& db, const Xapian::Query& words, const Analyzer& analyzer,
                                  const RankingParams& ranking);

}  // namespace tsubo
