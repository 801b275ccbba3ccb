// Word's list and heading numbers (word/numbering.xml): the text Word shows before a numbered
// paragraph, e.g. 第%1条 at level 0 → 第3条, (%2) → (1), %1.%2. → 2.1.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tsubo {

class DocxNumbering {
 public:
  // numbering_xml may be empty (a document without lists); XML that does not parse numbers nothing.
  explicit DocxNumbering(std::string_view numbering_xml);

  // The number of the next paragraph of list num_id at level ilvl (0–8), counting it: "第3条",
  // "(1)", "" for a bullet or an unknown list. Levels below ilvl start again.
  std::string next(const std::string& num_id, int ilvl);
  // Whether that list level is a bullet (• ・ ○): the paragraph is a list item.
  bool is_bullet(const std::string& num_id, int ilvl) const;

  struct Level {
    std::string format = "decimal";  // w:numFmt: decimal, decimalFullWidth, japaneseCounting, aiueoFullWidth, …
    std::string text;                // w:lvlText: 第%1条
    int start = 1;
    bool space_after = true;         // w:suff tab or space (the default), not nothing
  };

 private:
  struct List {
    std::string abstract_id;
    std::map<int, int> start_overrides;  // w:lvlOverride/w:startOverride: a list that starts afresh
    bool used = false;
  };
  const Level* level(const std::string& num_id, int ilvl) const;

  std::map<std::string, std::vector<Level>> abstracts_;  // w:abstractNumId → its levels
  std::map<std::string, List> lists_;                     // w:numId → its abstract numbering
  std::map<std::string, std::vector<int>> counters_;      // per abstract numbering, as Word counts
};

// A counter as a numFmt writes it: 3 decimal → 3, decimalFullWidth → ３, japaneseCounting → 三,
// aiueoFullWidth → ウ, iroha → ハ, decimalEnclosedCircle → ③, lowerLetter → c, upperRoman → III.
std::string format_list_number(int n, const std::string& format);

}  // namespace tsubo
