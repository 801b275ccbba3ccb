// Facets of a search: the matches counted by type, court, year, law, right type, requirement and cited
// article, with Xapian's built-in ValueCountMatchSpy (it also runs on remote shards).
#pragma once

#include <memory>
#include <vector>

#include <xapian.h>

#include "search/searcher.h"

namespace tsubo {

class FacetCounter {
 public:
  // Adds the spies to `enquire`; they count every match it checks.
  explicit FacetCounter(Xapian::Enquire& enquire);
  FacetCounter(const FacetCounter&) = delete;
  FacetCounter& operator=(const FacetCounter&) = delete;

  // The counts after get_mset, most frequent first (years newest first). When the spies saw fewer
  // matches than there may be (the check stopped at a sample), the counts are scaled up to the
  // estimate and `estimated` is set.
  Facets counts(const Xapian::MSet& mset, bool& estimated) const;

 private:
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies_;
  Xapian::ValueCountMatchSpy requirements_;
  Xapian::ValueCountMatchSpy cited_;
};

// How many matches to check so that the counts are exact up to `sample` (0 = all of db).
Xapian::doccount facet_check_at_least(const Xapian::Database& db, std::size_t sample, std::size_t page_end);

}  // namespace tsubo
