// Enquire with BM25 over the parsed query, boolean filters, then snippets for the page of hits.
#include "search/searcher.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <set>
#include <filesystem>
#include <functional>
#include <optional>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "indexer/passage_document.h"
#include "indexer/schema.h"
#include "indexer/citation_terms.h"
#include "search/facet_counter.h"
#include "search/hit_explanation.h"
#include "search/hit_record.h"
#include "search/query_parser.h"
#include "search/query_reading.h"
#include "search/search_query.h"
#include "search/shards.h"
#include "search/type_mix.h"
#include "search/paragraph_snippet.h"
#include "search/passage_snippet.h"
#include "text/japanese_numbers.h"
#include "text/analyzer.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

SearchHit hit_from(const Xapian::MSetIterator& it, const std::vector<std::string>& highlight,
                   const Analyzer& analyzer) {
  const Xapian::Document doc = it.get_document();
  SearchHit hit = hit_from_record(doc.get_data());
  hit.score = it.get_weight();
  hit.snippet = passage_snippet(hit.text, doc.get_value(schema::kValueTokenSpans), highlight, analyzer);
  return hit;
}

// Where a hit of the page comes from: the main ranking or the search for the best of a type.
struct HitSource {
  const Xapian::MSet* mset;
  Xapian::doccount index;
  const Xapian::Enquire* enquire;
  bool promoted;
};

std::vector<HitSource> whole_page(const Xapian::MSet& mset, const Xapian::Enquire& enquire) {
  // A remote shard sends the page's documents in one exchange, not one round trip each. (The
  // argument-less fetch() of a page not starting at the first hit, e.g. the second page of a grouped
  // list, read past the items in Xapian 1.4.22 and crashed; the iterator form does not.)
  if (mset.size() > 0) mset.fetch(mset.begin(), mset.end());
  std::vector<HitSource> page;
  for (Xapian::doccount i = 0; i < mset.size(); ++i) page.push_back({&mset, i, &enquire, false});
  return page;
}

// Type mixing fetches and reads the types of at least this many passages of the ranking before it
// searches for a missing type's best (30 cost more in the deeper fetch than it saved in searches).
constexpr std::size_t kMixDepth = 12;

// The search for the best passage of each missing type, kept alive while its hits are read.
struct TypeLookup {
  std::optional<Xapian::Enquire> enquire;
  Xapian::MSet best;
};

// Laws cited by the first `count` passages of the ranking (value 不正競争防止法/2|民法/709).
std::set<std::string> laws_cited_by_first(const Xapian::MSet& mset, std::size_t count) {
  std::set<std::string> laws;
  for (auto it = mset.begin(); it != mset.end() && it.get_rank() < count; ++it) {
    const std::string cited = it.get_document().get_value(schema::kValueCitedArticles);
    for (std::size_t at = 0; at < cited.size();) {
      std::size_t end = cited.find('|', at);
      if (end == std::string::npos) end = cited.size();
      laws.insert(cited.substr(at, std::min(cited.find('/', at), end) - at));
      at = end + 1;
    }
  }
  return laws;
}

