// DocidRangeSource: next and skip_to over sorted ranges of document ids.
#include "search/docid_list_source.h"

#include <algorithm>

namespace tsubo {

DocidRangeSource::DocidRangeSource(std::shared_ptr<const DocidRanges> ranges) : ranges_(std::move(ranges)) {
  for (const auto& [first, last] : *ranges_) count_ += last - first + 1;
}

void DocidRangeSource::next(double) {
  if (!started_) {
    started_ = true;
    range_ = 0;
    if (!ranges_->empty()) did_ = ranges_->front().first;
    return;
  }
  if (range_ >= ranges_->size()) return;
  if (did_ < (*ranges_)[range_].second) {
    ++did_;
    return;
  }
  if (++range_ < ranges_->size()) did_ = (*ranges_)[range_].first;
}

void DocidRangeSource::skip_to(Xapian::docid did, double min_weight) {
  if (!started_) next(min_weight);
  if (range_ >= ranges_->size() || did_ >= did) return;
  // The first range that ends at or after did, from the current one on.
  const auto it = std::lower_bound(ranges_->begin() + static_cast<std::ptrdiff_t>(range_), ranges_->end(), did,
                                   [](const auto& r, Xapian::docid d) { return r.second < d; });
  range_ = static_cast<std::size_t>(it - ranges_->begin());
  if (range_ < ranges_->size()) did_ = std::max(did, it->first);
}

std::string DocidRangeSource::get_description() const {
  return "DocidRangeSource(" + std::to_string(ranges_->size()) + " ranges, " + std::to_string(count_) + " documents)";
}

DocidRanges merged(DocidRanges ranges) {
  std::sort(ranges.begin(), ranges.end());
  DocidRanges out;
  for (const auto& r : ranges) {
    if (!out.empty() && r.first <= out.back().second + 1) out.back().second = std::max(out.back().second, r.second);
    else out.push_back(r);
  }
  return out;
}

}  // namespace tsubo
