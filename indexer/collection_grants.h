// Which collection a source file's documents belong to and which groups may read them: from
// `tsubo index --collection NAME --acl g1,g2` and from the nearest .tsubo-acl file above the file.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace Xapian {
class Document;
}

namespace tsubo {

struct Document;

// A collection name, group name or ACL file that cannot be used; the message names it and says why.
struct AclError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A group is 1 to 64 ASCII letters, digits, '_', '-' or '.' (legal, hr, compliance-jp): names that pass
// unchanged through configuration files, HTTP headers and Xapian terms.
bool is_group_name(const std::string& name);

// "legal,compliance" → {compliance, legal} (sorted, without repeats). Throws AclError, tagged with
// `where`, for an empty list or a name that is not a group name.
std::vector<std::string> parse_group_list(const std::string& text, const std::string& where);

// A collection is named by 1 to 100 bytes of UTF-8 without white space, control characters, '/', ':'
// or '|' (社内規程, hr-2024). "public" is the public corpus's name and cannot be taken.
bool is_collection_name(const std::string& name);

// The per-folder grant file, .tsubo-acl: one group per line, '#' starts a comment, e.g.
//   # 人事評価: HR only
//   hr
// It replaces the --acl groups for every file in its folder and below (down to the next one).
// Throws AclError naming the file and line when it cannot be read, names no group or a bad one.
std::vector<std::string> read_acl_file(const std::string& path);
inline constexpr const char* kAclFileName = ".tsubo-acl";

// 16 hex digits (FNV-1a, 64 bits) of a folder's absolute, normalised path: the XF term's value.
std::string folder_fingerprint(const std::string& folder);

class CollectionGrants {
 public:
  // Changes nothing: the public corpus with no folders to look for .tsubo-acl files in.
  CollectionGrants() = default;
  // Without a collection and groups, the public corpus, where a file under a .tsubo-acl is refused
  // (AclError from apply) rather than indexed as public. `roots`: the folders and files being indexed; .tsubo-acl files are looked for from a file's
  // folder up to the root it was found under, never above. Throws AclError for a bad collection
  // name or group, or for groups without a collection.
  CollectionGrants(std::string collection, std::vector<std::string> groups, const std::vector<std::string>& roots);

  // Puts doc in the collection: ids become "<collection>:<id>" (so that a private 規程 never
  // replaces a public document of the same file name) and doc.groups the groups allowed to read it.
  // Throws AclError when a .tsubo-acl file on the way does not parse: the file is then not indexed.
  void apply(Document& doc, const std::string& source_path) const;

  // For a named collection: the XF term of the root the file lies under and its absolute path as a
  // value, so that re-indexing that root removes the documents of files that are gone.
  void mark_source(Xapian::Document& xdoc, const std::string& source_path) const;

  const std::string& collection() const { return collection_; }
  // The folders (absolute) whose vanished files a re-index removes: the named collection's roots.
  const std::vector<std::string>& folders() const { return folders_; }

 private:
  std::string root_of(const std::string& absolute_path) const;
  std::string collection_;
  std::vector<std::string> groups_;
  std::vector<std::string> roots_;    // absolute, normalised
  std::vector<std::string> folders_;  // the roots that are folders (collection runs only)
};

}  // namespace tsubo
