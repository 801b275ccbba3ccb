// Items of an article matched across versions by their wording (see provision_moves.h).
#include "search/provision_moves.h"

#include <algorithm>
#include <set>
#include <vector>

#include "text/japanese_numbers.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

constexpr const char* kIdeoSpace = "\u3000";

struct Item {
  int paragraph = 1, number = 0;
  std::string text;
};

// Items by paragraph; a line's number is what stands before its first ideographic space.
std::vector<Item> items_of(const std::string& article_text) {
  std::vector<Item> items;
  int paragraph = 1;
  std::size_t start = 0;
  while (start <= article_text.size()) {
    std::size_t end = article_text.find('\n', start);
    if (end == std::string::npos) end = article_text.size();
    const std::string line = article_text.substr(start, end - start);
    start = end + 1;
    const std::size_t space = line.find(kIdeoSpace);
    if (space == std::string::npos || space == 0) continue;
    const std::string label = line.substr(0, space);
    const std::string digits = normalize_nfkc(label);
    if (std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      paragraph = std::stoi(digits);  // "２　…": the next paragraph
      continue;
    }
    if (label.find("の") != std::string::npos) continue;  // 十四の二: a branch item, not counted here
    if (const auto n = parse_japanese_number(label); n && *n > 0 && *n < 1000)
      items.push_back({paragraph, static_cast<int>(*n), line.substr(space + std::string(kIdeoSpace).size())});
  }
  return items;
}

std::set<std::u32string> bigrams(const std::string& text) {
  const std::u32string s = utf8::to_u32(normalize_nfkc(text));
  std::set<std::u32string> out;
  for (std::size_t i = 0; i + 1 < s.size(); ++i) out.insert(s.substr(i, 2));
  return out;
}

}  // namespace

std::optional<std::string> item_text(const std::string& article_text, int paragraph, int item) {
  for (const auto& i : items_of(article_text))
    if (i.paragraph == paragraph && i.number == item) return i.text;
  return std::nullopt;
}

std::optional<int> moved_item(const std::string& then_text, const std::string& now_text, int paragraph, int item) {
  const auto cited = item_text(then_text, paragraph, item);
  if (!cited) return std::nullopt;
  const auto want = bigrams(*cited);
  std::optional<int> best;
  double best_share = 0.6;
  for (const auto& i : items_of(now_text)) {
    if (i.paragraph != paragraph) continue;
    const auto have = bigrams(i.text);
    std::size_t shared = 0;
    for (const auto& b : want) shared += have.count(b);
    const double share = double(shared) / std::max<std::size_t>(1, std::max(want.size(), have.size()));
    if (share >= best_share) {
      best_share = share;
      best = i.number;
    }
  }
  return best;
}

}  // namespace tsubo