// The page [offset, offset + limit) of a ranking fetched from its start, with the best passage of
// each type missing from its first ranks moved up (type_mix.h). The best of a type is its first
// passage in the ranking as fetched; the types absent from it are looked up by one search filtered
// to them and collapsed by type. For statutes that search keeps to the laws the first hits cite
// ("then the statute" the courts apply): over all 7,987 statutes it cost about 5 ms on 秘密管理性,
// whose parts are common words there. `with_priors` adds the role priors around a filtered query.
std::vector<HitSource> mixed_page(const Xapian::MSet& mset, const Xapian::Enquire& enquire, const Xapian::Query& text,
                                  const std::function<Xapian::Query(const Xapian::Query&)>& with_priors,
                                  const std::function<void(Xapian::Enquire&)>& configure, const TypeMix& mix,
                                  std::size_t offset, std::size_t limit, const Xapian::Database& db, TypeLookup& lookup) {
  // Types are read from the first kMixDepth passages only; below them a type's best passage is found
  // by its id in the ranking. fetch() asks remote shards for the documents in one pipelined exchange
  // instead of a round trip each (the ranking is at most a page or kMixDepth long).
  mset.fetch();
  std::vector<RankedEntry> entries;
  std::vector<HitSource> sources;
  std::vector<Xapian::docid> ids;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const bool typed = it.get_rank() < kMixDepth;
    entries.push_back({typed ? it.get_document().get_value(schema::kValueType) : "", it.get_weight()});
    sources.push_back({&mset, it.get_rank(), &enquire, false});
    ids.push_back(*it);
  }
  const std::size_t base_count = entries.size();
  const std::size_t shown_before = mix.by_rank > 0 ? mix.by_rank - 1 : 0;
  // One search for the best passage of every type still missing: the types' filters ORed, the
  // ranking collapsed to one passage a type (one match over the query's posting lists, not one a type).
  std::vector<Xapian::Query> type_filters;
  for (const std::string& type : types_missing(entries, mix)) {
    if (std::any_of(entries.begin(), entries.end(), [&](const RankedEntry& e) { return e.type == type; })) continue;
    const std::string type_term = prefixed_term(schema::kPrefixType, type);
    if (db.get_termfreq(type_term) == 0) continue;  // an index without that type
    Xapian::Query filter(type_term);
    if (type == "statute") {
      std::vector<Xapian::Query> laws;
      for (const auto& law : laws_cited_by_first(mset, shown_before))
        laws.emplace_back(prefixed_term(schema::kPrefixLaw, normalize_nfkc(law)));
      if (laws.empty()) continue;
      filter = Xapian::Query(Xapian::Query::OP_FILTER, filter, Xapian::Query(Xapian::Query::OP_OR, laws.begin(), laws.end()));
    }
    type_filters.push_back(filter);
  }
  if (!type_filters.empty()) {
    Xapian::Enquire& e = lookup.enquire.emplace(db);
    e.set_query(with_priors(Xapian::Query(Xapian::Query::OP_FILTER, text,
                                          Xapian::Query(Xapian::Query::OP_OR, type_filters.begin(), type_filters.end()))));
    configure(e);
    e.set_collapse_key(schema::kValueType, 1);
    lookup.best = e.get_mset(0, static_cast<Xapian::doccount>(type_filters.size()));
    const Xapian::MSet& best = lookup.best;
    best.fetch();
    for (auto it = best.begin(); it != best.end(); ++it) {
      const std::string type = it.get_document().get_value(schema::kValueType);
      const auto in_ranking = std::find(ids.begin(), ids.end(), *it);
      if (in_ranking != ids.end()) {  // deeper than the typed passages, but fetched for this page
        entries[static_cast<std::size_t>(in_ranking - ids.begin())].type = type;
        continue;
      }
      entries.push_back({type, it.get_weight()});
      sources.push_back({&best, it.get_rank(), &e, false});
    }
  }
  const std::vector<std::size_t> order = mix_types(entries, base_count, mix);
  std::vector<HitSource> page;
  for (std::size_t k = offset; k < std::min(order.size(), offset + limit); ++k) {
    HitSource s = sources[order[k]];
    s.promoted = order[k] >= base_count || order[k] > k;
    page.push_back(s);
  }
  return page;
}

// A statute hit on an article whose paragraph the query cites shows that paragraph, marked.
void show_cited_paragraph(SearchHit& hit, const ParsedQuery& parsed) {
  for (const auto& cited : parsed.cited_paragraphs) {
    if (cited.article != hit.article || normalize_nfkc(cited.law) != normalize_nfkc(hit.law)) continue;
    if (auto snippet = paragraph_snippet(hit.text, cited.paragraph)) {
      hit.snippet = std::move(*snippet);
      return;
    }
  }
}

// Versions of one text scoring alike (BM25 with b = 0 ignores length): newest version first.
void newest_first_among_equals(std::vector<SearchHit>& hits) {
  for (std::size_t begin = 0; begin < hits.size();) {
    std::size_t end = begin + 1;
    while (end < hits.size() && std::abs(hits[end].score - hits[begin].score) < 1e-9) ++end;
    const std::size_t first_rank = hits[begin].rank;
    std::stable_sort(hits.begin() + begin, hits.begin() + end,
                     [](const SearchHit& a, const SearchHit& b) { return a.date > b.date; });
    for (std::size_t k = begin; k < end; ++k) hits[k].rank = first_rank + (k - begin);
    begin = end;
  }
}

TypeMix type_mix_of(const RankingParams& p) {
  TypeMix mix;
  mix.by_rank = p.mix_rank >= 1 ? static_cast<std::size_t>(p.mix_rank) : 0;
  mix.min_share = p.mix_min_share;
  return mix;
}

// Said once per process and shard: a server retrying a dead shard every 10 s in each of its
// workers would otherwise repeat the same line hundreds of times a minute.
void report_missing_shard(const std::string& message) {
  static std::mutex mu;
  static std::set<std::string> said;
  std::lock_guard<std::mutex> lock(mu);
  if (said.insert(message).second) std::fprintf(stderr, "[search][shards] missing %s\n", message.c_str());
}

