// Opening shards: local databases with Xapian::Database, remote ones with Xapian::Remote::open.
#include "search/shards.h"

#include <filesystem>
#include <fstream>

#include <xapian.h>

#include "search/searcher.h"

namespace tsubo {
namespace {

constexpr const char* kTcp = "tcp://";
constexpr unsigned kConnectTimeoutMs = 2000;  // a shard that does not answer by then is reported missing
constexpr unsigned kTimeoutMs = 10000;        // per remote operation

struct TcpAddress {
  std::string host;
  unsigned port = 0;
};

bool is_remote(const std::string& shard) { return shard.rfind(kTcp, 0) == 0; }

// tcp://host:port, tcp://[::1]:port
TcpAddress parse_tcp(const std::string& shard) {
  const std::string rest = shard.substr(std::string(kTcp).size());
  const std::size_t colon = rest.rfind(':');
  TcpAddress a;
  if (colon != std::string::npos && colon > 0) {
    a.host = rest.substr(0, colon);
    if (a.host.size() > 2 && a.host.front() == '[' && a.host.back() == ']') a.host = a.host.substr(1, a.host.size() - 2);
    try {
      const unsigned long port = std::stoul(rest.substr(colon + 1));
      if (port > 0 && port < 65536) a.port = static_cast<unsigned>(port);
    } catch (const std::exception&) {
    }
  }
  if (a.host.empty() || a.port == 0)
    throw SearchError("[search][shards] «" + shard + "» is not a shard address; use tcp://host:port or a folder");
  return a;
}

}  // namespace

void open_shards(const std::vector<std::string>& shards, Xapian::Database& db, std::vector<std::string>& missing) {
  for (const auto& shard : shards) {
    try {
      if (is_remote(shard)) {
        const TcpAddress a = parse_tcp(shard);
        db.add_database(Xapian::Remote::open(a.host, a.port, kTimeoutMs, kConnectTimeoutMs));
      } else if (!std::filesystem::exists(shard)) {
        missing.push_back(shard + ": no database there");
      } else {
        db.add_database(Xapian::Database(shard));
      }
    } catch (const Xapian::Error& e) {
      missing.push_back(shard + ": " + e.get_description());
    }
  }
}

void write_shard_stub(const std::vector<std::string>& shards, const std::string& stub_path) {
  std::string stub = "# tsubo shards: one database per line (Xapian stub database file)\n";
  for (const auto& shard : shards) {
    if (is_remote(shard)) {
      const TcpAddress a = parse_tcp(shard);
      const std::string host = a.host.find(':') != std::string::npos ? "[" + a.host + "]" : a.host;
      stub += "remote " + host + ":" + std::to_string(a.port) + "\n";
    } else {
      stub += "auto " + std::filesystem::absolute(shard).lexically_normal().string() + "\n";
    }
  }
  std::ofstream out(stub_path, std::ios::binary | std::ios::trunc);
  out << stub;
  if (!out.flush()) throw SearchError("[search][shards] cannot write " + stub_path);
}

std::string database_fingerprint(const Xapian::Database& db) {
  std::string out = db.get_uuid();
  try {
    out += " r" + std::to_string(db.get_revision());
    return out;
  } catch (const Xapian::InvalidOperationError&) {
  } catch (const Xapian::UnimplementedError&) {
  }
  out += " n" + std::to_string(db.get_doccount()) + " d" + std::to_string(db.get_lastdocid()) + " l" +
         std::to_string(db.get_total_length());
  return out;
}

}  // namespace tsubo
