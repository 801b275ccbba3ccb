// Routes, input limits, CORS and security headers of the HTTP API (the connections are
// search/http_event_loop.cc's); a pool of per-thread readers
// (Analyzer + Xapian database + Searcher) because none of them is thread-safe; the result cache.
#include "search/http_api.h"

#include <httplib.h>

#include <algorithm>
#include <cstdio>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "indexer/passage_document.h"
#include "indexer/schema.h"
#include "search/document_reader.h"
#include "search/http_event_loop.h"
#include "search/access_config.h"
#include "search/audit_log.h"
#include "search/more_like_this.h"
#include "search/query_parser.h"
#include "search/request_identity.h"
#include "search/response_cache.h"
#include "search/search_query.h"
#include "search/result_json.h"
#include "search/searcher.h"
#include "search/shards.h"
#include "search/statute_history.h"
#include "search/statute_versions.h"
#include "search/suggest.h"
#include "search/date_filter.h"
#include "text/analyzer.h"
#include "text/utf8.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace tsubo {
namespace {

constexpr std::size_t kMaxParams = 40;
constexpr std::size_t kMaxFilterValues = 20;
constexpr std::size_t kMaxFilterValueBytes = 200;
constexpr std::size_t kMaxDocIdBytes = 300;
constexpr std::size_t kMaxSuggestInputBytes = 200;
constexpr std::size_t kMaxSuggestions = 20;
constexpr std::size_t kMaxSimilar = 20;
constexpr std::uintmax_t kMaxStaticFileBytes = 8 * 1024 * 1024;
constexpr auto kReopenInterval = std::chrono::seconds(1);
// How often a reader with a shard missing tries to open it again (a shard that does not answer
// holds that request up to the connect timeout of search/shards.cc).
constexpr auto kShardRetryInterval = std::chrono::seconds(10);
constexpr int kXapianRetries = 3;

// Input that fails validation at the edge: becomes a JSON error with this status and code.
struct BadRequest {
  int status;
  std::string code, message;
};

constexpr const char* kJsonType = "application/json; charset=utf-8";

void send_json(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), kJsonType);
}

void send_error(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  send_json(res, status, {{"error", {{"status", status}, {"code", code}, {"message", message}}}});
}

// One worker's private search state. A fresh Searcher is made whenever the database has moved on.
struct Reader {
  Analyzer analyzer;
  Xapian::Database db;                // the Searcher's, shared: documents, suggestions, health
  std::unique_ptr<Searcher> searcher;
  std::string fingerprint;            // of db (database_fingerprint): part of every cache key
  std::vector<std::string> missing;   // shards that did not open, "<shard>: <reason>"
  bool degraded = false;              // a search answered without some shard: reopen them in time
  std::chrono::steady_clock::time_point checked, opened;

  explicit Reader(const std::string& dict) : analyzer(dict) {}
};

// The normalised form of a search request for the cache: every field that shapes the response,
// after validation, so q=a&size=10 and size=10&q=a share an entry.
// 20170321 → 2017-03-21
std::string iso_date(int yyyymmdd) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
  return buf;
}

std::string cache_key(const SearchRequest& sr, std::size_t page, std::size_t size) {
  // The statute versions shown depend on the day: as_of, or today's date when it is not given.
  // The reader's groups are part of the key: an answer for one group is never served to another.
  std::vector<std::string> groups = sr.groups;
  std::sort(groups.begin(), groups.end());
  json key = {sr.query,     sr.types,   sr.courts,       sr.laws, sr.requirements, sr.right_types, sr.articles,
              sr.cites,     sr.date_from, sr.date_to,    sr.sort_by_date, page, size, sr.facets,
              sr.as_of ? sr.as_of : today_yyyymmdd(), sr.all_versions, sr.explain, sr.doc_ids, sr.group_by_document,
              sr.collections, json{{"groups", groups}}};
  return key.dump();
}

}  // namespace

struct HttpServer::Impl {
  HttpOptions options;
  std::unique_ptr<HttpEventLoop> loop;
  HttpLimits limits;  // the loop's, for answer()
  fs::path web_root;  // canonical; empty = no static files
  Suggester suggester;
  std::unique_ptr<AuditLog> audit;  // with --config naming an audit log