// Whether the index holds the group key (schema 6 on): said once per process when it does not.
bool groupable(const Xapian::Database& db) {
  const std::string schema = db.get_metadata(schema::kMetaSchema);
  if (!schema.empty() && std::atoi(schema.c_str()) >= 6) return true;
  static std::once_flag said;
  std::call_once(said, [&] {
    std::fprintf(stderr, "[search] this index (schema %s) has no group key: results stay passages; re-index to group "
                 "a ruling's passages (schema 6)\n", schema.empty() ? "?" : schema.c_str());
  });
  return false;
}

}  // namespace

struct Searcher::State {
  Xapian::Database db;
  const Analyzer* analyzer;
  std::string path;
  std::vector<std::string> shards, missing_shards;  // when opened from shards (search/shards.h)
  StatuteVersions versions;  // which statute text is in force when (read at open and reopen)
};

Searcher::Searcher(const std::string& db_path, const Analyzer& analyzer) : state_(std::make_unique<State>()) {
  state_->analyzer = &analyzer;
  state_->path = db_path;
  if (!std::filesystem::exists(db_path))
    throw SearchError("[search] no index at " + db_path + "; build one with: tsubo index --db " + db_path + " <folders>");
  try {
    state_->db = Xapian::Database(db_path);
  } catch (const Xapian::Error& e) {
    throw SearchError("[search][xapian] cannot open " + db_path + ": " + e.get_description());
  }
  const std::string built_with = state_->db.get_metadata(schema::kMetaAnalyzer);
  state_->versions = StatuteVersions(state_->db);
  if (built_with.empty()) throw SearchError("[search] " + db_path + " was not built by tsubo (no analyzer recorded)");
  if (built_with != analyzer.identity())
    throw SearchError("[search] " + db_path + " was built with analyzer «" + built_with +
                      "» but this search uses «" + analyzer.identity() +
                      "». Queries would be tokenised differently from the index and miss. Search with the "
                      "same dictionary (TSUBO_MECAB_DIC / --dict) or re-index.");
}

Searcher::Searcher(const std::vector<std::string>& shards, const Analyzer& analyzer)
    : state_(std::make_unique<State>()) {
  state_->analyzer = &analyzer;
  state_->shards = shards;
  open_shards(shards, state_->db, state_->missing_shards);
  std::string missing;
  for (const auto& m : state_->missing_shards) missing += "\n  " + m;
  if (state_->missing_shards.size() == shards.size())
    throw SearchError("[search][shards] no shard could be opened:" + missing);
  for (const auto& m : state_->missing_shards) report_missing_shard(m);
  const std::string built_with = state_->db.get_metadata(schema::kMetaAnalyzer);  // from the first shard
  state_->versions = StatuteVersions(state_->db);
  if (built_with != analyzer.identity())
    throw SearchError("[search][shards] the shards were built with analyzer «" + built_with + "» but this search uses «" +
                      analyzer.identity() + "»; search with the same dictionary or re-index.");
}

Searcher::~Searcher() = default;

std::size_t Searcher::passage_count() const { return state_->db.get_doccount(); }
const Xapian::Database& Searcher::database() const { return state_->db; }
const std::vector<std::string>& Searcher::missing_shards() const { return state_->missing_shards; }
const StatuteVersions& Searcher::versions() const { return state_->versions; }

