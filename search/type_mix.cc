// Promotion of the best statute and guidance passages into the first ranks (type_mix.h).
#include "search/type_mix.h"

#include <algorithm>

namespace tsubo {

std::vector<std::size_t> mix_types(const std::vector<RankedEntry>& entries, std::size_t base_count, const TypeMix& mix) {
  base_count = std::min(base_count, entries.size());
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < base_count; ++i) order.push_back(i);
  if (mix.by_rank == 0 || base_count == 0) return order;

  const double floor = mix.min_share * entries.front().score;
  const std::size_t shown_before = std::min(mix.by_rank - 1, base_count);
  std::vector<std::size_t> promoted;
  for (const std::string& type : mix.types) {
    auto of_type = [&](std::size_t i) { return entries[i].type == type; };
    if (std::any_of(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(shown_before), of_type)) continue;
    for (std::size_t i = shown_before; i < entries.size(); ++i) {
      if (!of_type(i)) continue;
      if (entries[i].score >= floor) promoted.push_back(i);
      break;  // the first of its type is its best
    }
  }
  if (promoted.empty()) return order;
  order.erase(std::remove_if(order.begin(), order.end(),
                             [&](std::size_t i) { return std::find(promoted.begin(), promoted.end(), i) != promoted.end(); }),
              order.end());
  std::stable_sort(promoted.begin(), promoted.end(),
                   [&](std::size_t a, std::size_t b) { return entries[a].score > entries[b].score; });
  order.insert(order.begin() + static_cast<std::ptrdiff_t>(std::min(shown_before, order.size())), promoted.begin(),
               promoted.end());
  return order;
}

std::vector<std::string> types_missing(const std::vector<RankedEntry>& entries, const TypeMix& mix) {
  std::vector<std::string> missing;
  if (mix.by_rank == 0) return missing;
  const std::size_t shown_before = std::min(mix.by_rank - 1, entries.size());
  for (const std::string& type : mix.types)
    if (std::none_of(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(shown_before),
                     [&](const RankedEntry& e) { return e.type == type; }))
      missing.push_back(type);
  return missing;
}

}  // namespace tsubo
