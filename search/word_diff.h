// A word-by-word comparison of two texts of one provision, as a 新旧対照表 marks them: the words
// MeCab finds, and what lies between them, compared as units (longest common subsequence).
#pragma once

#include <string>
#include <vector>

namespace tsubo {

class Analyzer;

struct DiffSegment {
  enum class Op { Same, Deleted, Inserted };
  Op op = Op::Same;
  std::string text;
};

// Segments that rebuild `before` (Same + Deleted) and `after` (Same + Inserted), adjacent segments of
// one kind merged; a deletion comes before the insertion that replaces it.
std::vector<DiffSegment> word_diff(const std::string& before, const std::string& after, const Analyzer& analyzer);

// The diff with changes marked as [-deleted-]{+inserted+}, each change with `context` characters
// of unchanged text around it and … between them, and a change longer than 4 × context cut to its
// start and its length; context 0 gives the whole text.
std::string marked_diff(const std::vector<DiffSegment>& diff, std::size_t context = 0);

}  // namespace tsubo