  std::mutex pool_mutex;
  std::vector<std::unique_ptr<Reader>> idle;
  std::unique_ptr<ResponseCache> cache;

  // Borrows a reader for one request and gives it back afterwards.
  class Lease {
   public:
    explicit Lease(Impl& impl) : impl_(impl) {
      {
        std::lock_guard<std::mutex> lock(impl_.pool_mutex);
        if (!impl_.idle.empty()) {
          reader_ = std::move(impl_.idle.back());
          impl_.idle.pop_back();
        }
      }
      if (!reader_) reader_ = impl_.open_reader();
      impl_.refresh(*reader_);
    }
    ~Lease() {
      if (!reader_) return;
      std::lock_guard<std::mutex> lock(impl_.pool_mutex);
      impl_.idle.push_back(std::move(reader_));
    }
    Reader& operator*() { return *reader_; }
    Reader* operator->() { return reader_.get(); }
    // After a Xapian error the reader may be unusable: drop it rather than pool it.
    void discard() { reader_.reset(); }

   private:
    Impl& impl_;
    std::unique_ptr<Reader> reader_;
  };

  bool sharded() const { return !options.shards.empty(); }

  std::unique_ptr<Reader> open_reader() {
    auto r = std::make_unique<Reader>(options.dictionary_dir);
    open_databases(*r);
    return r;
  }

  // (Re)opens a reader's database and Searcher from scratch: one database, or the shards that answer.
  void open_databases(Reader& r) {
    r.checked = r.opened = std::chrono::steady_clock::now();
    r.degraded = false;
    renew_searcher(r);
  }

  // A new Searcher (which opens the database, or every shard, once) and the reader's handle to the
  // same database. Throws SearchError for a missing or foreign index, or when no shard opens.
  void renew_searcher(Reader& r) {
    if (sharded()) r.searcher = std::make_unique<Searcher>(options.shards, r.analyzer);
    else r.searcher = std::make_unique<Searcher>(options.db_path, r.analyzer);
    r.db = r.searcher->database();
    r.missing = r.searcher->missing_shards();
    r.fingerprint = database_fingerprint(r.db);
  }

  // Picks up a re-index: at most once a second, reopen the database; when it moved, renew the
  // Searcher. A reader missing a shard tries the shards again every kShardRetryInterval.
  void refresh(Reader& r) {
    const auto now = std::chrono::steady_clock::now();
    if (now - r.checked < kReopenInterval) return;
    r.checked = now;
    if ((r.degraded || !r.missing.empty()) && now - r.opened >= kShardRetryInterval) return open_databases(r);
    try {
      // A new database published by a rename (tsubo index into an empty one) has another UUID and can
      // have the same revision: reopen() alone said "unchanged" and served 0 hits from the old tables.
      const std::string uuid = r.db.get_uuid();
      if (r.db.reopen() || r.db.get_uuid() != uuid) renew_searcher(r);
    } catch (const Xapian::Error&) {
      // The folder was replaced wholesale (rm -rf + index), or a remote shard went away: open from scratch.
      try {
        open_databases(r);
      } catch (const Xapian::Error& e) {
        throw SearchError("[serve][xapian] cannot reopen " + options.db_path + ": " + e.get_description());
      }
    }
  }

  // Runs fn(reader) with a leased reader, reopening and retrying when a writer commits underneath.
  template <typename Fn>
  void with_reader(httplib::Response& res, Fn fn) {
    for (int attempt = 0;; ++attempt) {
      Lease lease(*this);
      try {
        fn(*lease);
        return;
      } catch (const Xapian::DatabaseModifiedError&) {
        lease->db.reopen();
        renew_searcher(*lease);
        if (attempt + 1 >= kXapianRetries) {
          send_error(res, 503, "index_changing", "the index kept changing during the request; try again");
          return;
        }
      } catch (const Xapian::Error& e) {
        lease.discard();
        std::cerr << "[serve][xapian] " << e.get_description() << "\n";
        send_error(res, 503, "index_unavailable", "[serve][xapian] " + e.get_description());
        return;
      }
    }
  }

  // ---- who is asking ---------------------------------------------------------------------------