SearchResponse Searcher::search(const SearchRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  if (request.limit > kMaxResultsPerPage)
    throw SearchError("[search] at most " + std::to_string(kMaxResultsPerPage) + " results per page");
  const RankingParams& rank = request.ranking;
  const SearchQuery built = build_search_query(request, *state_->analyzer, state_->db, state_->versions);
  const ParsedQuery& parsed = built.parsed;
  const Xapian::Query& text = built.text;
  const auto with_priors = [&built](const Xapian::Query& q) { return built.with_priors(q); };
  const Xapian::Query query = with_priors(text);

  // Grouping needs the group key of schema 6 (indexer/schema.h); an older index answers ungrouped
  // (grouped: false) and says once why, instead of failing every search of the page.
  const bool grouping = request.group_by_document && groupable(state_->db);
  const TypeMix mix = type_mix_of(rank);
  const bool mixing = !request.sort_by_date && mix.by_rank > 0;
  const std::function<void(Xapian::Enquire&)> configure = [&](Xapian::Enquire& e) {
    e.set_weighting_scheme(Xapian::BM25Weight(rank.k1, 0, 1, rank.b, 0.5));
    if (request.sort_by_date) e.set_sort_by_value_then_relevance(schema::kValueDate, true);
    // Every version: one passage for each distinct text of an article, equal scores newest first.
    // (Equal scores oldest first, so that the collapse keeps the version that brought a text in; the
    // page then lists equal scores newest first.)
    else if (request.all_versions) e.set_sort_by_relevance_then_value(schema::kValueDate, false);
    if (request.time_limit_ms > 0) e.set_time_limit(request.time_limit_ms / 1000.0);
    // Grouped: one passage a ruling, each statute article and guidance section apart (its group key
    // is its text hash, so every version also stays one text).
    if (grouping) e.set_collapse_key(schema::kValueGroup, 1);
    else if (rank.per_document >= 1) e.set_collapse_key(schema::kValueDocId, static_cast<Xapian::doccount>(rank.per_document));
    else if (request.all_versions) e.set_collapse_key(schema::kValueTextHash);
  };

  SearchResponse response;
  response.query = request.query;
  if (request.explain) response.reading = read_query(built, state_->db, rank);
  response.grouped = grouping;
  const int today = today_yyyymmdd();
  for (int attempt = 0;; ++attempt) {
    try {
      Xapian::Enquire enquire(state_->db);
      enquire.set_query(query);
      configure(enquire);
      std::optional<FacetCounter> facets;
      if (request.facets) facets.emplace(enquire);
      // With facets, every match up to facet_sample is checked, so that the counts are exact.
      const Xapian::doccount check_at_least =
          request.facets ? facet_check_at_least(state_->db, request.facet_sample, request.offset + request.limit) : 100;
      // Mixing types reorders the first ranks, so every page is cut from the ranking from its start.
      const std::size_t first = mixing ? 0 : request.offset;
      const std::size_t wanted = mixing ? std::max(request.offset + request.limit, kMixDepth) : request.limit;
      const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(first),
                                                 static_cast<Xapian::doccount>(wanted), check_at_least);
      response.facets_estimated = false;
      response.facets = facets ? facets->counts(mset, response.facets_estimated) : Facets{};
      response.total = mset.get_matches_estimated();
      response.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();

      TypeLookup lookup;
      const std::vector<HitSource> page =
          mixing ? mixed_page(mset, enquire, text, with_priors, configure, mix, request.offset, request.limit, state_->db, lookup)
                 : whole_page(mset, enquire);

      response.hits.clear();
      std::size_t rank = request.offset;
      for (const HitSource& s : page) {
        const Xapian::MSetIterator it = (*s.mset)[s.index];
        SearchHit hit = hit_from(it, parsed.highlight_terms, *state_->analyzer);
        hit.rank = ++rank;
        if (grouping) hit.more_in_document = it.get_collapse_count();
        if (hit.type == "statute") {
          show_cited_paragraph(hit, parsed);
          if (VersionInfo v = version_info(state_->db, state_->versions, hit.doc_id, hit.passage_id, today); v.versions)
            hit.version = std::move(v);
        }
        if (request.explain) {
          hit.explanation = explain_hit(hit, it, *s.enquire, parsed, request.ranking, *state_->analyzer);
          hit.explanation.promoted = s.promoted;
        }
        response.hits.push_back(std::move(hit));
      }
      if (request.all_versions) newest_first_among_equals(response.hits);
      break;
    } catch (const Xapian::DatabaseModifiedError&) {
      // A writer committed under us: reopen and try again rather than fail the user.
      if (attempt >= 3) throw SearchError("[search] the index kept changing during the search; try again");
      state_->db.reopen();
      state_->versions = StatuteVersions(state_->db);
    } catch (const Xapian::NetworkError& e) {
      // A remote shard went away: answer from the others and name it (search/shards.h).
      if (state_->shards.empty() || attempt >= 3) throw SearchError("[search][xapian] " + e.get_description());
      state_->db = Xapian::Database();
      state_->missing_shards.clear();
      open_shards(state_->shards, state_->db, state_->missing_shards);
      if (state_->missing_shards.size() == state_->shards.size())
        throw SearchError("[search][shards] no shard answers: " + e.get_description());
      state_->versions = StatuteVersions(state_->db);
    } catch (const Xapian::Error& e) {
      throw SearchError("[search][xapian] " + e.get_description());
    }
  }
  response.missing_shards = state_->missing_shards;
  response.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return response;
}

}  // namespace tsubo
