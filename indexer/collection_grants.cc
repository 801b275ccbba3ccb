// Collection names, group names and .tsubo-acl files checked at the edge; ids prefixed by collection.
#include "indexer/collection_grants.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <xapian.h>

#include "corpus/document.h"
#include "indexer/passage_document.h"
#include "indexer/schema.h"
#include "text/utf8.h"

namespace fs = std::filesystem;

namespace tsubo {
namespace {

constexpr std::size_t kMaxGroupBytes = 64;
constexpr std::size_t kMaxCollectionBytes = 100;
constexpr std::uintmax_t kMaxAclFileBytes = 64 * 1024;

std::string absolute_normal(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::absolute(path, ec).lexically_normal();
  std::string s = p.string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

bool is_under(const std::string& path, const std::string& root) {
  return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                          (root.back() == '/' || path[root.size()] == '/'));
}

}  // namespace

bool is_group_name(const std::string& name) {
  if (name.empty() || name.size() > kMaxGroupBytes) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
  });
}

std::vector<std::string> parse_group_list(const std::string& text, const std::string& where) {
  std::set<std::string> groups;
  std::stringstream ss(text);
  for (std::string part; std::getline(ss, part, ',');) {
    part = utf8::trim(part);
    if (part.empty()) continue;
    if (!is_group_name(part))
      throw AclError("[acl] " + where + ": «" + utf8::sanitize(part) +
                     "» is not a group name (1 to 64 of A-Z a-z 0-9 _ - .)");
    groups.insert(part);
  }
  if (groups.empty()) throw AclError("[acl] " + where + ": no group named");
  return {groups.begin(), groups.end()};
}

bool is_collection_name(const std::string& name) {
  if (name.empty() || name.size() > kMaxCollectionBytes || !utf8::valid(name) || name == "public") return false;
  if (utf8::remove_spaces(name) != name) return false;
  return std::none_of(name.begin(), name.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7F || c == '/' || c == ':' || c == '|' || c == ' ';
  });
}

std::vector<std::string> read_acl_file(const std::string& path) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) throw AclError("[acl] " + path + ": cannot read: " + ec.message());
  if (size > kMaxAclFileBytes) throw AclError("[acl] " + path + ": over 64 KB; a grant file lists a few groups");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw AclError("[acl] " + path + ": cannot read");
  std::set<std::string> groups;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (const std::size_t hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    if (!utf8::valid(line)) throw AclError("[acl] " + path + ":" + std::to_string(number) + ": not UTF-8");
    line = utf8::trim(line);
    if (line.empty()) continue;
    if (!is_group_name(line))
      throw AclError("[acl] " + path + ":" + std::to_string(number) + ": «" + utf8::sanitize(line) +
                     "» is not a group name (one group per line: 1 to 64 of A-Z a-z 0-9 _ - .)");
    groups.insert(line);
  }
  if (groups.empty())
    throw AclError("[acl] " + path + ": names no group; the folder is not indexed (write one group per line)");
  return {groups.begin(), groups.end()};
}

std::string folder_fingerprint(const std::string& folder) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : absolute_normal(folder)) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

CollectionGrants::CollectionGrants(std::string collection, std::vector<std::string> groups,
                                   const std::vector<std::string>& roots)
    : collection_(std::move(collection)), groups_(std::move(groups)) {
  if (!collection_.empty() && !is_collection_name(collection_))
    throw AclError("[acl] «" + utf8::sanitize(collection_) +
                   "» is not a collection name (no spaces, '/', ':' or '|'; \"public\" is the public corpus)");
  if (!groups_.empty() && collection_.empty())
    throw AclError("[acl] --acl needs --collection: private documents belong to a named collection");
  for (const auto& g : groups_)
    if (!is_group_name(g)) throw AclError("[acl] «" + utf8::sanitize(g) + "» is not a group name");
  std::sort(groups_.begin(), groups_.end());
  groups_.erase(std::unique(groups_.begin(), groups_.end()), groups_.end());
  for (const auto& r : roots) {
    roots_.push_back(absolute_normal(r));
    std::error_code ec;
    if (!collection_.empty() && fs::is_directory(r, ec)) folders_.push_back(roots_.back());
  }
  // The deepest root first, so that a file is attributed to the most specific folder named.
  std::sort(roots_.begin(), roots_.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::string CollectionGrants::root_of(const std::string& absolute_path) const {
  for (const auto& r : roots_)
    if (is_under(absolute_path, r)) return r;
  return "";
}

void CollectionGrants::apply(Document& doc, const std::string& source_path) const {
  std::vector<std::string> groups = groups_;
  const std::string file = absolute_normal(source_path);
  const std::string root = root_of(file);
  if (!root.empty()) {
    // From the file's folder up to the root: the nearest grant file decides.
    for (fs::path dir = fs::path(file).parent_path(); is_under(dir.string(), root); dir = dir.parent_path()) {
      const fs::path acl = dir / kAclFileName;
      std::error_code ec;
      if (fs::exists(acl, ec)) {
        // Restricted documents belong to a named collection (their ids are prefixed, hits say so).
        if (collection_.empty())
          throw AclError("[acl] " + acl.string() + ": a folder with a grant file is indexed into a named collection: "
                         "give --collection (its files are not indexed as public)");
        groups = read_acl_file(acl.string());
        break;
      }
      if (dir.string() == root || !dir.has_parent_path() || dir.parent_path() == dir) break;
    }
  }
  doc.collection = collection_;
  doc.groups = groups;
  if (collection_.empty()) return;
  const std::string lead = collection_ + ":";
  doc.id = lead + doc.id;
  for (auto& p : doc.passages) p.id = lead + p.id;
}

void CollectionGrants::mark_source(Xapian::Document& xdoc, const std::string& source_path) const {
  if (collection_.empty()) return;
  const std::string file = absolute_normal(source_path);
  for (const auto& folder : folders_)
    if (is_under(file, folder)) {
      xdoc.add_boolean_term(prefixed_term(schema::kPrefixSourceFolder, folder_fingerprint(folder)));
      xdoc.add_value(schema::kValueSourcePath, file);
      return;
    }
}

}  // namespace tsubo