  Identity who(const httplib::Request& req) const {
    RequestCredentials c;
    c.remote_addr = req.remote_addr;
    c.authorization = req.get_header_value("Authorization");
    c.forwarded_user = req.get_header_value("X-Forwarded-User");
    c.forwarded_groups = req.get_header_value("X-Forwarded-Groups");
    c.has_forwarded_headers = req.has_header("X-Forwarded-User") || req.has_header("X-Forwarded-Groups");
    return identify(options.access.get(), c);
  }

  // An audit line for a named user (the anonymous see public documents only, which are not audited).
  void audit_entry(const Identity& user, const httplib::Request& req, json entry) {
    if (!audit || user.user.empty()) return;
    entry["user"] = user.user;
    entry["groups"] = user.groups;
    entry["via"] = user.via;
    entry["remote"] = req.remote_addr;
    audit->record(entry);
  }

  // ---- input validation ------------------------------------------------------------------------

  static void check_params(const httplib::Request& req) {
    if (req.params.size() > kMaxParams)
      throw BadRequest{400, "too_many_parameters", "at most " + std::to_string(kMaxParams) + " query parameters"};
    for (const auto& [k, v] : req.params)
      if (!utf8::valid(k) || !utf8::valid(v))
        throw BadRequest{400, "bad_utf8", "parameter «" + utf8::sanitize(k) + "» is not valid UTF-8"};
  }

