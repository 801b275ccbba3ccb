// Test helper: writes small archives with libarchive (members, symlinks, chosen format and filter).
#pragma once

#include <string>
#include <vector>

namespace tsubo::testing {

struct ArchiveMember {
  std::string name;
  std::string content;              // file content, or the link target when symlink
  bool symlink = false;
};

// format: "tar.xz", "tar" or "zip".
void write_archive(const std::string& path, const std::vector<ArchiveMember>& members, const std::string& format);

}  // namespace tsubo::testing
