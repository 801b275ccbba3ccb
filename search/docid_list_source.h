// A Xapian posting source over sorted, disjoint ranges of document ids: the statute versions not in
// force on a day, matched by AND_NOT at the cost of a binary search per candidate (an OR of each
// version's document term cost a posting-list step per candidate; see docs/versions.md). A version's
// passages are added one after the other, so its ids are one range, and one law's hidden versions
// mostly two.
#pragma once

#include <memory>
#include <utility>
#include <vector>

#include <xapian.h>

namespace tsubo {

using DocidRanges = std::vector<std::pair<Xapian::docid, Xapian::docid>>;  // [first, last], sorted

class DocidRangeSource : public Xapian::PostingSource {
 public:
  explicit DocidRangeSource(std::shared_ptr<const DocidRanges> ranges);

  Xapian::doccount get_termfreq_min() const override { return count_; }
  Xapian::doccount get_termfreq_est() const override { return count_; }
  Xapian::doccount get_termfreq_max() const override { return count_; }
  void init(const Xapian::Database&) override { started_ = false, range_ = 0, did_ = 0; }
  void next(double) override;
  void skip_to(Xapian::docid did, double) override;
  bool at_end() const override { return started_ && range_ >= ranges_->size(); }
  Xapian::docid get_docid() const override { return did_; }
  DocidRangeSource* clone() const override { return new DocidRangeSource(ranges_); }
  std::string get_description() const override;

 private:
  std::shared_ptr<const DocidRanges> ranges_;
  Xapian::doccount count_ = 0;
  std::size_t range_ = 0;
  Xapian::docid did_ = 0;
  bool started_ = false;
};

// Merges overlapping or touching ranges after sorting them.
DocidRanges merged(DocidRanges ranges);

}  // namespace tsubo