  static std::size_t number_param(const httplib::Request& req, const char* name, std::size_t fallback,
                                  std::size_t lo, std::size_t hi) {
    if (!req.has_param(name)) return fallback;
    const std::string v = req.get_param_value(name);
    const std::string range = std::to_string(lo) + "–" + std::to_string(hi);
    if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos)
      throw BadRequest{400, std::string("bad_") + name, std::string(name) + " must be a whole number " + range};
    const std::size_t n = std::stoul(v);
    if (n < lo || n > hi)
      throw BadRequest{400, std::string("bad_") + name, std::string(name) + " must be between " + range + ", got " + v};
    return n;
  }

  // Repeated (type=a&type=b) or comma-separated (type=a,b) values, empty ones dropped.
  static std::vector<std::string> list_param(const httplib::Request& req, const char* name) {
    std::vector<std::string> out;
    const std::size_t n = req.get_param_value_count(name);
    for (std::size_t i = 0; i < n; ++i) {
      std::stringstream ss(req.get_param_value(name, i));
      for (std::string part; std::getline(ss, part, ',');) {
        part = utf8::trim(part);
        if (part.empty()) continue;
        if (part.size() > kMaxFilterValueBytes)
          throw BadRequest{400, "bad_filter", std::string(name) + " value too long"};
        out.push_back(part);
      }
    }
    if (out.size() > kMaxFilterValues)
      throw BadRequest{400, "bad_filter", std::string("at most ") + std::to_string(kMaxFilterValues) + " " + name + " values"};
    return out;
  }

  // ---- handlers --------------------------------------------------------------------------------

  void handle_search(const httplib::Request& req, httplib::Response& res) {
    check_params(req);
    const Identity user = who(req);
    SearchRequest sr;
    sr.groups = user.groups;
    sr.collections = list_param(req, "collection");
    sr.ranking = options.ranking;
    sr.query = req.get_param_value("q");
    if (sr.query.size() > options.max_query_bytes)
      throw BadRequest{413, "query_too_long", "the query is " + std::to_string(sr.query.size()) +
                                                  " bytes; at most " + std::to_string(options.max_query_bytes) +
                                                  " are accepted"};
    if (utf8::trim(sr.query).empty()) throw BadRequest{400, "empty_query", "q is empty: type some words to search"};
    sr.types = list_param(req, "type");
    sr.courts = list_param(req, "court");
    sr.laws = list_param(req, "law");
    sr.requirements = list_param(req, "requirement");
    sr.right_types = list_param(req, "right_type");
    sr.articles = list_param(req, "article");
    sr.cites = list_param(req, "cites");
    sr.doc_ids = list_param(req, "doc");
    try {
      // dates=…, or years=… as the first API version called the range.
      const std::string range_param = req.has_param("dates") ? "dates" : "years";
      const DateBounds dates = parse_date_bounds(utf8::trim(req.get_param_value("from")), utf8::trim(req.get_param_value("to")),
                                                 utf8::trim(req.get_param_value(range_param.c_str())));
      sr.date_from = dates.from;
      sr.date_to = dates.to;
    } catch (const DateFilterError& e) {
      const std::string param = e.input == DateInput::From ? "from" : e.input == DateInput::To ? "to" : "dates";
      throw BadRequest{400, "bad_date", param + ": " + e.what()};
    }
    if (const std::string as_of = utf8::trim(req.get_param_value("as_of")); !as_of.empty()) {
      try {
        sr.as_of = parse_day(as_of);
      } catch (const DateFilterError& e) {
        throw BadRequest{400, "bad_date", std::string("as_of: ") + e.what()};
      }
    }
    const std::string all_versions = req.get_param_value("all_versions");
    if (!all_versions.empty() && all_versions != "0" && all_versions != "1")
      throw BadRequest{400, "bad_all_versions", "all_versions must be 1 (every version of a statute) or 0"};
    sr.all_versions = all_versions == "1";
    const std::string sort = req.get_param_value("sort");
    if (!sort.empty() && sort != "date" && sort != "relevance")
      throw BadRequest{400, "bad_sort", "sort must be relevance or date"};
    sr.sort_by_date = sort == "date";
    // group=document: one hit a ruling (its best passage, more_in_document the rest).
    const std::string group = req.get_param_value("group");
    if (!group.empty() && group != "document" && group != "passage")
      throw BadRequest{400, "bad_group", "group must be document (one hit a ruling) or passage"};
    sr.group_by_document = group == "document";
    const std::size_t size = number_param(req, "size", 10, 1, options.max_page_size);
    const std::size_t max_page = options.max_offset / size + 1;
    const std::size_t page = number_param(req, "page", 1, 1, max_page);
    sr.offset = (page - 1) * size;
    sr.limit = size;
    // Facets only when asked (the search page asks; the widget and most API callers do not): they
    // make Xapian check up to facet_sample matches instead of stopping at the best page.
    const std::string facets = req.get_param_value("facets");
    if (!facets.empty() && facets != "0" && facets != "1")
      throw BadRequest{400, "bad_facets", "facets must be 1 (count matches by type, court, year …) or 0"};
    sr.facets = facets == "1";
    // explain=1: each hit says why it matched (the words found, its role and the score's parts).
    const std::string explain = req.get_param_value("explain");
    if (!explain.empty() && explain != "0" && explain != "1")
      throw BadRequest{400, "bad_explain", "explain must be 1 (say why each hit matched) or 0"};
    sr.explain = explain == "1";
    sr.time_limit_ms = options.query_time_limit_ms;
    const std::string key = cache->enabled() ? cache_key(sr, page, size) : std::string();

    with_reader(res, [&](Reader& r) {
      try {
        if (cache->enabled()) {
          if (const auto cached = cache->find(r.fingerprint, key)) {
            res.set_header("X-Tsubo-Cache", "hit");
            res.set_content(*cached, kJsonType);
            if (audit && !user.user.empty() && has_restricted(r.db)) {
              const json body = json::parse(*cached);
              audit_search(user, req, sr, body["total"].get<std::size_t>(), body["hits"]);
            }
            return;
          }
        }
        const SearchResponse response = r.searcher->search(sr);
        if (response.took_ms > options.slow_query_ms)
          std::cerr << "[serve] slow query (" << response.took_ms << " ms): " << sr.query << "\n";
        json body = response_to_json(response);
        if (audit && !user.user.empty() && has_restricted(r.db)) audit_search(user, req, sr, response.total, body["hits"]);
        body["api"] = kApiVersion;
        body["page"] = page;
        body["size"] = size;
        body["from_date"] = sr.date_from ? json(iso_date(sr.date_from)) : json(nullptr);
        body["to_date"] = sr.date_to ? json(iso_date(sr.date_to)) : json(nullptr);
        body["from_year"] = sr.date_from ? json(sr.date_from / 10000) : json(nullptr);
        body["to_year"] = sr.date_to ? json(sr.date_to / 10000) : json(nullptr);
        if (sharded()) body["missing_shards"] = response.missing_shards;
        auto text = std::make_shared<const std::string>(body.dump());
        res.set_content(*text, kJsonType);
        if (!cache->enabled()) return;
        res.set_header("X-Tsubo-Cache", "miss");
        // A degraded answer is not kept: the missing shard may be back for the next request.
        if (response.missing_shards.empty()) cache->insert(r.fingerprint, key, std::move(text));
        else r.degraded = true;
      } catch (const QuerySyntaxError& e) {
        send_error(res, 400, "bad_query", e.what());
      } catch (const SearchError& e) {
        const std::string what = e.what();
        if (what.find("[xapian]") != std::string::npos) send_error(res, 503, "index_unavailable", what);
        else send_error(res, 400, "bad_filter", what);
      }
    });
  }

  // Searches by a named user of an index holding private passages: what was asked, how many matched,
  // and which private documents the page showed.
  void audit_search(const Identity& user, const httplib::Request& req, const SearchRequest& sr, std::size_t total,
                    const json& hits) {
    json shown = json::array();
    for (const auto& h : hits)
      if (h.value("collection", "public") != "public") shown.push_back(h.value("doc_id", ""));
    audit_entry(user, req,
                {{"endpoint", "search"}, {"query", sr.query}, {"collections", sr.collections}, {"hits", total},
                 {"private_docs_shown", shown}});
  }

  void handle_doc(const httplib::Request& req, httplib::Response& res) {
    check_params(req);
    const Identity user = who(req);
    const std::string id = req.matches[1];
    if (id.size() > kMaxDocIdBytes || !utf8::valid(id) || id.find('\0') != std::string::npos)
      throw BadRequest{400, "bad_doc_id", "not a document id"};
    const std::string q = req.get_param_value("q");
    if (q.size() > options.max_query_bytes) throw BadRequest{413, "query_too_long", "q is too long"};
    with_reader(res, [&](Reader& r) {
      std::vector<std::string> highlight;
      if (!utf8::trim(q).empty()) {
        try {
          highlight = parse_query(q, r.analyzer).highlight_terms;
        } catch (const QuerySyntaxError&) {
          // Only used to mark words; a query the page could not parse simply marks nothing.
        }
      }
      auto doc = read_document(r.db, id, highlight, r.analyzer, r.searcher->versions(), user.groups);
      // A private document the user may not read is "not found", exactly as one that does not exist.
      if (!doc) return send_error(res, 404, "no_such_document", "no document «" + id + "» in the index");
      if (doc->value("collection", "public") != "public")
        audit_entry(user, req, {{"endpoint", "doc"}, {"doc_id", id}, {"collection", doc->value("collection", "")},
                                {"passages", (*doc)["passages"].size()}});
      (*doc)["api"] = kApiVersion;
      send_json(res, 200, *doc);
    });
  }

  // /api/history?article=不競法21条[&diff=2015-08-01..2016-04-01]: an article's versions and changes.
  void handle_history(const httplib::Request& req, httplib::Response& res) {
    check_params(req);
    const Identity user = who(req);
    const std::string article = utf8::trim(req.get_param_value("article"));
    if (article.empty() || article.size() > kMaxDocIdBytes)
      throw BadRequest{400, "bad_article", "article=<a statute article, e.g. 不競法21条> is required"};
    const std::string diff = utf8::trim(req.get_param_value("diff"));
    int a = 0, b = 0;
    if (!diff.empty()) {
      const std::size_t dots = diff.find("..");
      try {
        if (dots == std::string::npos) throw DateFilterError(DateInput::Range, "write two days: 2015-08-01..2016-04-01");
        a = parse_day(diff.substr(0, dots));
        b = parse_day(diff.substr(dots + 2));
      } catch (const DateFilterError& e) {
        throw BadRequest{400, "bad_date", std::string("diff: ") + e.what()};
      }
    }
    with_reader(res, [&](Reader& r) {
      try {
        const ArticleHistory history =
            article_history(r.db, r.searcher->versions(), article, r.analyzer, today_yyyymmdd(), user.groups);
        json body = history_to_json(history);
        if (!diff.empty()) {
          const ArticleDiff d = diff_between(history, a, b, r.analyzer);
          body["diff"] = {{"from", d.before ? d.before->from : ""},
                          {"to", d.after ? d.after->from : ""},
                          {"changes", diff_to_json(d.changes)}};
        }
        body["api"] = kApiVersion;
        send_json(res, 200, body);
      } catch (const HistoryError& e) {
        send_error(res, 404, "no_such_article", e.what());
      }
    });
  }

  void handle_suggest(const httplib::Request& req, httplib::Response& res) {
    check_params(req);
    const Identity user = who(req);
    const std::string q = req.get_param_value("q");
    if (q.size() > kMaxSuggestInputBytes)
      throw BadRequest{413, "query_too_long", "suggestions are offered for at most " +
                                                  std::to_string(kMaxSuggestInputBytes) + " bytes of input"};
    const std::size_t limit = number_param(req, "limit", 8, 1, kMaxSuggestions);
    with_reader(res, [&](Reader& r) {
      json list = json::array();
      for (const auto& s : suggester.suggest(r.db, q, limit, user.groups))
        list.push_back({{"text", s.text}, {"kind", s.kind}, {"count", s.count}});
      send_json(res, 200, {{"api", kApiVersion}, {"query", q}, {"suggestions", list}});
    });
  }

  void handle_similar(const httplib::Request& req, httplib::Response& res) {
    check_params(req);
    const Identity user = who(req);
    const std::string id = req.get_param_value("passage");
    if (id.empty() || id.size() > kMaxDocIdBytes) throw BadRequest{400, "bad_passage", "passage=<passage id> is required"};
    const std::size_t size = number_param(req, "size", 5, 1, kMaxSimilar);
    with_reader(res, [&](Reader& r) {
      auto hits = more_like_this(r.db, id, size, r.analyzer, user.groups);
      if (!hits) return send_error(res, 404, "no_such_passage", "no passage «" + id + "» in the index");
      json shown = json::array();
      for (const auto& h : *hits)
        if (h.collection != "public") shown.push_back(h.doc_id);
      if (id.find(':') != std::string::npos || !shown.empty())  // collection passages are <collection>:<id>
        audit_entry(user, req, {{"endpoint", "similar"}, {"passage_id", id}, {"private_docs_shown", shown}});
      SearchResponse response;
      response.total = hits->size();
      response.hits = std::move(*hits);
      json body = response_to_json(response);
      body["api"] = kApiVersion;
      body["passage"] = id;
      send_json(res, 200, body);
    });
  }

  void handle_health(const httplib::Request& req, httplib::Response& res) {
    const Identity user = who(req);
    with_reader(res, [&](Reader& r) {
      // Passages this reader may see: the size of private collections is not told to others.
      const std::size_t passages = has_restricted(r.db)
                                       ? readable_documents(r.db, Xapian::Query::MatchAll, user.groups).size()
                                       : r.db.get_doccount();
      json body = {{"status", "ok"}, {"api", kApiVersion}, {"passages", passages}};
      if (sharded()) {
        // Several databases have no single revision; the fingerprint changes as a revision would.
        body["revision"] = r.fingerprint;
        body["shards"] = options.shards;
        body["missing_shards"] = r.missing;
      } else {
        try {
          body["revision"] = r.db.get_revision();
        } catch (const Xapian::InvalidOperationError&) {
          body["revision"] = r.fingerprint;  // a stub file listing several databases
        }
      }
      send_json(res, 200, body);
    });
  }

  static const char* content_type(const fs::path& p) {
    const std::string ext = p.extension().string();
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".json") return "application/json; charset=utf-8";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".ico") return "image/x-icon";
    if (ext == ".txt" || ext == ".md") return "text/plain; charset=utf-8";
    return "application/octet-stream";
  }

  // Files under web/ only: no "..", no hidden files, no symlink leading out (checked on the
  // canonical path), no node_modules.
  void handle_static(const httplib::Request& req, httplib::Response& res) {
    if (web_root.empty()) return send_error(res, 404, "not_found", "no such API endpoint");
    const std::string& path = req.path;
    if (path.empty() || path[0] != '/' || path.find('\0') != std::string::npos || path.find('\\') != std::string::npos ||
        !utf8::valid(path))
      return send_error(res, 400, "bad_path", "bad path");
    fs::path rel;
    std::stringstream ss(path.substr(1));
    for (std::string seg; std::getline(ss, seg, '/');) {
      if (seg.empty()) continue;
      if (seg == ".." || seg[0] == '.' || seg == "node_modules")
        return send_error(res, 404, "not_found", "no such file");
      rel /= seg;
    }
    std::error_code ec;
    fs::path file = fs::weakly_canonical(web_root / rel, ec);
    if (!ec && fs::is_directory(file, ec)) file = fs::weakly_canonical(file / "index.html", ec);
    const std::string root = web_root.string() + "/";
    if (ec || file.string().compare(0, root.size(), root) != 0 || !fs::is_regular_file(file, ec))
      return send_error(res, 404, "not_found", "no such file");
    const auto bytes = fs::file_size(file, ec);
    if (ec || bytes > kMaxStaticFileBytes) return send_error(res, 404, "not_found", "no such file");
    std::ifstream in(file, std::ios::binary);
    std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    res.set_header("Cache-Control", "no-cache");
    res.set_content(std::move(body), content_type(file));
  }

  bool origin_allowed(const std::string& origin) const {
    if (origin.empty()) return false;
    for (const auto& o : options.allowed_origins)
      if (o == "*" || o == origin) return true;
    return false;
  }

  // Every response: security headers; API responses to an allowed Origin: CORS headers.
  void add_headers(const httplib::Request& req, httplib::Response& res) const {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                   "frame-ancestors 'none'; form-action 'self'");
    const bool api = req.path.rfind("/api/", 0) == 0 || req.path == "/healthz";
    if (!api) return;
    res.set_header("Vary", "Origin");
    res.set_header("Cache-Control", "no-store");
    const std::string origin = req.get_header_value("Origin");
    if (origin_allowed(origin)) res.set_header("Access-Control-Allow-Origin", origin);
  }

  // Runs a handler: validation failures and unexpected exceptions become JSON errors.
  template <typename Fn>
  void guarded(const httplib::Request& req, httplib::Response& res, Fn fn) {
    try {
      fn(req, res);
    } catch (const BadRequest& e) {
      send_error(res, e.status, e.code, e.message);
    } catch (const IdentityRefused& e) {
      if (e.status == 401) res.set_header("WWW-Authenticate", "Bearer");
      send_error(res, e.status, e.code, e.message);
    } catch (const AnalyzerError& e) {
      send_error(res, 503, "analyzer_unavailable", e.what());
    } catch (const SearchError& e) {
      send_error(res, 503, "index_unavailable", e.what());
    } catch (const Xapian::Error& e) {
      send_error(res, 503, "index_unavailable", "[serve][xapian] " + e.get_description());
    } catch (const std::exception& e) {
      std::cerr << "[serve] " << req.method << " " << req.path << ": " << e.what() << "\n";
      res = httplib::Response();
      add_headers(req, res);
      send_error(res, 500, "internal_error", "internal error");
    }
  }

  // One complete request (from the event loop's workers) to its route.
  void dispatch(httplib::Request& req, httplib::Response& res) {
    add_headers(req, res);
    if (req.method == "OPTIONS") {
      const std::string origin = req.get_header_value("Origin");
      if (!origin_allowed(origin)) return send_error(res, 403, "origin_not_allowed", "origin not allowed");
      res.status = 204;
      res.set_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
      res.set_header("Access-Control-Allow-Headers", "Accept, Content-Type, Authorization");
      res.set_header("Access-Control-Max-Age", "600");
      return;
    }
    if (req.method != "GET") {  // HEAD arrives as GET (search/http_wire.h)
      res.set_header("Allow", "GET, HEAD, OPTIONS");
      return send_error(res, 405, "method_not_allowed", "only GET is served");
    }
    static const std::regex doc_route("/api/doc/(.+)");
    const std::string& path = req.path;
    if (path == "/api/search") return guarded(req, res, [this](const auto& q, auto& r) { handle_search(q, r); });
    if (std::regex_match(req.path, req.matches, doc_route))
      return guarded(req, res, [this](const auto& q, auto& r) { handle_doc(q, r); });
    if (path == "/api/history") return guarded(req, res, [this](const auto& q, auto& r) { handle_history(q, r); });
    if (path == "/api/suggest") return guarded(req, res, [this](const auto& q, auto& r) { handle_suggest(q, r); });
    if (path == "/api/similar") return guarded(req, res, [this](const auto& q, auto& r) { handle_similar(q, r); });
    if (path == "/healthz") return guarded(req, res, [this](const auto& q, auto& r) { handle_health(q, r); });
    if (path.rfind("/api/", 0) == 0)
      return send_error(res, 404, "not_found", "no such API endpoint; see /api/search, /api/doc/{id}, /api/suggest");
    guarded(req, res, [this](const auto& q, auto& r) { handle_static(q, r); });
  }

  // A request refused by the event loop before any route saw it (a limit, a timeout, bad syntax).
  static void refuse(int status, const std::string& code, const std::string& message, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Cache-Control", "no-store");
    send_error(res, status, code, message);
  }
};

