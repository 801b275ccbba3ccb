// Facet counts from Xapian's match spies, scaled when only a sample of the matches was checked.
#include "search/facet_counter.h"

#include <algorithm>
#include <map>
#include <string>

#include "indexer/schema.h"

namespace tsubo {
namespace {

struct FacetSlot {
  const char* name;
  unsigned slot;
};
constexpr FacetSlot kFacetSlots[] = {{"type", schema::kValueType},   {"court", schema::kValueCourt},
                                     {"year", schema::kValueYear},   {"law", schema::kValueLaw},
                                     {"right_type", schema::kValueRightType}};

constexpr std::size_t kMaxCitedFacetValues = 30;  // the most cited articles among the matches

// Counts from a sample of the matches scaled to all of them (scale 1: every match was counted).
std::size_t scaled(std::size_t count, double scale) {
  return scale == 1 ? count : std::max<std::size_t>(1, static_cast<std::size_t>(count * scale + 0.5));
}

// Counts of a slot holding several values joined by '|' (a passage's requirement tags), from a
// ValueCountMatchSpy over the joined strings: built-in spies also run on remote shards
// (xapian-tcpsrv knows no spy of ours), and there are few distinct combinations.
std::vector<FacetCount> split_counts(const Xapian::ValueCountMatchSpy& spy, double scale) {
  std::map<std::string, std::size_t> counts;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    const std::string& v = *it;
    for (std::size_t start = 0; start < v.size();) {
      std::size_t end = v.find('|', start);
      if (end == std::string::npos) end = v.size();
      if (end > start) counts[v.substr(start, end - start)] += it.get_termfreq();
      start = end + 1;
    }
  }
  std::vector<FacetCount> out;
  for (const auto& [value, n] : counts) out.push_back({value, scaled(n, scale)});
  std::stable_sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
  return out;
}

std::vector<FacetCount> facet_counts(const Xapian::ValueCountMatchSpy& spy, bool newest_first, double scale) {
  std::vector<FacetCount> out;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) out.push_back({*it, scaled(it.get_termfreq(), scale)});
  std::stable_sort(out.begin(), out.end(), [&](const FacetCount& a, const FacetCount& b) {
    return newest_first ? a.value > b.value : a.count > b.count;
  });
  return out;
}

}  // namespace

FacetCounter::FacetCounter(Xapian::Enquire& enquire)
    : requirements_(schema::kValueRequirements), cited_(schema::kValueCitedArticles) {
  for (const auto& f : kFacetSlots) {
    spies_.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(f.slot));
    enquire.add_matchspy(spies_.back().get());
  }
  enquire.add_matchspy(&requirements_);
  enquire.add_matchspy(&cited_);
}

Facets FacetCounter::counts(const Xapian::MSet& mset, bool& estimated) const {
  estimated = false;
  double scale = 1;
  // The spies saw fewer documents than may match: they were stopped at the sample.
  const Xapian::doccount seen = spies_.front()->get_total();
  if (seen > 0 && seen < mset.get_matches_upper_bound()) {
    estimated = true;
    scale = std::max(1.0, double(mset.get_matches_estimated()) / seen);
  }
  Facets out;
  for (std::size_t i = 0; i < spies_.size(); ++i)
    out.emplace_back(kFacetSlots[i].name, facet_counts(*spies_[i], kFacetSlots[i].slot == schema::kValueYear, scale));
  out.emplace_back("requirement", split_counts(requirements_, scale));
  std::vector<FacetCount> cited = split_counts(cited_, scale);
  if (cited.size() > kMaxCitedFacetValues) cited.resize(kMaxCitedFacetValues);
  out.emplace_back("cited", std::move(cited));
  return out;
}

Xapian::doccount facet_check_at_least(const Xapian::Database& db, std::size_t sample, std::size_t page_end) {
  // Xapian then cannot skip low-scoring documents, which makes this the costly part.
  const Xapian::doccount all = db.get_doccount();
  if (sample == 0) return all;
  return std::min<Xapian::doccount>(all, static_cast<Xapian::doccount>(std::max(sample, page_end)));
}

}  // namespace tsubo