HttpServer::HttpServer(HttpOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->options.max_page_size = std::min(impl_->options.max_page_size, kMaxResultsPerPage);
  impl_->options.max_query_bytes = std::min(impl_->options.max_query_bytes, kMaxQueryBytes);
  if (!impl_->options.web_dir.empty()) {
    std::error_code ec;
    impl_->web_root = fs::canonical(impl_->options.web_dir, ec);
    if (ec || !fs::is_directory(impl_->web_root))
      throw SearchError("[serve] no web folder at " + impl_->options.web_dir);
  }
  if (impl_->options.access && !impl_->options.access->audit.path.empty())
    impl_->audit = std::make_unique<AuditLog>(impl_->options.access->audit);
  const std::size_t cache_bytes = impl_->options.cache_mb * 1024 * 1024;
  impl_->cache = std::make_unique<ResponseCache>(cache_bytes ? impl_->options.cache_entries : 0, cache_bytes);
  // Open one reader now so that a missing or mismatched database fails here, with its reason.
  impl_->idle.push_back(impl_->open_reader());

  const HttpOptions& o = impl_->options;
  HttpLimits& limits = impl_->limits;
  limits.max_header_bytes = o.max_header_bytes;
  limits.max_header_lines = o.max_header_lines;
  limits.max_body_bytes = o.max_body_bytes;
  ConnectionLimits caps;
  caps.max_connections = o.max_connections;
  caps.max_connections_per_client = o.max_connections_per_client;
  caps.request_timeout_ms = o.request_timeout_seconds * 1000;
  caps.idle_timeout_ms = caps.write_timeout_ms = o.io_timeout_seconds * 1000;
  caps.workers = std::max<std::size_t>(1, o.threads);
  if (o.access) caps.uncapped_peers = o.access->trusted_proxies;
  Impl* impl = impl_.get();
  impl_->loop = std::make_unique<HttpEventLoop>(
      limits, caps, [impl](httplib::Request& req, httplib::Response& res) { impl->dispatch(req, res); }, &Impl::refuse);
}

HttpServer::~HttpServer() { stop(); }

int HttpServer::bind(const std::string& host, int port) { return impl_->loop->bind(host, port); }

void HttpServer::run() { impl_->loop->run(); }

std::string HttpServer::answer(std::string_view raw) {
  std::string out;
  for (int i = 0; i < 100 && !raw.empty(); ++i) {  // 100: as many as a connection's pipeline in the tests
    httplib::Request req;
    const ParsedRequest p = parse_http_request(raw, impl_->limits, req);
    if (p.state == ParsedRequest::State::kIncomplete) break;
    httplib::Response res;
    if (p.state == ParsedRequest::State::kRefused) {
      Impl::refuse(p.status, p.code, p.message, res);
      out += serialize_http_response(res, false, false);
      const std::size_t end = raw.find("\r\n\r\n");
      if (end == std::string_view::npos) break;
      raw.remove_prefix(end + 4);
      continue;
    }
    req.remote_addr = "127.0.0.1";
    try {
      impl_->dispatch(req, res);
    } catch (...) {
      res = httplib::Response();
      Impl::refuse(500, "internal_error", "internal error", res);
    }
    out += serialize_http_response(res, p.head, p.keep_alive);
    raw.remove_prefix(p.consumed);
    if (!p.keep_alive) break;
  }
  return out;
}

void HttpServer::stop() {
  if (impl_) impl_->loop->stop();
}

}  // namespace tsubo
